package com.chatwebsite.api.host;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event on the host's {@link EventBus}.
 *
 * <p>Built by whoever publishes it, the host or a plugin, and delivered to the listeners of its
 * topic on the publisher's thread (on other nodes, on a host thread).
 *
 * <p>{@code data} values are JSON-like JDK values ({@link String}, {@link Number},
 * {@link Boolean}, {@code null}-free {@link java.util.List} and {@link Map}), so that any listener
 * can read them and the host can forward them to browsers as JSON.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param topic what happened, as a dotted name such as {@code interaction.message}
 * @param data the event's content
 * @param at when it happened
 * @since 1.0
 */
public record HostEvent(String topic, Map<String, Object> data, Instant at) {

    /** Copies the data and checks the components. */
    public HostEvent {
        Objects.requireNonNull(topic, "topic");
        data = Map.copyOf(data);
        Objects.requireNonNull(at, "at");
    }
}
