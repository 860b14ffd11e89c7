package com.chatwebsite.plugin.error;

import java.util.Objects;

/**
 * The plugin's domain refusals: a kind, a short machine-readable code and a sentence. Domain code
 * throws it; {@code web} maps the kind to an HTTP status, and the chat channel to the SPI's
 * {@code InteractionException}.
 */
public final class ChatException extends RuntimeException {

    /** What kind of refusal. */
    public enum Kind {
        /** No such thing, or not one the caller may see. */
        NOT_FOUND,
        /** The state does not allow it (closed, not active, in use). */
        CONFLICT,
        /** The input is malformed. */
        INVALID,
        /** The input is over a size limit. */
        TOO_LARGE,
        /** A service the action needs failed (such as a video provider). */
        UPSTREAM_FAILED,
        /** The plugin cannot take it now (stopping, overloaded); the client retries. */
        UNAVAILABLE,
        /** A file of a type that is not accepted, by name or by content. */
        UNSUPPORTED_TYPE
    }

    private final Kind kind;
    private final String code;

    public ChatException(Kind kind, String code, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
