package com.chatwebsite.api.form;

import com.chatwebsite.api.settings.FieldError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link FormFieldType#checkDefinition} decided about a field's own properties: the
 * normalised properties to save, or why they are refused.
 *
 * @param properties the properties to save (defaults filled in, text trimmed) when valid; empty otherwise
 * @param errors what is wrong; each {@link FieldError#field()} is the property's key, such as
 *     {@code options}, and the form builder prefixes the field's place, such as {@code sections[2].}
 * @since 1.2
 */
public record DefinitionCheck(Map<String, Object> properties, List<FieldError> errors) {

    /** Copies the components. */
    public DefinitionCheck {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        errors = List.copyOf(errors);
    }

    /**
     * A valid definition.
     *
     * @param properties the normalised properties to save
     * @return the check
     */
    public static DefinitionCheck valid(Map<String, Object> properties) {
        return new DefinitionCheck(properties, List.of());
    }

    /**
     * A refused definition.
     *
     * @param errors what is wrong, at least one
     * @return the check
     */
    public static DefinitionCheck invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refused definition needs an error");
        }
        return new DefinitionCheck(Map.of(), errors);
    }

    /**
     * Whether the definition is valid.
     *
     * @return true if there are no errors
     */
    public boolean isValid() {
        return errors.isEmpty();
    }
}
