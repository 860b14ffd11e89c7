package com.chatwebsite.host.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.host.Contact;
import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import com.chatwebsite.host.plugins.PluginExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalogue leaves out the types that break the extension point's rules and keeps the others. */
class FieldTypeCatalogTest {

    @Test
    void typesBreakingTheRulesAreLeftOutAndTheOthersKept() {
        List<PluginExtension<FormFieldType>> types = List.of(
                of("p", new Type("ok", WidgetControl.TEXT, List.of(string("hint")))),
                of("p", new Type("Bad Name", WidgetControl.TEXT, List.of())),
                of("p", new Type("owns-map", WidgetControl.TEXT, List.of(string("mapTo.extra")))),
                of("p", new Type("owns-name", WidgetControl.TEXT, List.of(string("name")))),
                of("p", new Type("twice", WidgetControl.TEXT, List.of(string("hint"), string("hint")))),
                of("p", new Type("no-control", null, List.of())),
                of("p", new Type("odd-default", WidgetControl.TEXT, List.of(SettingDescriptor
                        .builder("weird", SettingType.STRING).defaultValue(new Unwritable()).build()))),
                of("q", new Type("ok", WidgetControl.SELECT, List.of())),
                of("q", new Type("last", WidgetControl.CHECKBOX, List.of())));

        List<JsonNode> out = new FieldTypeCatalog(() -> types, new Contacts()).describe();

        assertEquals(List.of("ok@p", "last@q"), out.stream()
                .map(t -> t.get("name").asText() + "@" + t.get("plugin").asText()).toList());
        assertEquals(List.of("name", "label", "required", "mapTo.contact", "mapTo.variable", "hint"),
                out.get(0).get("properties").findValuesAsText("key"));
        JsonNode checkbox = out.get(1).get("properties");
        assertEquals("text", checkbox.get(1).get("type").asText(), "a check box's label is prose");
        assertEquals("[\"email\"]", checkbox.get(3).get("options").toString());
    }

    @Test
    void noTypesIsAnEmptyCatalogue() {
        assertEquals(List.of(), new FieldTypeCatalog(List::of, new Contacts()).describe());
    }

    private static PluginExtension<FormFieldType> of(String plugin, FormFieldType type) {
        return new PluginExtension<>(plugin, type);
    }

    private static SettingDescriptor string(String key) {
        return SettingDescriptor.builder(key, SettingType.STRING).build();
    }

    /** A value Jackson cannot write: its getter throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not writable");
        }
    }

    private record Type(String name, WidgetControl control, List<SettingDescriptor> properties)
            implements FormFieldType {
        @Override
        public String label() {
            return name;
        }

        @Override
        public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
            return DefinitionCheck.valid(properties);
        }

        @Override
        public FieldValue checkValue(FormFieldDefinition field, Object value) {
            return FieldValue.accepted(value);
        }
    }

    private static final class Contacts implements ContactManager {
        @Override
        public List<ContactField> fields() {
            return List.of(new ContactField("email", "E-mail", true));
        }

        @Override
        public Optional<Contact> findById(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Contact> findByField(String field, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Contact create(Map<String, String> fields) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Contact update(String id, Map<String, String> fields) {
            throw new UnsupportedOperationException();
        }
    }
}
