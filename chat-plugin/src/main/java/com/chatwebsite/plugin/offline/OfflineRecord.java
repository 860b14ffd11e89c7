package com.chatwebsite.plugin.offline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored offline message and how its deliveries stand.
 *
 * @param id the id, also the supervisor's interaction id
 * @param websiteId the website
 * @param fields the validated values
 * @param contactId the linked contact
 * @param sessionId the unmanaged or refused chat it followed, if the widget said so
 * @param createdAt when it was submitted
 * @param deliveries one per handler
 */
public record OfflineRecord(String id, String websiteId, Map<String, Object> fields, Optional<String> contactId,
        Optional<String> sessionId, Instant createdAt, List<Delivery> deliveries) {

    /**
     * One handler's delivery.
     *
     * @param handlerId the handler
     * @param state {@code pending} or {@code done}
     * @param attempts how many times the handler was called: the failed attempts, plus the one that
     *     succeeded once {@code done}
     * @param nextAttemptAt when the relay tries again
     * @param lastError the last failure, for the supervisor
     * @param deliveredAt when it succeeded
     */
    public record Delivery(String handlerId, String state, int attempts, Instant nextAttemptAt,
            Optional<String> lastError, Optional<Instant> deliveredAt) {
    }
}
