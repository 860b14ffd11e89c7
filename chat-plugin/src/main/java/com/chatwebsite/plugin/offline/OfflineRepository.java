package com.chatwebsite.plugin.offline;

import com.chatwebsite.plugin.consent.Consent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What offline messages and their outbox need from storage. Implemented by the {@code store} package. */
public interface OfflineRepository {

    /**
     * Stores a message, binds its uploads and adds one pending delivery per handler, in one
     * transaction.
     *
     * @return false if an upload belongs to something else already (nothing stored)
     */
    default boolean insert(String id, String websiteId, Map<String, Object> fields, Optional<String> contactId,
            Optional<String> sessionId, List<String> uploadIds, List<String> handlerIds, Instant now) {
        return insert(id, websiteId, fields, contactId, sessionId, uploadIds, handlerIds, List.of(), now);
    }

    /** As the shorter {@code insert}, also recording the form's consents in the same transaction. */
    boolean insert(String id, String websiteId, Map<String, Object> fields, Optional<String> contactId,
            Optional<String> sessionId, List<String> uploadIds, List<String> handlerIds, List<Consent> consents,
            Instant now);

    Optional<OfflineRecord> find(String id);

    /** A website's messages with their deliveries, newest first. */
    List<OfflineRecord> forWebsite(String websiteId, int limit);

    /**
     * Claims due deliveries for this node, keeping other live nodes away from them for {@code hold};
     * deliveries claimed by a node whose heartbeat is older than {@code deadBefore} are due again.
     *
     * @return the claimed deliveries
     */
    List<DueDelivery> claimDue(String node, Instant now, Duration hold, Instant deadBefore, int limit);

    void delivered(String offlineId, String handlerId, Instant now);

    void failed(String offlineId, String handlerId, String error, Instant nextAttempt);

    int attempts(String offlineId, String handlerId);
}
