package com.chatwebsite.api.channel;

import java.util.Objects;

/**
 * Thrown by a {@link ChatChannel} when it refuses an agent's action; the host answers the agent
 * with the HTTP status of the {@link Reason} and the message.
 *
 * <p>Thrown by the plugin on the host's request thread, from the {@link ChatChannel} method the
 * host called; the host catches it, so it never reaches the host's logs as an error. New
 * reasons may come in a minor version: a host answers an unknown one by its status.
 *
 * @since 1.0
 */
public class InteractionException extends RuntimeException {

    /**
     * Why an action was refused; chosen by the plugin, read by the host.
     *
     * @since 1.0
     */
    public enum Reason {
        /** No such interaction, or not one this agent may see: {@code 404}. */
        NOT_FOUND(404),
        /** The interaction is in a state that does not allow it (closed, not active): {@code 409}. */
        CONFLICT(409),
        /** The input is malformed: {@code 400}. */
        INVALID(400),
        /** The input is over a size limit: {@code 413}. */
        TOO_LARGE(413),
        /** A service the action needs failed (such as a video provider): {@code 502}. */
        UPSTREAM_FAILED(502),
        /**
         * A file of a type that is not accepted, by name or by content: {@code 415}.
         *
         * @since 1.2
         */
        UNSUPPORTED_TYPE(415);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /**
         * The HTTP status the host answers with.
         *
         * @return the status
         */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;
    private final String code;

    /**
     * Creates the exception.
     *
     * @param reason the kind of refusal
     * @param code a short machine-readable code such as {@code session_closed}
     * @param message a sentence for the agent
     */
    public InteractionException(Reason reason, String code, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * The kind of refusal.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The machine-readable code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }
}
