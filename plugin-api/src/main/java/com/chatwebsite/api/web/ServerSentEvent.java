package com.chatwebsite.api.web;

import java.util.Objects;
import java.util.Optional;

/**
 * One event of a {@code text/event-stream}.
 *
 * <p>Built by the plugin and passed to {@link EventStream#send}, from any thread; the host writes
 * {@link #toWireFormat()} to the client.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param id the event's id, which the browser sends back as {@code Last-Event-ID} when it
 *     reconnects; empty for none
 * @param event the event's type; empty for the default {@code message}
 * @param data the payload, usually one line of JSON; line breaks are sent as several
 *     {@code data:} lines
 * @since 1.0
 */
public record ServerSentEvent(Optional<String> id, Optional<String> event, String data) {

    /** Checks that no field can break the stream's framing. */
    public ServerSentEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
        id.ifPresent(ServerSentEvent::requireOneLine);
        event.ifPresent(ServerSentEvent::requireOneLine);
    }

    /**
     * An event with an id and a type.
     *
     * @param id the id
     * @param event the type
     * @param data the payload
     * @return the event
     */
    public static ServerSentEvent of(String id, String event, String data) {
        return new ServerSentEvent(Optional.of(id), Optional.of(event), data);
    }

    /**
     * The event in wire format, ending with the blank line that dispatches it.
     *
     * @return the text to write to the stream
     */
    public String toWireFormat() {
        StringBuilder out = new StringBuilder(data.length() + 32);
        id.ifPresent(v -> out.append("id: ").append(v).append('\n'));
        event.ifPresent(v -> out.append("event: ").append(v).append('\n'));
        int start = 0;
        int n = data.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? data.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                out.append("data: ").append(data, start, i).append('\n');
                if (c == '\r' && i + 1 < n && data.charAt(i + 1) == '\n') {
                    i++; // CRLF is one line break
                }
                start = i + 1;
            }
        }
        return out.append('\n').toString();
    }

    private static void requireOneLine(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("id and event must not contain line breaks");
        }
    }
}
