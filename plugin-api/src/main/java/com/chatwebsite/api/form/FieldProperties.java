package com.chatwebsite.api.form;

import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The properties the form builder owns for every field, whatever its type, and the widget
 * attributes a type may set. A host UI shows {@link #common} before the type's own
 * {@link FormFieldType#properties()}.
 *
 * @since 1.2
 */
public final class FieldProperties {

    /** The keys the builder owns; a type's own properties use none of them. */
    public static final Set<String> COMMON_KEYS = Set.of("type", "name", "label", "required", "mapTo");

    /**
     * The attributes {@link FormFieldType#widgetAttributes} may return, as in HTML:
     * {@code inputType} (the {@code type} of a {@link WidgetControl#TEXT} input: {@code text},
     * {@code email}, {@code number}, {@code tel}, {@code url}, {@code date}, {@code time}),
     * {@code min}, {@code max}, {@code step}, {@code pattern}, {@code maxlength},
     * {@code placeholder}, {@code autocomplete}, {@code inputmode}, {@code rows} and, for a
     * {@link WidgetControl#FILE}, {@code accept}.
     */
    public static final Set<String> WIDGET_ATTRIBUTES = Set.of("inputType", "min", "max", "step", "pattern",
            "maxlength", "placeholder", "autocomplete", "inputmode", "rows", "accept");

    /** The values the {@code inputType} attribute may take. */
    public static final Set<String> INPUT_TYPES = Set.of("text", "email", "number", "tel", "url", "date", "time");

    private FieldProperties() {
    }

    /**
     * The common properties a field of a type shows in the builder: its name, label and
     * {@code required} when the control takes a value, and a mapping to each allowed target.
     *
     * @param type the field type
     * @param contactFields the names of the Contact Manager's fields, the options of a contact mapping
     * @return the descriptors, in the order a UI shows them
     */
    public static List<SettingDescriptor> common(FormFieldType type, List<String> contactFields) {
        boolean value = type.control().takesValue();
        List<SettingDescriptor> out = new ArrayList<>();
        if (value) {
            out.add(setting("name", SettingType.STRING, "Name",
                    "The value's key: a letter, then letters, digits or _ (at most 64).", 1).required().build());
        }
        boolean prose = !value || type.control() == WidgetControl.CHECKBOX;
        out.add(setting("label", prose ? SettingType.TEXT : SettingType.STRING, value ? "Label" : "Text",
                "What the customer reads.", 2).required().build());
        if (value) {
            out.add(setting("required", SettingType.BOOLEAN, "Required",
                    type.control() == WidgetControl.CHECKBOX ? "The box must be checked." : "A value must be given.", 3)
                    .defaultValue(false).build());
        }
        Set<MappingTarget> targets = type.mappingTargets();
        if (targets.contains(MappingTarget.CONTACT_FIELD) && !contactFields.isEmpty()) {
            out.add(setting("mapTo.contact", SettingType.SELECT, "Contact field",
                    "Fill this field of the requester's contact.", 90).options(contactFields).build());
        }
        if (targets.contains(MappingTarget.ROUTING_VARIABLE)) {
            out.add(setting("mapTo.variable", SettingType.STRING, "Routing variable",
                    "Or send the value to agents as this routing variable.", 91).build());
        }
        return List.copyOf(out);
    }

    private static SettingDescriptor.Builder setting(String key, SettingType type, String label, String help,
            int order) {
        return SettingDescriptor.builder(key, type).label(label).help(help).group("Field", order);
    }
}
