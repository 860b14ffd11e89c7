package com.chatwebsite.api.host;

/**
 * Thrown by {@link MailService} when the host could not hand a message over; the caller keeps it
 * and retries later.
 *
 * <p>Thrown by the host on the plugin's thread that called {@link MailService}.
 *
 * @since 1.0
 */
public class MailDeliveryException extends Exception {

    /**
     * Creates the exception.
     *
     * @param message what failed, safe to show to a supervisor
     * @param cause the underlying failure, if any
     */
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
