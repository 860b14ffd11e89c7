package com.chatwebsite.plugin.form;

import java.util.List;
import java.util.Optional;

/**
 * One section of a form.
 *
 * @param type the kind
 * @param name the value's key (empty for a label)
 * @param label what the customer reads
 * @param required whether a value must be given (an agreement must be checked)
 * @param inputType for an input: {@code text}, {@code number} or {@code email}
 * @param options for select, radio and checkboxes
 * @param defaultValue the pre-filled value, as a JSON-like value
 * @param accept for an attachment, the accepted file types
 * @param mapTo where the value goes
 */
public record FormField(
        FieldType type,
        String name,
        String label,
        boolean required,
        Optional<String> inputType,
        List<String> options,
        Optional<Object> defaultValue,
        Optional<AcceptSpec> accept,
        Optional<FieldMapping> mapTo) {

    public FormField {
        options = List.copyOf(options);
    }

    /** The longest text a field of this kind takes. */
    public int maxLength() {
        return type == FieldType.TEXTAREA ? 10_000 : 1_000;
    }
}
