package com.chatwebsite.host;

/**
 * Small plugins that contribute form field types, compiled by tests with {@link TestPlugins}:
 * one well-behaved type of each kind, and types that break the extension point's rules.
 */
public final class FieldTypePlugins {

    /** The API version that has form field types. */
    public static final String REQUIRES = ">=1.2.0 & <2.0.0";

    private FieldTypePlugins() {
    }

    /**
     * Plugin {@code phone-types}: {@code phone} (TEXT, own properties {@code pattern} and
     * {@code maxlength}, ordinal 1), {@code note} (STATIC, no own property), and types left out
     * of a catalogue: a second {@code phone} (ordinal 2, listed first in the index), {@code broken}
     * (its properties() throws an Error) and one whose name() throws.
     *
     * @return the plugin's source
     */
    public static TestPlugins.Source phoneTypes() {
        return new TestPlugins.Source("phone-types", "phonetypes.PhoneTypesPlugin")
                .requires(REQUIRES)
                .java("phonetypes.PhoneTypesPlugin", """
                        package phonetypes;
                        public class PhoneTypesPlugin extends org.pf4j.Plugin {
                            public PhoneTypesPlugin() { }
                        }
                        """)
                .java("phonetypes.BaseType", """
                        package phonetypes;
                        import com.chatwebsite.api.form.*;
                        import com.chatwebsite.api.settings.*;
                        import java.util.*;
                        public abstract class BaseType implements FormFieldType {
                            @Override public List<SettingDescriptor> properties() { return List.of(); }
                            @Override public DefinitionCheck checkDefinition(Map<String, Object> p,
                                    FormFieldDefinition common) { return DefinitionCheck.valid(p); }
                            @Override public FieldValue checkValue(FormFieldDefinition f, Object v) {
                                return FieldValue.accepted(v);
                            }
                        }
                        """)
                .java("phonetypes.PhoneType", """
                        package phonetypes;
                        import com.chatwebsite.api.form.*;
                        import com.chatwebsite.api.settings.*;
                        import java.util.*;
                        @org.pf4j.Extension(ordinal = 1)
                        public class PhoneType extends BaseType {
                            public PhoneType() { }
                            @Override public String name() { return "phone"; }
                            @Override public String label() { return "Phone number"; }
                            @Override public WidgetControl control() { return WidgetControl.TEXT; }
                            @Override public List<SettingDescriptor> properties() {
                                return List.of(
                                        SettingDescriptor.builder("pattern", SettingType.STRING).label("Pattern")
                                                .help("A regular expression.").group("Phone", 10).build(),
                                        SettingDescriptor.builder("maxlength", SettingType.INTEGER).label("Longest")
                                                .defaultValue(20).group("Phone", 11).build());
                            }
                            @Override public Map<String, String> widgetAttributes(FormFieldDefinition f) {
                                Map<String, String> out = new LinkedHashMap<>();
                                out.put("inputType", "tel");
                                f.string("pattern").ifPresent(p -> out.put("pattern", p));
                                return out;
                            }
                        }
                        """)
                .java("phonetypes.ShadowPhoneType", """
                        package phonetypes;
                        import com.chatwebsite.api.form.*;
                        @org.pf4j.Extension(ordinal = 2)
                        public class ShadowPhoneType extends BaseType {
                            public ShadowPhoneType() { }
                            @Override public String name() { return "phone"; }
                            @Override public String label() { return "Shadow phone"; }
                            @Override public WidgetControl control() { return WidgetControl.TEXTAREA; }
                        }
                        """)
                .java("phonetypes.NoteType", """
                        package phonetypes;
                        import com.chatwebsite.api.form.*;
                        @org.pf4j.Extension(ordinal = 3)
                        public class NoteType extends BaseType {
                            public NoteType() { }
                            @Override public String name() { return "note"; }
                            @Override public String label() { return "Note"; }
                            @Override public WidgetControl control() { return WidgetControl.STATIC; }
                        }
                        """)
                .java("phonetypes.BrokenType", """
                        package phonetypes;
                        import com.chatwebsite.api.form.*;
                        import com.chatwebsite.api.settings.*;
                        import java.util.*;
                        @org.pf4j.Extension(ordinal = 4)
                        public class BrokenType extends BaseType {
                            public BrokenType() { }
                            @Override public String name() { return "broken"; }
                            @Override public String label() { return "Broken"; }
                            @Override public WidgetControl control() { return WidgetControl.TEXT; }
                            @Override public List<SettingDescriptor> properties() {
                                throw new NoClassDefFoundError("a class of the plugin is gone");
                            }
                        }
                        """)
                .java("phonetypes.NamelessType", """
                        package phonetypes;
                        import com.chatwebsite.api.form.*;
                        @org.pf4j.Extension(ordinal = 5)
                        public class NamelessType extends BaseType {
                            public NamelessType() { }
                            @Override public String name() { throw new IllegalStateException("no name"); }
                            @Override public String label() { return "Nameless"; }
                            @Override public WidgetControl control() { return WidgetControl.TEXT; }
                        }
                        """)
                .extension("phonetypes.ShadowPhoneType")
                .extension("phonetypes.BrokenType")
                .extension("phonetypes.PhoneType")
                .extension("phonetypes.NamelessType")
                .extension("phonetypes.NoteType");
    }

