package com.chatwebsite.plugin.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints and their delivery outbox. */
public interface WebhookRepository {

    List<WebhookEndpoint> endpoints(String websiteId);

    Optional<WebhookEndpoint> endpoint(String websiteId, String endpointId);

    int countEndpoints(String websiteId);

    void insert(WebhookEndpoint endpoint);

    /** Replaces the endpoint's settings and secret; false if it is gone. */
    boolean update(WebhookEndpoint endpoint);

    /** Removes the endpoint with its deliveries; false if it was not there. */
    boolean delete(String websiteId, String endpointId);

    /**
     * Claims due deliveries for this node (SKIP LOCKED), holding them until {@code now + hold}.
     *
     * @return the claimed deliveries' (eventId, endpointId) keys
     */
    List<List<String>> claimDue(String node, Instant now, Duration hold, Instant deadBefore, int limit);

    /** The claimed delivery with its endpoint; empty if the endpoint was removed meanwhile. */
    Optional<DueWebhook> due(String eventId, String endpointId);

    void delivered(String eventId, String endpointId, int status, Instant now);

    /** A failed attempt, tried again at {@code next}. */
    void retry(String eventId, String endpointId, Optional<Integer> status, String error, Instant now, Instant next);

    /** A failed attempt that ends the delivery in {@code state} ({@code failed} or {@code refused}). */
    void end(String eventId, String endpointId, String state, Optional<Integer> status, String error, Instant now);

    /** The website's latest deliveries, newest first, optionally of one endpoint. */
    List<WebhookDelivery> deliveries(String websiteId, Optional<String> endpointId, int limit);

    /** Deletes finished deliveries stored before {@code before}; returns how many. */
    int prune(Instant before);
}
