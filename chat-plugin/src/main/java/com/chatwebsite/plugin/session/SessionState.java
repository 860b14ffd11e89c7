package com.chatwebsite.plugin.session;

import java.util.Locale;

/** Where a chat session is in its life. */
public enum SessionState {
    /** Opened; offered to agents; nobody accepted yet. */
    WAITING,
    /** An agent accepted it. */
    ACTIVE,
    /** Ended, with a disposition. */
    CLOSED;

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
