package com.chatwebsite.plugin.webhook;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin's webhook endpoints of a website: made with a server-generated secret (shown once), changed,
 * removed, secret rotated; and the delivery log. The caller has checked that the website exists.
 */
public final class WebhookService {

    /** Endpoints a website may have. */
    public static final int MAX_ENDPOINTS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository store;
    private final Clock clock;

    public WebhookService(WebhookRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * A saved endpoint, or why it was not saved.
     *
     * @param endpoint the endpoint (its secret included: the caller shows it once, on create and rotate only)
     * @param errors per-field errors; nothing was changed when there are any
     */
    public record Saved(Optional<WebhookEndpoint> endpoint, List<FieldError> errors) {
    }

    public List<WebhookEndpoint> list(String websiteId) {
        return store.endpoints(websiteId);
    }

    public Optional<WebhookEndpoint> get(String websiteId, String endpointId) {
        return store.endpoint(websiteId, endpointId);
    }

    /**
     * Makes an endpoint with a new secret.
     *
     * @throws ChatException {@code CONFLICT too_many_webhooks} at {@value #MAX_ENDPOINTS} endpoints
     */
    public Saved create(String websiteId, Map<String, Object> body) {
        WebhookInput.Checked checked = WebhookInput.check(body);
        if (checked.input().isEmpty()) {
            return new Saved(Optional.empty(), checked.errors());
        }
        if (store.countEndpoints(websiteId) >= MAX_ENDPOINTS) {
            throw new ChatException(Kind.CONFLICT, "too_many_webhooks",
                    "A website has at most " + MAX_ENDPOINTS + " webhook endpoints.");
        }
        WebhookInput in = checked.input().get();
        Instant now = clock.instant();
        WebhookEndpoint e = new WebhookEndpoint(UUID.randomUUID().toString(), websiteId, in.url(), in.events(),
                newSecret(), in.enabled(), in.allowPrivateTargets(), now, now);
        store.insert(e);
        return new Saved(Optional.of(e), List.of());
    }

    /** Replaces an endpoint's settings (the secret stays); empty if there is no such endpoint. */
    public Optional<Saved> update(String websiteId, String endpointId, Map<String, Object> body) {
        Optional<WebhookEndpoint> before = store.endpoint(websiteId, endpointId);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        WebhookInput.Checked checked = WebhookInput.check(body);
        if (checked.input().isEmpty()) {
            return Optional.of(new Saved(Optional.empty(), checked.errors()));
        }
        WebhookInput in = checked.input().get();
        WebhookEndpoint b = before.get();
        WebhookEndpoint e = new WebhookEndpoint(b.id(), websiteId, in.url(), in.events(), b.secret(), in.enabled(),
                in.allowPrivateTargets(), b.createdAt(), clock.instant());
        return store.update(e) ? Optional.of(new Saved(Optional.of(e), List.of())) : Optional.empty();
    }

    /** A new secret for an endpoint; the old one stops signing at once. Empty if there is no such endpoint. */
    public Optional<WebhookEndpoint> rotateSecret(String websiteId, String endpointId) {
        Optional<WebhookEndpoint> before = store.endpoint(websiteId, endpointId);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        WebhookEndpoint b = before.get();
        WebhookEndpoint e = new WebhookEndpoint(b.id(), websiteId, b.url(), b.events(), newSecret(), b.enabled(),
                b.allowPrivateTargets(), b.createdAt(), clock.instant());
        return store.update(e) ? Optional.of(e) : Optional.empty();
    }

    public boolean delete(String websiteId, String endpointId) {
        return store.delete(websiteId, endpointId);
    }

    public List<WebhookDelivery> deliveries(String websiteId, Optional<String> endpointId, int limit) {
        return store.deliveries(websiteId, endpointId, limit);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
