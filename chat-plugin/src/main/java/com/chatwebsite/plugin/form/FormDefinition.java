package com.chatwebsite.plugin.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form: its sections in the admin's order.
 *
 * @param sections the sections
 */
public record FormDefinition(List<FormField> sections) {

    public FormDefinition {
        sections = List.copyOf(sections);
    }

    /**
     * A field by name.
     *
     * @param name the name
     * @return the field, if the form has one (labels have no name)
     */
    public Optional<FormField> field(String name) {
        return sections.stream().filter(f -> f.type() != FieldType.LABEL && f.name().equals(name)).findFirst();
    }

    /**
     * The form as JSON-like maps, as the admin API and the widget read it.
     *
     * @return {@code {"sections":[...]}}
     */
    public Map<String, Object> toMap() {
        return Map.of("sections", sections.stream().map(FormDefinition::fieldMap).toList());
    }

    private static Map<String, Object> fieldMap(FormField f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", f.type().wire());
        if (f.type() != FieldType.LABEL) {
            out.put("name", f.name());
        }
        out.put("label", f.label());
        out.put("required", f.required());
        f.inputType().ifPresent(t -> out.put("inputType", t));
        if (!f.options().isEmpty()) {
            out.put("options", f.options());
        }
        f.defaultValue().ifPresent(v -> out.put("default", v));
        f.accept().ifPresent(a -> out.put("accept", a.text()));
        f.mapTo().ifPresent(m -> out.put("mapTo", Map.of(m.toContact() ? "contact" : "variable", m.target())));
        return out;
    }
}
