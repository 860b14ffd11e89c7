package com.chatwebsite.plugin.web;

import com.chatwebsite.api.host.HostInfo;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import com.chatwebsite.plugin.PluginRuntime;
import com.chatwebsite.plugin.consent.RecordedConsent;
import com.chatwebsite.plugin.form.FormDefinitionParser;
import com.chatwebsite.plugin.form.FormFieldSchema;
import com.chatwebsite.plugin.form.FormKind;
import com.chatwebsite.plugin.rating.Rating;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.identity.IdentityMode;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteService;
import com.google.common.html.HtmlEscapers;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admin's routes: the settings schema, websites, their snippet and the supervisor's list. */
final class AdminRoutes {

    private static final long WEBSITE_BODY_LIMIT = 256 * 1024;
    private static final Set<String> SUPERVISOR_STATES = Set.of("offline", "unmanaged", "waiting", "active", "closed");
    private static final int SUPERVISOR_LIMIT = 500;

    private static final long FORM_BODY_LIMIT = 256 * 1024;

    private final ChatWebsitePlugin plugin;
    private final UploadDownloads uploads;

    AdminRoutes(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
        this.uploads = new UploadDownloads(plugin);
    }

    List<WebRoute> routes() {
        List<WebRoute> all = new java.util.ArrayList<>(List.of(
                admin("GET", "/api/settings-schema", r -> {
                    Map<String, Object> schema = SchemaJson.of(rt().websiteSchema().schema());
                    schema.put("forms", Map.of("kinds", List.of("online", "offline"),
                            "field", SchemaJson.of(new FormFieldSchema(rt().host().contacts(), rt().forms().types().keySet()).schema())));
                    return Json.response(200, schema);
                }),
                new WebRoute("POST", "/api/websites", RouteAccess.ADMIN, WEBSITE_BODY_LIMIT,
                        Routes.guarded(this::create)),
                admin("GET", "/api/websites", r -> Json.response(200,
                        rt().websites().list().stream().map(WebsiteJson::website).toList())),
                admin("GET", "/api/websites/{id}", r -> Json.response(200, WebsiteJson.website(website(r)))),
                new WebRoute("PUT", "/api/websites/{id}", RouteAccess.ADMIN, WEBSITE_BODY_LIMIT,
                        Routes.guarded(this::update)),
                admin("DELETE", "/api/websites/{id}", this::delete),
                admin("GET", "/api/websites/{id}/snippet", r -> WebResponse.html(200, snippet(website(r)))),
                admin("GET", "/api/websites/{id}/interactions", this::interactions),
                admin("GET", "/api/websites/{id}/forms/{kind}", r -> Json.response(200,
                        rt().forms().get(website(r).id(), kind(r)).toAdminMap())),
                new WebRoute("PUT", "/api/websites/{id}/forms/{kind}", RouteAccess.ADMIN, FORM_BODY_LIMIT,
                        Routes.guarded(this::saveForm)),
                new WebRoute("POST", "/api/forms/preview", RouteAccess.ADMIN, FORM_BODY_LIMIT,
                        Routes.guarded(this::preview)),
                admin("GET", "/api/uploads/{id}", r -> uploads.download(r.pathParam("id"), u -> true)),
                new RatingAdminRoutes(plugin).route()));
        all.addAll(new WebhookRoutes(plugin).routes());
        return all;
    }

    /** These routes and the privacy routes. */
    List<WebRoute> allRoutes() {
        List<WebRoute> all = new java.util.ArrayList<>(routes());
        all.addAll(new PrivacyRoutes(plugin).routes());
        return all;
    }

    private WebRoute admin(String method, String path, com.chatwebsite.api.web.RouteHandler handler) {
        return WebRoute.of(method, path, RouteAccess.ADMIN, Routes.guarded(handler));
    }

    private PluginRuntime rt() {
        return plugin.runtime();
    }

    private Website website(WebRequest r) {
        return rt().websites().byId(r.pathParam("id"))
                .orElseThrow(() -> new Problem(404, "not_found", "No website " + r.pathParam("id") + "."));
    }

    private WebResponse create(WebRequest r) {
        WebsiteService.Saved saved = rt().websites().create(Routes.object(r));
        if (!saved.errors().isEmpty()) {
            throw Problem.invalid("The website is not valid.", saved.errors());
        }
        Website w = saved.website().orElseThrow();
        return Json.response(201, WebsiteJson.website(w))
                .withHeader("Location", "/plugins/" + ChatWebsitePlugin.ID + "/api/websites/" + w.id());
    }

    private WebResponse update(WebRequest r) {
        Map<String, Object> body = Routes.object(r);
        WebsiteService.Saved saved = rt().websites().update(r.pathParam("id"), body)
                .orElseThrow(() -> new Problem(404, "not_found", "No website " + r.pathParam("id") + "."));
        if (!saved.errors().isEmpty()) {
            throw Problem.invalid("The website is not valid.", saved.errors());
        }
        return Json.response(200, WebsiteJson.website(saved.website().orElseThrow()));
    }

