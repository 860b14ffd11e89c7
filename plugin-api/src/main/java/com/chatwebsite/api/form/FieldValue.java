package com.chatwebsite.api.form;

import java.util.Objects;

/**
 * What {@link FormFieldType#checkValue} decided about a submitted value: the value to keep,
 * normalised, or the rule it broke and a sentence for the customer.
 *
 * @param value the normalised value when accepted (a JSON-like JDK value); null when refused
 * @param rule the rule broken, such as {@code phone}; null when accepted
 * @param message a sentence naming the field and what is expected; null when accepted
 * @since 1.2
 */
public record FieldValue(Object value, String rule, String message) {

    /** Checks that exactly one of a value and a refusal is given. */
    public FieldValue {
        if ((value == null) == (rule == null) || (rule == null) != (message == null)) {
            throw new IllegalArgumentException("a field value is either accepted with a value or refused with a rule "
                    + "and a message");
        }
    }

    /**
     * An accepted value.
     *
     * @param value the normalised value
     * @return the outcome
     */
    public static FieldValue accepted(Object value) {
        return new FieldValue(Objects.requireNonNull(value, "value"), null, null);
    }

    /**
     * A refused value.
     *
     * @param rule the rule broken
     * @param message what is wrong and what is expected
     * @return the outcome
     */
    public static FieldValue refused(String rule, String message) {
        return new FieldValue(null, Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(message, "message"));
    }

    /**
     * Whether the value was accepted.
     *
     * @return true if accepted
     */
    public boolean isAccepted() {
        return rule == null;
    }
}
