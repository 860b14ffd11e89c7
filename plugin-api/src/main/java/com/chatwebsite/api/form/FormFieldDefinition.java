package com.chatwebsite.api.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a saved form, as its {@link FormFieldType} sees it after the form builder has
 * checked it: the properties every field has, and the type's own properties as the type
 * normalised them in {@link FormFieldType#checkDefinition}.
 *
 * <p>Built by the plugin that owns the forms and passed to the type's methods; the type never
 * keeps it. Values in {@link #properties()} are JSON-like JDK values: strings, numbers, booleans,
 * lists and maps of those.
 *
 * @param type the field type's {@link FormFieldType#name()}
 * @param name the value's key, unique in the form; empty for a {@link WidgetControl#STATIC} field
 * @param label what the customer reads
 * @param required whether a value must be given (a check box must be checked)
 * @param properties the type's own properties, such as {@code options} or {@code accept}
 * @since 1.2
 */
public record FormFieldDefinition(String type, String name, String label, boolean required,
        Map<String, Object> properties) {

    /** Checks the components and copies the properties, keeping their order. */
    public FormFieldDefinition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * A property that is a string.
     *
     * @param key the property's key
     * @return its value, if it is a string
     */
    public Optional<String> string(String key) {
        return properties.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * A property that is a list of strings, such as {@code options}.
     *
     * @param key the property's key
     * @return its strings; empty if it is absent or not such a list
     */
    public List<String> strings(String key) {
        if (!(properties.get(key) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
