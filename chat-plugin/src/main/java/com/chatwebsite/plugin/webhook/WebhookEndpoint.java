package com.chatwebsite.plugin.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A website's webhook endpoint.
 *
 * @param id its id
 * @param websiteId the website whose events it receives
 * @param url where events are POSTed (http or https)
 * @param events the kinds it receives, in the admin's order
 * @param secret the HMAC key of its signatures (never listed; shown once when made or rotated)
 * @param enabled whether new events are stored for it
 * @param allowPrivateTargets whether it may resolve to loopback, link-local and private addresses
 * @param createdAt when it was made
 * @param updatedAt when it was last changed
 */
public record WebhookEndpoint(String id, String websiteId, String url, List<WebhookEventType> events, String secret,
        boolean enabled, boolean allowPrivateTargets, Instant createdAt, Instant updatedAt) {

    public WebhookEndpoint {
        events = List.copyOf(events);
    }

    @Override
    public String toString() { // without the secret
        return "WebhookEndpoint[" + id + " " + url + " " + events + (enabled ? "" : " disabled") + "]";
    }
}
