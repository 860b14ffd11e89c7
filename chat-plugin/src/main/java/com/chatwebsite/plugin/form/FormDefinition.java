package com.chatwebsite.plugin.form;

import com.chatwebsite.api.settings.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form: its sections in the admin's order. A stored form may hold sections whose type no started
 * plugin contributes now: they are kept as stored, named in {@link #problems()}, and left out of
 * {@link #sections()}, so the widget and submissions skip them until the type is back.
 *
 * @param sections the usable sections
 * @param stored every section as stored, usable or not
 * @param problems why some stored sections are not usable, by path such as {@code sections[2].type}
 */
public record FormDefinition(List<FormField> sections, List<Map<String, Object>> stored, List<FieldError> problems) {

    public FormDefinition {
        sections = List.copyOf(sections);
        stored = List.copyOf(stored);
        problems = List.copyOf(problems);
    }

    /**
     * A form whose sections are all usable.
     *
     * @param sections the sections
     */
    public FormDefinition(List<FormField> sections) {
        this(sections, sections.stream().map(FormField::toMap).toList(), List.of());
    }

    /**
     * A field by name.
     *
     * @param name the name
     * @return the usable field, if the form has one (fields without a value have no name)
     */
    public Optional<FormField> field(String name) {
        return sections.stream().filter(f -> f.control().takesValue() && f.name().equals(name)).findFirst();
    }

    /**
     * The form as the admin API stores and returns it.
     *
     * @return {@code {"sections":[...]}}
     */
    public Map<String, Object> toMap() {
        return Map.of("sections", stored);
    }

    /**
     * The form as the admin API returns it: {@link #toMap()}, with {@code problems} when some
     * sections are not usable.
     *
     * @return the map
     */
    public Map<String, Object> toAdminMap() {
        Map<String, Object> out = new LinkedHashMap<>(toMap());
        if (!problems.isEmpty()) {
            out.put("problems", problems.stream().map(p -> Map.of("field", p.field(), "rule", p.rule(),
                    "message", p.message())).toList());
        }
        return out;
    }

    /**
     * The form as the widget reads it: the usable sections with their controls.
     *
     * @return {@code {"sections":[...]}}
     */
    public Map<String, Object> toWidgetMap() {
        return Map.of("sections", sections.stream().map(FormField::toWidgetMap).toList());
    }
}
