package com.chatwebsite.plugin.identity;

import java.util.Locale;

/** Whether a website asks its pages for a signed visitor identity ({@code identity.mode}). */
public enum IdentityMode {
    /** Identity is ignored. */
    OFF,
    /** A signed identity may be passed; a wrong one is refused. */
    OPTIONAL,
    /** No chat opens without a valid signed identity. */
    REQUIRED;

    /**
     * The mode of a setting value.
     *
     * @param value {@code off}, {@code optional} or {@code required}; anything else is off
     * @return the mode
     */
    public static IdentityMode of(Object value) {
        if (value instanceof String s) {
            for (IdentityMode m : values()) {
                if (m.name().equals(s.toUpperCase(Locale.ROOT))) {
                    return m;
                }
            }
        }
        return OFF;
    }
}
