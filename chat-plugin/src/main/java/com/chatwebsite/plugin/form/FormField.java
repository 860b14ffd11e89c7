package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.WidgetControl;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One checked section of a form. Holds no reference to its type's code: the type is looked up by
 * name at each use.
 *
 * @param type the field type's name
 * @param control how the widget renders it
 * @param name the value's key (empty for a {@link WidgetControl#STATIC} field)
 * @param label what the customer reads
 * @param required whether a value must be given (a check box must be checked)
 * @param properties the type's own properties, normalised by the type
 * @param attributes the widget attributes the type gives for it
 * @param accept for a {@link WidgetControl#FILE}, the accepted file types
 * @param mapTo where the value goes
 */
public record FormField(
        String type,
        WidgetControl control,
        String name,
        String label,
        boolean required,
        Map<String, Object> properties,
        Map<String, String> attributes,
        Optional<AcceptSpec> accept,
        Optional<FieldMapping> mapTo) {

    public FormField {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        attributes = Map.copyOf(attributes);
    }

    /**
     * The field as its type sees it.
     *
     * @return the definition
     */
    public FormFieldDefinition definition() {
        return new FormFieldDefinition(type, name, label, required, properties);
    }

    /**
     * The field as the admin API stores and returns it.
     *
     * @return {@code type, name, label, required}, the type's properties, {@code mapTo}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        if (control.takesValue()) {
            out.put("name", name);
        }
        out.put("label", label);
        out.put("required", required);
        out.putAll(properties);
        mapTo.ifPresent(m -> out.put("mapTo", Map.of(m.toContact() ? "contact" : "variable", m.target())));
        return out;
    }

    /**
     * The field as the widget reads it: the stored shape, with its control and attributes.
     *
     * @return the map
     */
    public Map<String, Object> toWidgetMap() {
        Map<String, Object> out = toMap();
        out.put("control", control.name().toLowerCase(java.util.Locale.ROOT));
        if (!attributes.isEmpty()) {
            out.put("attributes", attributes);
        }
        return out;
    }
}
