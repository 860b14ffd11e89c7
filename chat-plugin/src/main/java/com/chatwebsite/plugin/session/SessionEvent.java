package com.chatwebsite.plugin.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a session's event log, as the customer's stream carries it; the sequence number is
 * the stream's event id.
 *
 * @param sessionId the session
 * @param seq its number, increasing within the session
 * @param type {@code message}, {@code state} or {@code video-call}
 * @param data the event's JSON-like content (for a message: seq, from, text, at, clientMessageId)
 * @param at when it was stored
 */
public record SessionEvent(String sessionId, long seq, String type, Map<String, Object> data, Instant at) {

    public static final String MESSAGE = "message";
    public static final String STATE = "state";
    public static final String VIDEO_CALL = "video-call";

    public SessionEvent {
        data = Map.copyOf(data);
    }

    /** For a message: who sent it. */
    public Optional<String> from() {
        return Optional.ofNullable((String) data.get("from"));
    }
}
