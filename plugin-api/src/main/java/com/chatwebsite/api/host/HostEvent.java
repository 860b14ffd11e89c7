package com.chatwebsite.api.host;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event on the host's {@link EventBus}.
 *
 * <p>{@code data} values are JSON-like JDK values ({@link String}, {@link Number},
 * {@link Boolean}, {@code null}-free {@link java.util.List} and {@link Map}), so that any listener
 * can read them and the host can forward them to browsers as JSON.
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
