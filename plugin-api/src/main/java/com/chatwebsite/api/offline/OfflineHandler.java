package com.chatwebsite.api.offline;

import org.pf4j.ExtensionPoint;

/**
 * Extension point: something done with every offline message, such as forwarding it by e-mail or
 * opening an e-mail interaction for agents.
 *
 * <p>The plugin that stores offline messages finds the handlers through
 * {@link com.chatwebsite.api.host.ExtensionLookup}. When a message is stored it records, in the
 * same transaction, one delivery for each handler that {@link #appliesTo} it, and a relay thread of
 * that plugin later calls {@link #handle} until it returns normally, retrying with backoff. So a
 * handler may be called more than once for the same message (after a failure or a restart) and must
 * make repeated calls harmless, for example with a Message-ID derived from {@link OfflineMessage#id()}.
 * Calls for different messages may run one after another on the same thread; a handler must not
 * block for long (bounded network timeouts).
 *
 * @since 1.0
 */
public interface OfflineHandler extends ExtensionPoint {

    /**
     * The handler's id, stable across versions: deliveries are recorded under it.
     *
     * @return such as {@code forward-offline}
     */
    String id();

    /**
     * Whether the handler has anything to do for a message, by the website's settings. Called once,
     * when the message is stored, on the request's thread.
     *
     * @param message the message
     * @return true to record a delivery
     */
    boolean appliesTo(OfflineMessage message);

    /**
     * Does the work.
     *
     * @param message the message
     * @throws Exception on a failure worth retrying (an unreachable server); the relay records the
     *     message of the exception for the supervisor and tries again later
     */
    void handle(OfflineMessage message) throws Exception;
}
