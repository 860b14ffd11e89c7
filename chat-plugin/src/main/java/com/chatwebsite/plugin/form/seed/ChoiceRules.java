package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.settings.TextRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The options of select, radio and checkboxes fields. */
final class ChoiceRules {

    private ChoiceRules() {
    }

    /**
     * Checks a choice field's own properties: its options, then its default.
     *
     * @param typeName the type, for messages
     * @param properties the {@code options} and {@code default} properties
     * @param defaultOf the default, normalised, if it fits the options; empty if it does not
     * @param problem the sentence for a default that does not fit
     * @return the check
     */
    static DefinitionCheck definition(String typeName, Map<String, Object> properties,
            BiFunction<List<String>, Object, Optional<Object>> defaultOf, String problem) {
        List<FieldError> errors = new ArrayList<>();
        List<String> options = options(typeName, properties.get("options"), errors);
        if (!errors.isEmpty()) {
            return DefinitionCheck.invalid(errors);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("options", options);
        Object value = properties.get("default");
        if (value != null) {
            Optional<Object> normalised = defaultOf.apply(options, value);
            if (normalised.isEmpty()) {
                return DefinitionCheck.invalid(List.of(new FieldError("default", "default", problem)));
            }
            out.put("default", normalised.get());
        }
        return DefinitionCheck.valid(out);
    }

    /**
     * Checks the options of a definition.
     *
     * @param typeName the type, for messages
     * @param raw the {@code options} property
     * @param errors where problems go
     * @return the options, trimmed; empty on a problem
     */
    static List<String> options(String typeName, Object raw, List<FieldError> errors) {
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.size() > Properties.MAX_OPTIONS) {
            errors.add(new FieldError("options", "required", "A " + typeName + " needs 1 to " + Properties.MAX_OPTIONS
                    + " options."));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object o : list) {
            if (!(o instanceof String option) || option.isBlank() || option.length() > 200) {
                errors.add(new FieldError("options", "string", "Options must be texts of 1 to 200 characters."));
                return List.of();
            }
            Optional<FieldError> unsafe = TextRules.line("options", "An option", option);
            if (unsafe.isPresent()) {
                errors.add(unsafe.get());
                return List.of();
            }
            if (!out.add(option.strip())) {
                errors.add(new FieldError("options", "unique", "The option " + option + " is listed twice."));
                return List.of();
            }
        }
        return List.copyOf(out);
    }
}
