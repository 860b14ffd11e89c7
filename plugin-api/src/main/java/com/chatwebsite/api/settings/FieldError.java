package com.chatwebsite.api.settings;

import java.util.Objects;

/**
 * One reason a value was refused: which field, which rule, and a sentence for people. Returned by
 * validation so a UI can show each message beside its input; sent in HTTP error bodies as
 * {@code {"field","rule","message"}}.
 *
 * <p>Built by a plugin's validation (of settings, forms, request bodies) and by the host for the
 * request bodies it checks itself; whoever answers the HTTP request writes it.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
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
