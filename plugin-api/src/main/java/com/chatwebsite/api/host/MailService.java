package com.chatwebsite.api.host;

/**
 * The host's e-mail: its SMTP account for sending, and its mail channel for opening inbound
 * e-mail interactions that agents handle.
 *
 * <p>Implemented by the host; called by plugins from their own threads (an outbox relay, for
 * example), never while holding a database transaction open. Both methods block until the host has
 * accepted or refused the message. They are idempotent for the same Message-ID only as far as the
 * receiving server de-duplicates; callers that retry pass a stable one.
 *
 * @since 1.0
 */
public interface MailService {

    /**
     * Sends a message through the host's SMTP account (or its configured drop folder).
     *
     * @param message the message
     * @return the Message-ID it was sent with
     * @throws MailDeliveryException if the server is unreachable or refuses it
     * @throws IllegalArgumentException if an address or header value is invalid; retrying will
     *     not help
     */
    String send(MailMessage message) throws MailDeliveryException;

    /**
     * Opens a new e-mail interaction in the host's mail channel.
     *
     * @param interaction the interaction
     * @return the host's id of the interaction; the same id again for a Message-ID it already has
     * @throws MailDeliveryException if the host could not store it now
     * @throws IllegalArgumentException if an address or header value is invalid
     */
    String openInteraction(MailInteraction interaction) throws MailDeliveryException;
}