    /**
     * Plugin {@code more-types}: {@code rating}, a SELECT with {@code options}, mapped to routing
     * variables only.
     *
     * @return the plugin's source
     */
    public static TestPlugins.Source moreTypes() {
        return new TestPlugins.Source("more-types", "moretypes.MoreTypesPlugin")
                .requires(REQUIRES)
                .java("moretypes.MoreTypesPlugin", """
                        package moretypes;
                        public class MoreTypesPlugin extends org.pf4j.Plugin {
                            public MoreTypesPlugin() { }
                        }
                        """)
                .java("moretypes.RatingType", """
                        package moretypes;
                        import com.chatwebsite.api.form.*;
                        import com.chatwebsite.api.settings.*;
                        import java.util.*;
                        @org.pf4j.Extension
                        public class RatingType implements FormFieldType {
                            public RatingType() { }
                            @Override public String name() { return "rating"; }
                            @Override public String label() { return "Rating"; }
                            @Override public WidgetControl control() { return WidgetControl.SELECT; }
                            @Override public Set<MappingTarget> mappingTargets() {
                                return EnumSet.of(MappingTarget.ROUTING_VARIABLE);
                            }
                            @Override public List<SettingDescriptor> properties() {
                                return List.of(SettingDescriptor.builder("options", SettingType.STRING_LIST)
                                        .label("Options").required().group("Rating", 10).build());
                            }
                            @Override public DefinitionCheck checkDefinition(Map<String, Object> p,
                                    FormFieldDefinition common) { return DefinitionCheck.valid(p); }
                            @Override public FieldValue checkValue(FormFieldDefinition f, Object v) {
                                return FieldValue.accepted(v);
                            }
                        }
                        """)
                .extension("moretypes.RatingType");
    }

    /**
     * Plugin {@code other-phone}: another {@code phone}, labelled {@code Other phone}.
     *
     * @return the plugin's source
     */
    public static TestPlugins.Source otherPhone() {
        return new TestPlugins.Source("other-phone", "otherphone.OtherPhonePlugin")
                .requires(REQUIRES)
                .java("otherphone.OtherPhonePlugin", """
                        package otherphone;
                        public class OtherPhonePlugin extends org.pf4j.Plugin {
                            public OtherPhonePlugin() { }
                        }
                        """)
                .java("otherphone.OtherPhoneType", """
                        package otherphone;
                        import com.chatwebsite.api.form.*;
                        import com.chatwebsite.api.settings.*;
                        import java.util.*;
                        @org.pf4j.Extension
                        public class OtherPhoneType implements FormFieldType {
                            public OtherPhoneType() { }
                            @Override public String name() { return "phone"; }
                            @Override public String label() { return "Other phone"; }
                            @Override public WidgetControl control() { return WidgetControl.TEXT; }
                            @Override public List<SettingDescriptor> properties() { return List.of(); }
                            @Override public DefinitionCheck checkDefinition(Map<String, Object> p,
                                    FormFieldDefinition common) { return DefinitionCheck.valid(p); }
                            @Override public FieldValue checkValue(FormFieldDefinition f, Object v) {
                                return FieldValue.accepted(v);
                            }
                        }
                        """)
                .extension("otherphone.OtherPhoneType");
    }
}