    private WebResponse delete(WebRequest r) {
        if (!rt().websites().delete(r.pathParam("id"))) {
            throw new Problem(404, "not_found", "No website " + r.pathParam("id") + ".");
        }
        return WebResponse.empty(204);
    }

    private WebResponse interactions(WebRequest r) {
        Website w = website(r);
        String state = r.query("state").orElse(null);
        if (state != null && !SUPERVISOR_STATES.contains(state)) {
            throw Problem.field("state", "oneOf", "state must be one of " + SUPERVISOR_STATES + ".");
        }
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        if (state == null || state.equals("offline")) {
            rt().offline().forSupervisor(w.id(), SUPERVISOR_LIMIT).forEach(o -> items.add(WebsiteJson.offlineItem(o)));
        }
        if (!"offline".equals(state)) {
            List<ChatSession> chats = rt().lookup().forSupervisor(w.id(), state, SUPERVISOR_LIMIT);
            Map<String, Rating> ratings = rt().ratings().forSessions(chats.stream().map(ChatSession::id).toList());
            for (ChatSession s : chats) {
                Map<String, Object> item = WebsiteJson.supervisorItem(s);
                item.put("rating", QueueAndRatingRoutes.ratingJson(ratings.get(s.id())));
                items.add(item);
            }
        }
        Map<String, List<RecordedConsent>> consents = rt().consents().forInteractions(
                items.stream().map(m -> (String) m.get("id")).toList());
        items.forEach(m -> m.put("consents", consents.getOrDefault((String) m.get("id"), List.of()).stream()
                .map(RecordedConsent::toMap).toList()));
        items.sort(java.util.Comparator.comparing((Map<String, Object> m) -> (String) m.get("createdAt")).reversed());
        return Json.response(200, items.size() > SUPERVISOR_LIMIT ? items.subList(0, SUPERVISOR_LIMIT) : items);
    }

    private static FormKind kind(WebRequest r) {
        return FormKind.fromWire(r.pathParam("kind"))
                .orElseThrow(() -> new Problem(404, "not_found", "Forms are online or offline."));
    }

    private WebResponse saveForm(WebRequest r) {
        Website w = website(r);
        FormKind kind = kind(r);
        FormDefinitionParser.Parsed parsed = rt().forms().save(w.id(), kind, Routes.object(r));
        if (parsed.form().isEmpty()) {
            throw Problem.invalid("The form is not valid.", parsed.errors());
        }
        return Json.response(200, parsed.form().get().toMap());
    }

    private WebResponse preview(WebRequest r) {
        Map<String, Object> body = Routes.object(r);
        FormDefinitionParser.Parsed parsed = rt().forms().parse(body);
        if (parsed.form().isEmpty()) {
            throw Problem.invalid("The form is not valid.", parsed.errors());
        }
        String title = r.query("title").orElse("");
        FormKind kind = r.query("kind").map(k -> FormKind.fromWire(k).orElseThrow(() -> Problem.field("kind", "oneOf",
                "kind must be online or offline."))).orElse(FormKind.ONLINE);
        String language = r.query("lang").orElse("en");
        return WebResponse.html(200, rt().forms().preview(parsed.form().get(), title, r.query("color").orElse(null),
                kind, language))
                .withHeader("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'");
    }

    /** When the website checks identities, how the page passes one its server signed. */
    private static String identityExample(Website w) {
        if (IdentityMode.of(w.group("identity").get("mode")) == IdentityMode.OFF) {
            return "";
        }
        return "<script>\n"
                + "  // Signed on your server with this website's identity secret (never put the secret in the page):\n"
                + "  // a JWT (HS256) with sub = your user id, exp, and optionally email and name,\n"
                + "  // or {userId: \"42\", userHash: hex(HMAC-SHA256(secret, \"42\"))}.\n"
                + "  window.ChatWebsiteIdentity = {jwt: \"JWT_SIGNED_BY_YOUR_SERVER\"};\n"
                + "</script>\n";
    }

    private String snippet(Website w) {
        HostInfo info = rt().host().info();
        String base = info.publicUrl() + "/plugins/" + ChatWebsitePlugin.ID;
        var html = HtmlEscapers.htmlEscaper();
        return "<!-- Chat Website: " + html.escape(w.name()).replace("--", "&#45;&#45;") + " -->\n"
                + identityExample(w)
                + "<script async src=\"" + html.escape(base + "/widget.js?" + WidgetScript.VERSION_PARAM + "="
                        + WidgetScript.get().version()) + "\"\n"
                + "        data-chat-website-key=\"" + html.escape(w.key()) + "\"\n"
                + "        data-chat-website-url=\"" + html.escape(base) + "\"></script>\n";
    }
}
