package com.chatwebsite.api.settings;

import java.util.Objects;

/**
 * One reason a value was refused: which field, which rule, and a sentence for people. Returned by
 * validation so a UI can show each message beside its input; sent in HTTP error bodies as
 * {@code {"field","rule","message"}}.
 *
 * @param field the key of the field at fault (dotted or indexed for nested values, such as
 *     {@code workingIntervals[1].time})
 * @param rule the rule it broke, such as {@code required}, {@code email}, {@code max}
 * @param message a sentence saying what is wrong and what is expected
 * @since 1.0
 */
public record FieldError(String field, String rule, String message) {

    /** Checks the components. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
