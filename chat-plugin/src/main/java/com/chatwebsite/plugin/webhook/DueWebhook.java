package com.chatwebsite.plugin.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * A claimed delivery with what sending it needs.
 *
 * @param eventId the idempotency id
 * @param type the event's kind (wire name)
 * @param websiteId the website
 * @param data the body's {@code data}
 * @param createdAt when the event was stored
 * @param attempts attempts made before this one
 * @param endpoint the endpoint, as it is now
 */
public record DueWebhook(String eventId, String type, String websiteId, Map<String, Object> data, Instant createdAt,
        int attempts, WebhookEndpoint endpoint) {
}
