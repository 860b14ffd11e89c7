package com.chatwebsite.api.host;

import java.util.function.Consumer;

/**
 * The host's in-process event bus: what one part publishes reaches every listener of the topic,
 * in the host and in every plugin.
 *
 * <p>Implemented by the host. {@link #publish} calls the listeners on the publisher's thread, in
 * the order they subscribed, and returns after the last one; a listener that throws is logged and
 * does not stop the others. Listeners must therefore be quick and must not block.
 *
 * <p>Topics used between the host and chat channels are in {@link InteractionTopics}.
 *
 * @since 1.0
 */
public interface EventBus {

    /**
     * Delivers an event to the listeners of its topic.
     *
     * @param event the event
     */
    void publish(HostEvent event);

    /**
     * Listens to a topic.
     *
     * @param topic an exact topic, or a prefix ending in {@code .*} (such as {@code interaction.*})
     * @param listener called for each event of the topic
     * @return the subscription; close it to stop listening (a plugin does so in {@code stop()})
     */
    Subscription subscribe(String topic, Consumer<HostEvent> listener);

    /**
     * A listener's registration.
     *
     * @since 1.0
     */
    interface Subscription extends AutoCloseable {
        /** Stops delivery to the listener; calling it again does nothing. */
        @Override
        void close();
    }
}
