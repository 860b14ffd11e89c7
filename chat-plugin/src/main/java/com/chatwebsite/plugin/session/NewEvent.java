package com.chatwebsite.plugin.session;

import java.util.Map;
import java.util.Optional;

/**
 * An event to append to a session's log; the log gives it its sequence number and time.
 *
 * @param type the event type ({@link SessionEvent#MESSAGE}, ...)
 * @param sender for messages, who sent it
 * @param clientMessageId for messages, the sender's idempotency key
 * @param data the content, without {@code seq} and {@code at}
 */
public record NewEvent(String type, Optional<String> sender, Optional<String> clientMessageId,
        Map<String, Object> data) {

    public NewEvent {
        data = Map.copyOf(data);
    }

    static NewEvent system(String text) {
        return new NewEvent(SessionEvent.MESSAGE, Optional.of("system"), Optional.empty(),
                Map.of("from", "system", "text", text));
    }
}
