package com.chatwebsite.plugin.form;

import java.util.Locale;
import java.util.Optional;

/** Which of a website's two forms. */
public enum FormKind {
    /** Before a chat. */
    ONLINE,
    /** When no chat can happen. */
    OFFLINE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FormKind> fromWire(String value) {
        for (FormKind k : values()) {
            if (k.wire().equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
