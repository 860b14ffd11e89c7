package com.chatwebsite.plugin.webhook;

import com.chatwebsite.plugin.session.SessionEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds each kind of webhook event from the change that causes it. The stores call these inside the
 * transaction of that change, so an event is stored exactly when its change is.
 */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    /**
     * The event a session log entry makes: {@code chat.message} for a customer's or an agent's message,
     * {@code chat.accepted} and {@code chat.closed} for those state changes; nothing for system messages,
     * video links and other entries.
     *
     * @param e the stored log entry
     * @return the event
     */
    public static Optional<WebhookEvent> fromLog(SessionEvent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", e.sessionId());
        data.put("seq", e.seq());
        WebhookEventType type;
        if (SessionEvent.MESSAGE.equals(e.type())) {
            String from = String.valueOf(e.data().get("from"));
            if (!from.equals("customer") && !from.equals("agent")) {
                return Optional.empty();
            }
            type = WebhookEventType.CHAT_MESSAGE;
            data.put("from", from);
            data.put("text", e.data().get("text"));
            copy(e.data(), data, "agent");
            copy(e.data(), data, "clientMessageId");
            copy(e.data(), data, "file");
        } else if (SessionEvent.STATE.equals(e.type()) && "active".equals(e.data().get("state"))) {
            type = WebhookEventType.CHAT_ACCEPTED;
            copy(e.data(), data, "agent");
        } else if (SessionEvent.STATE.equals(e.type()) && "closed".equals(e.data().get("state"))) {
            type = WebhookEventType.CHAT_CLOSED;
            copy(e.data(), data, "disposition");
        } else {
            return Optional.empty();
        }
        data.put("at", e.at().toString());
        return Optional.of(new WebhookEvent(WebhookEvent.newId(), type, Optional.empty(), Optional.of(e.sessionId()),
                Optional.empty(), data, e.at()));
    }

    /**
     * {@code chat.opened}: a chat was stored under the website's cap.
     *
     * @param websiteId the website
     * @param sessionId the chat
     * @param fields the online form's values
     * @param page the page it was opened on
     * @param at when
     * @return the event
     */
    public static WebhookEvent opened(String websiteId, String sessionId, Map<String, Object> fields,
            Optional<String> page, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", sessionId);
        data.put("fields", fields);
        data.put("page", page.orElse(null));
        data.put("at", at.toString());
        return new WebhookEvent(WebhookEvent.newId(), WebhookEventType.CHAT_OPENED, Optional.of(websiteId),
                Optional.of(sessionId), Optional.empty(), data, at);
    }

    /**
     * {@code offline.submitted}: an offline message was stored.
     *
     * @param websiteId the website
     * @param interactionId the message's id (the supervisor's list and the widget's answer name it so)
     * @param fields the offline form's values
     * @param contactId the linked contact
     * @param sessionId the chat it followed
     * @param at when
     * @return the event
     */
    public static WebhookEvent offline(String websiteId, String interactionId, Map<String, Object> fields,
            Optional<String> contactId, Optional<String> sessionId, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interactionId", interactionId);
        data.put("fields", fields);
        data.put("contactId", contactId.orElse(null));
        data.put("sessionId", sessionId.orElse(null));
        data.put("at", at.toString());
        return new WebhookEvent(WebhookEvent.newId(), WebhookEventType.OFFLINE_SUBMITTED, Optional.of(websiteId),
                sessionId, Optional.of(interactionId), data, at);
    }

    /**
     * {@code chat.rated}: the customer rated a closed chat (the first rating; later ones are refused).
     *
     * @param sessionId the chat
     * @param score 1 to 5
     * @param comment the comment
     * @param at when
     * @return the event
     */
    public static WebhookEvent rated(String sessionId, int score, Optional<String> comment, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", sessionId);
        data.put("score", score);
        data.put("comment", comment.orElse(null));
        data.put("at", at.toString());
        return new WebhookEvent(WebhookEvent.newId(), WebhookEventType.CHAT_RATED, Optional.empty(),
                Optional.of(sessionId), Optional.empty(), data, at);
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String key) {
        if (from.get(key) != null) {
            to.put(key, from.get(key));
        }
    }
}
