package com.chatwebsite.plugin.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * One event's delivery to one endpoint, as the admin's delivery log shows it.
 *
 * @param eventId the idempotency id
 * @param endpointId the endpoint
 * @param websiteId the website
 * @param type the event's kind
 * @param state {@code pending}, {@code delivered}, {@code failed} (gave up, or the endpoint was disabled or
 *     removed) or {@code refused} (the target is not allowed)
 * @param attempts attempts made
 * @param lastStatus the HTTP status of the last answer
 * @param lastError why the last attempt failed
 * @param createdAt when the event was stored
 * @param lastAttemptAt when it was last tried
 * @param nextAttemptAt when it is tried next (pending only)
 * @param deliveredAt when a 2xx came
 */
public record WebhookDelivery(String eventId, String endpointId, String websiteId, String type, String state,
        int attempts, Optional<Integer> lastStatus, Optional<String> lastError, Instant createdAt,
        Optional<Instant> lastAttemptAt, Optional<Instant> nextAttemptAt, Optional<Instant> deliveredAt) {
}
