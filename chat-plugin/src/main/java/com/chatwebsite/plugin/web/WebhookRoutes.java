package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import com.chatwebsite.plugin.webhook.WebhookDelivery;
import com.chatwebsite.plugin.webhook.WebhookEndpoint;
import com.chatwebsite.plugin.webhook.WebhookEventType;
import com.chatwebsite.plugin.webhook.WebhookService;
import com.chatwebsite.plugin.website.Website;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's webhook routes of a website:
 * <ul>
 *   <li>{@code GET /api/websites/{id}/webhooks} → the endpoints (never their secrets);</li>
 *   <li>{@code POST /api/websites/{id}/webhooks} {@code {"url","events","enabled","allowPrivateTargets"}} →
 *       {@code 201} the endpoint with its {@code secret}, shown this once;</li>
 *   <li>{@code GET|PUT|DELETE /api/websites/{id}/webhooks/{webhookId}} (PUT: the same body; the secret stays);</li>
 *   <li>{@code POST /api/websites/{id}/webhooks/{webhookId}/secret} → a new {@code secret}, shown once;</li>
 *   <li>{@code GET /api/websites/{id}/webhook-deliveries?webhookId=&limit=} → the delivery log, newest first.</li>
 * </ul>
 */
final class WebhookRoutes {

    private static final long BODY_LIMIT = 16 * 1024;
    private static final int DEFAULT_LOG = 50;
    private static final int MAX_LOG = 500;

    private final ChatWebsitePlugin plugin;

    WebhookRoutes(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    List<WebRoute> routes() {
        return List.of(
                admin("GET", "/api/websites/{id}/webhooks", r -> Json.response(200,
                        service().list(website(r).id()).stream().map(e -> json(e, false)).toList())),
                new WebRoute("POST", "/api/websites/{id}/webhooks", RouteAccess.ADMIN, BODY_LIMIT,
                        Routes.guarded(this::create)),
                admin("GET", "/api/websites/{id}/webhooks/{webhookId}", r -> Json.response(200,
                        json(endpoint(r), false))),
                new WebRoute("PUT", "/api/websites/{id}/webhooks/{webhookId}", RouteAccess.ADMIN, BODY_LIMIT,
                        Routes.guarded(this::update)),
                admin("DELETE", "/api/websites/{id}/webhooks/{webhookId}", this::delete),
                admin("POST", "/api/websites/{id}/webhooks/{webhookId}/secret", this::rotate),
                admin("GET", "/api/websites/{id}/webhook-deliveries", this::deliveries));
    }

    private static WebRoute admin(String method, String path, com.chatwebsite.api.web.RouteHandler handler) {
        return WebRoute.of(method, path, RouteAccess.ADMIN, Routes.guarded(handler));
    }

    private WebhookService service() {
        return plugin.runtime().webhooks();
    }

    private Website website(WebRequest r) {
        return plugin.runtime().websites().byId(r.pathParam("id"))
                .orElseThrow(() -> new Problem(404, "not_found", "No website " + r.pathParam("id") + "."));
    }

    private WebhookEndpoint endpoint(WebRequest r) {
        return service().get(website(r).id(), r.pathParam("webhookId")).orElseThrow(() -> notFound(r));
    }

    private static Problem notFound(WebRequest r) {
        return new Problem(404, "not_found", "No webhook " + r.pathParam("webhookId") + " on this website.");
    }

    private WebResponse create(WebRequest r) {
        Website w = website(r);
        WebhookService.Saved saved = service().create(w.id(), Routes.object(r));
        if (!saved.errors().isEmpty()) {
            throw Problem.invalid("The webhook is not valid.", saved.errors());
        }
        WebhookEndpoint e = saved.endpoint().orElseThrow();
        return Json.response(201, json(e, true)).withHeader("Location",
                "/plugins/" + ChatWebsitePlugin.ID + "/api/websites/" + w.id() + "/webhooks/" + e.id());
    }

    private WebResponse update(WebRequest r) {
        Website w = website(r);
        Map<String, Object> body = Routes.object(r);
        WebhookService.Saved saved = service().update(w.id(), r.pathParam("webhookId"), body)
                .orElseThrow(() -> notFound(r));
        if (!saved.errors().isEmpty()) {
            throw Problem.invalid("The webhook is not valid.", saved.errors());
        }
        return Json.response(200, json(saved.endpoint().orElseThrow(), false));
    }

    private WebResponse delete(WebRequest r) {
        if (!service().delete(website(r).id(), r.pathParam("webhookId"))) {
            throw notFound(r);
        }
        return WebResponse.empty(204);
    }

    private WebResponse rotate(WebRequest r) {
        WebhookEndpoint e = service().rotateSecret(website(r).id(), r.pathParam("webhookId"))
                .orElseThrow(() -> notFound(r));
        return Json.response(200, json(e, true));
    }

    private WebResponse deliveries(WebRequest r) {
        Website w = website(r);
        Optional<String> endpoint = r.query("webhookId").filter(s -> !s.isBlank());
        if (endpoint.isPresent() && service().get(w.id(), endpoint.get()).isEmpty()) {
            throw new Problem(404, "not_found", "No webhook " + endpoint.get() + " on this website.");
        }
        long limit = r.query("limit").isPresent() ? Routes.nonNegative(r, "limit") : DEFAULT_LOG;
        if (limit < 1 || limit > MAX_LOG) {
            throw Problem.field("limit", "range", "limit must be from 1 to " + MAX_LOG + ".");
        }
        return Json.response(200, service().deliveries(w.id(), endpoint, (int) limit).stream()
                .map(WebhookRoutes::json).toList());
    }

    private static Map<String, Object> json(WebhookEndpoint e, boolean withSecret) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("websiteId", e.websiteId());
        m.put("url", e.url());
        m.put("events", e.events().stream().map(WebhookEventType::wire).toList());
        m.put("enabled", e.enabled());
        m.put("allowPrivateTargets", e.allowPrivateTargets());
        m.put("createdAt", e.createdAt().toString());
        m.put("updatedAt", e.updatedAt().toString());
        if (withSecret) {
            m.put("secret", e.secret());
        }
        return m;
    }

    private static Map<String, Object> json(WebhookDelivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", d.eventId());
        m.put("webhookId", d.endpointId());
        m.put("event", d.type());
        m.put("state", d.state());
        m.put("attempts", d.attempts());
        m.put("lastStatus", d.lastStatus().orElse(null));
        m.put("lastError", d.lastError().orElse(null));
        m.put("createdAt", d.createdAt().toString());
        m.put("lastAttemptAt", d.lastAttemptAt().map(Object::toString).orElse(null));
        m.put("nextAttemptAt", d.nextAttemptAt().map(Object::toString).orElse(null));
        m.put("deliveredAt", d.deliveredAt().map(Object::toString).orElse(null));
        return m;
    }
}
