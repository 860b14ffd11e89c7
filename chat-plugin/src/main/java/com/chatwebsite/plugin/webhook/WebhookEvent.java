package com.chatwebsite.plugin.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An event to hand to the website's endpoints, stored with the change that caused it.
 *
 * @param id the idempotency id: the body's {@code id} and the {@code X-ChatWebsite-Delivery} header, the same on
 *     every attempt and for every endpoint
 * @param type the kind
 * @param websiteId the website, or empty when the store finds it through {@code sessionId}
 * @param sessionId the chat it is about, if any
 * @param subjectId the other item it is about (an offline message's id), if any
 * @param data the body's {@code data}: JSON-like values only
 * @param at when it happened
 */
public record WebhookEvent(String id, WebhookEventType type, Optional<String> websiteId, Optional<String> sessionId,
        Optional<String> subjectId, Map<String, Object> data, Instant at) {

    public WebhookEvent {
        if (websiteId.isEmpty() && sessionId.isEmpty()) {
            throw new IllegalArgumentException("an event needs a website or a session");
        }
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
