package com.chatwebsite.plugin.form;

import java.util.Locale;
import java.util.Optional;

/** The kinds of form section the builder offers. */
public enum FieldType {
    /** Text shown to the customer; takes no value. */
    LABEL,
    SELECT,
    /** One line: text, number or e-mail. */
    INPUT,
    TEXTAREA,
    RADIO,
    CHECKBOXES,
    /** A consent check box. */
    AGREEMENT,
    /** Files uploaded beforehand, referenced by upload id. */
    ATTACHMENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromWire(Object value) {
        for (FieldType t : values()) {
            if (t.wire().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether the field offers a fixed list of options. */
    public boolean hasOptions() {
        return this == SELECT || this == RADIO || this == CHECKBOXES;
    }
}
