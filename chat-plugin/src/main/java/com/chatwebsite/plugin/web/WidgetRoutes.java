package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.ServerSentEvent;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import com.chatwebsite.plugin.PluginRuntime;
import com.chatwebsite.api.web.FormPart;
import com.chatwebsite.plugin.consent.Consents;
import com.chatwebsite.plugin.contact.ContactLinker;
import com.chatwebsite.plugin.identity.IdentityRefused;
import com.chatwebsite.plugin.identity.VisitorIdentity;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.plugin.form.FormDefinition;
import com.chatwebsite.plugin.form.FormField;
import com.chatwebsite.plugin.form.FormKind;
import com.chatwebsite.plugin.form.SubmissionValidator;
import com.chatwebsite.plugin.upload.UploadService;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionEvent;
import com.chatwebsite.plugin.session.SessionOpener;
import com.chatwebsite.plugin.session.SessionState;
import com.chatwebsite.plugin.settings.SettingsValidator;
import com.chatwebsite.plugin.settings.TextRules;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.presence.LiveSignal;
import com.chatwebsite.plugin.presence.ReceiptService;
import com.chatwebsite.plugin.presence.Receipts;
import com.chatwebsite.plugin.presence.Side;
import com.chatwebsite.plugin.presence.Typing;
import com.chatwebsite.plugin.presence.TypingSignals;
import com.chatwebsite.plugin.website.OnlineStatus;
import com.chatwebsite.plugin.website.OriginPattern;
import com.chatwebsite.plugin.website.Website;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's routes under {@code /widget/{key}}: only from the website's origins (the
 * {@code Origin} header, or the {@code Referer} of a same-origin request that omits it), with CORS
 * for those origins; session routes also need the session's token.
 */
final class WidgetRoutes {

    private static final String PREFIX = "/widget/{key}";
    private static final long OPEN_BODY_LIMIT = 256 * 1024;
    private static final long MESSAGE_BODY_LIMIT = 512 * 1024;
    private static final Set<String> OPEN_KEYS = Set.of("fields", "page", "identity");
    private static final Set<String> OFFLINE_KEYS = Set.of("fields", "sessionId", "identity");
    private static final long SIGNAL_BODY_LIMIT = 16 * 1024;
    private static final Set<String> TYPING_KEYS = Set.of("typing", "draft");
    private static final long UPLOAD_BODY_LIMIT = UploadService.MAX_BYTES + 64 * 1024;

    private final ChatWebsitePlugin plugin;
    private final WidgetScript widgetJs = WidgetScript.get();

    WidgetRoutes(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    /** Handles a request once the website and the caller's origin are known. */
    @FunctionalInterface
    interface WidgetHandler {
        WebResponse handle(WebRequest request, Website website) throws Exception;
    }

    List<WebRoute> routes() {
        List<WebRoute> routes = new ArrayList<>();
        routes.add(WebRoute.of("GET", "/widget.js", RouteAccess.PUBLIC, widgetJs::serve));
        for (String path : List.of("/config", "/status", "/sessions", "/sessions/{sessionId}/events",
                "/sessions/{sessionId}/messages", "/sessions/{sessionId}/close", "/sessions/{sessionId}/typing",
                "/sessions/{sessionId}/read", "/sessions/{sessionId}/transcript")) {
            routes.add(WebRoute.of("OPTIONS", PREFIX + path, RouteAccess.PUBLIC, this::preflight));
        }
        routes.add(WebRoute.of("OPTIONS", PREFIX + "/uploads", RouteAccess.PUBLIC, this::preflight));
        routes.add(widget("GET", "/config", WebRoute.DEFAULT_MAX_BODY_BYTES, this::config));
        routes.add(widget("POST", "/uploads", UPLOAD_BODY_LIMIT, this::upload));
        routes.add(WebRoute.of("OPTIONS", PREFIX + "/offline", RouteAccess.PUBLIC, this::preflight));
        routes.add(widget("POST", "/offline", OPEN_BODY_LIMIT, this::offline));
        routes.add(widget("GET", "/status", WebRoute.DEFAULT_MAX_BODY_BYTES, this::status));
        routes.add(widget("POST", "/sessions", OPEN_BODY_LIMIT, this::open));
        routes.add(widget("GET", "/sessions/{sessionId}/events", WebRoute.DEFAULT_MAX_BODY_BYTES, this::events));
        routes.add(widget("GET", "/sessions/{sessionId}/messages", WebRoute.DEFAULT_MAX_BODY_BYTES, this::messages));
        routes.add(widget("POST", "/sessions/{sessionId}/messages", MESSAGE_BODY_LIMIT, this::post));
        routes.add(widget("POST", "/sessions/{sessionId}/close", WebRoute.DEFAULT_MAX_BODY_BYTES, this::close));
        routes.addAll(new QueueAndRatingRoutes(this).routes());
        routes.add(widget("POST", "/sessions/{sessionId}/typing", SIGNAL_BODY_LIMIT, this::typing));
        routes.add(widget("POST", "/sessions/{sessionId}/read", SIGNAL_BODY_LIMIT, this::read));
        routes.add(widget("POST", "/sessions/{sessionId}/transcript", WebRoute.DEFAULT_MAX_BODY_BYTES,
                new TranscriptRoute(plugin)::request));
        return routes;
    }

    PluginRuntime rt() {
        return plugin.runtime();
    }

    AbuseGuard guard() {
        return new AbuseGuard(rt().limiter());
    }

    WebRoute widget(String method, String path, long limit, WidgetHandler handler) {
        return new WebRoute(method, PREFIX + path, RouteAccess.PUBLIC, limit, Routes.guarded(request -> {
            Website website = website(request);
            String origin = allowedOrigin(request, website);
            return cors(Routes.guarded(r -> handler.handle(r, website)).handle(request), origin);
        }));
    }

    WebResponse preflight(WebRequest request) throws Exception {
        return Routes.guarded(r -> {
            Website website = website(r);
            String origin = allowedOrigin(r, website);
            return cors(WebResponse.empty(204), origin)
                    .withHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    .withHeader("Access-Control-Allow-Headers", "Content-Type, Authorization, Last-Event-ID")
                    .withHeader("Access-Control-Max-Age", "600");
        }).handle(request);
    }

    private Website website(WebRequest r) {
        return rt().websites().byKey(r.pathParam("key"))
                .orElseThrow(() -> new Problem(404, "unknown_key", "No chat website has this key."));
    }

    /** The request's origin if the website allows it. */
    private static String allowedOrigin(WebRequest r, Website website) {
        Optional<String> header = r.header("Origin");
        Optional<OriginPattern> origin = header.isPresent()
                ? OriginPattern.parseOrigin(header.get())
                : r.header("Referer").flatMap(WidgetRoutes::originOf);
        if (origin.isEmpty()) {
            throw new Problem(403, "origin_required", "Widget requests must come from the website's pages.");
        }
        if (!website.allows(origin.get())) {
            throw new Problem(403, "origin_not_allowed", "This origin may not use this chat website.");
        }
        return header.orElse(null);
    }

    private static Optional<OriginPattern> originOf(String referer) {
        try {
            URI uri = URI.create(referer);
            return OriginPattern.parseOrigin(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static WebResponse cors(WebResponse response, String origin) {
        WebResponse out = response.withHeader("Vary", "Origin");
        return origin == null ? out : out.withHeader("Access-Control-Allow-Origin", origin);
    }

    private WebResponse config(WebRequest r, Website w) {
        OnlineStatus status = rt().statusWatch().statusOf(w);
        Map<String, Object> out = statusJson(status);
        Map<String, Object> online = rt().forms().get(w.id(), FormKind.ONLINE).toWidgetMap();
        Map<String, Object> offline = rt().forms().get(w.id(), FormKind.OFFLINE).toWidgetMap();
        out.put("form", status.online() ? online : offline);
        out.put("forms", Map.of("online", online, "offline", offline));
        out.put("appearance", w.group("appearance"));
        out.put("displayRules", w.group("displayRules"));
        out.put("messages", w.group("messages"));
        out.put("maxMessageLength", w.maxMessageLength());
        out.put("timezone", w.schedule().zone().getId());
        out.put("chat", Map.of("showDraftToAgent", w.showDraftToAgent()));
        out.put("chatFiles", ChatFileRoutes.config(w));
        out.put("transcript", Map.of("auto", Boolean.TRUE.equals(w.group("transcript").get("auto"))));
        return Json.response(200, out).withHeader("Cache-Control", "no-store");
    }

    private static Map<String, Object> statusJson(OnlineStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.online() ? "online" : "offline");
        out.put("reason", status.reason().orElse(null));
        out.put("nextChangeAt", status.nextChangeAt().map(Object::toString).orElse(null));
        return out;
    }

    private WebResponse status(WebRequest r, Website w) {
        return WebResponse.eventStream(stream -> {
            Runnable stop = rt().statusWatch().watch(w, status -> stream.send(new ServerSentEvent(Optional.empty(),
                    Optional.of("status"), Json.text(status.map(WidgetRoutes::statusJson)
                            .orElse(Map.of("status", "deleted"))))));
            stream.onClose(stop);
        });
    }

    private WebResponse open(WebRequest r, Website w) {
        guard().admit(r, w, AbuseGuard.Action.OPEN_SESSION);
        Map<String, Object> body = Routes.object(r);
        for (String key : body.keySet()) {
            if (!OPEN_KEYS.contains(key)) {
                throw Problem.field(key, "unknown", "A session takes only fields, page and identity.");
            }
        }
        Object fields = body.getOrDefault("fields", Map.of());
        if (!(fields instanceof Map<?, ?>)) {
            throw Problem.field("fields", "object", "fields must be an object of the form's values.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) fields;
        Optional<String> page = Routes.optionalString(body, "page", 2000);
        if (page.isPresent() && !SettingsValidator.isHttpUrl(page.get())) {
            throw Problem.field("page", "url", "page must be the http or https address of the page the chat opens on.");
        }
        Optional<VisitorIdentity> identity = verifiedIdentity(w, body.get("identity"));
        FormDefinition form = rt().forms().get(w.id(), FormKind.ONLINE);
        SubmissionValidator.Result checked = rt().forms().validate(form, withoutNulls(values),
                (id, field) -> rt().uploads().problem(w.id(), FormKind.ONLINE, id, field), Set.of());
        if (!checked.ok()) {
            throw Problem.invalid("The form is not filled in correctly.", checked.errors());
        }
        SessionOpener.OpenResult result = rt().opener().open(w, checked.values(),
                ContactLinker.variables(form, checked.values()),
                () -> identity.isPresent() ? rt().contacts().linkVerified(identity.get(), form, checked.values())
                        : rt().contacts().link(w.contactMatchField(), form, checked.values()),
                page, checked.uploadIds(), Consents.of(form, checked.values()));
        if (result instanceof SessionOpener.Refused refused) {
            return Json.response(200, Map.of("state", "offline", "reason", refused.reason()));
        }
        SessionOpener.Opened opened = (SessionOpener.Opened) result;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionId", opened.session().id());
        out.put("token", opened.token());
        out.put("state", opened.session().state().wire());
        opened.session().disposition().ifPresent(d -> out.put("disposition", d));
        out.put("queue", QueueAndRatingRoutes.queueJson(rt().queue().positionOf(w.id(), opened.session().id())));
        return Json.response(201, out);
    }

    /**
     * The page's signed identity under the website's {@code identity} settings, for a chat or an
     * offline message; refused with 401 before anything is stored.
     */
    private Optional<VisitorIdentity> verifiedIdentity(Website w, Object passed) {
        try {
            return rt().identities().verify(w.group("identity"), passed);
        } catch (IdentityRefused e) {
            throw new Problem(401, "identity_refused", e.getMessage(),
                    List.of(new FieldError("identity", e.rule(), e.getMessage())));
        }
    }

    /** The session of an event stream: EventSource cannot send headers, so {@code ?token=} is taken too. */
    private ChatSession streamSession(WebRequest r, Website w) {
        return rt().lookup().authenticate(w.id(), r.pathParam("sessionId"), token(r).or(() -> r.query("token"))
                .orElse(""));
    }

    /** The session id, once the token is checked (no database read for a known session). */
    String sessionId(WebRequest r, Website w) {
        return rt().lookup().verify(w.id(), r.pathParam("sessionId"), token(r).orElse(""));
    }

    /**
     * The session token from {@code Authorization: Bearer}, the only place outside the event stream
     * (a token in a URL ends up in logs and referrers).
     */
    static Optional<String> token(WebRequest r) {
        return r.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
    }

    private WebResponse events(WebRequest r, Website w) {
        ChatSession s = streamSession(r, w);
        long after = lastEventId(r);
        if (!s.isOpen() && after >= s.lastSeq()) {
            return WebResponse.empty(204);
        }
        return WebResponse.eventStream(stream -> {
            Runnable stop = rt().lookup().subscribe(s.id(), after, e -> stream.send(sse(e)));
            stream.onClose(stop);
            // Opt-in (?queue=1, as the widget asks), so clients that read every event see the log's only.
            if (s.state() == SessionState.WAITING && r.query("queue").filter("1"::equals).isPresent()) {
                // live only, without ids: the position now, then each change
                stream.onClose(rt().queueWatch().watch(w.id(), s.id(),
                        p -> stream.send(QueueAndRatingRoutes.queueEvent(p))));
            }
            // live signals carry no id: never replayed; stored receipts, if any, come after the replay
            Runnable stopLive = rt().live().listen(s.id(), signal -> stream.send(liveSse(signal)));
            stream.onClose(stopLive);
            Receipts now = rt().receipts().current(s.id());
            if (!now.equals(Receipts.NONE)) {
                stream.send(liveSse(now));
            }
        });
    }

    private static ServerSentEvent liveSse(LiveSignal signal) {
        Map<String, Object> data = new LinkedHashMap<>();
        String type;
        if (signal instanceof Typing t) {
            type = "typing";
            data.put("from", "agent");
            data.put("agent", t.agent());
            data.put("typing", t.typing());
        } else {
            Receipts r = (Receipts) signal;
            type = "read";
            data.put("customerReadSeq", r.customerReadSeq());
            data.put("agentReadSeq", r.agentReadSeq());
        }
        return new ServerSentEvent(Optional.empty(), Optional.of(type), Json.text(data));
    }

    /**
     * The customer types ({@code {"typing":true,"draft":"…"}}) or stopped: live only, thinned to one
     * a second; the draft is passed on only where the website shows drafts to agents.
     */
    private WebResponse typing(WebRequest r, Website w) {
        String id = sessionId(r, w);
        guard().admitSignal(r, w);
        Map<String, Object> body = Routes.object(r);
        for (String key : body.keySet()) {
            if (!TYPING_KEYS.contains(key)) {
                throw Problem.field(key, "unknown", "A typing signal takes only typing and draft.");
            }
        }
        if (!(body.get("typing") instanceof Boolean typing)) {
            throw Problem.field("typing", "boolean", "typing must be true or false.");
        }
        Object rawDraft = body.get("draft");
        if (rawDraft != null && !(rawDraft instanceof String)) {
            throw Problem.field("draft", "string", "draft must be the text being typed, as a string.");
        }
        Optional<String> draft = Optional.empty();
        if (rawDraft instanceof String d && w.showDraftToAgent()) {
            if (d.codePointCount(0, d.length()) > TypingSignals.MAX_DRAFT) {
                throw Problem.field("draft", "maxLength", "draft may be at most " + TypingSignals.MAX_DRAFT
                        + " characters: send its end.");
            }
            TextRules.multiline("draft", "The draft", d).ifPresent(e -> {
                throw Problem.field(e.field(), e.rule(), e.message());
            });
            draft = Optional.of(d);
        }
        boolean relayed = rt().typing().customer(id, typing, draft);
        return Json.response(202, Map.of("relayed", relayed));
    }

    /** The customer has seen the chat's messages up to {@code seq}: stored, only forward. */
    private WebResponse read(WebRequest r, Website w) {
        String id = sessionId(r, w);
        guard().admitSignal(r, w);
        Map<String, Object> body = Routes.object(r);
        for (String key : body.keySet()) {
            if (!key.equals("seq")) {
                throw Problem.field(key, "unknown", "A read receipt takes only seq.");
            }
        }
        if (!(body.get("seq") instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 0) {
            throw Problem.field("seq", "min", "seq must be a message's sequence number, a whole number >= 0.");
        }
        Receipts receipts;
        try {
            receipts = rt().receipts().markRead(id, Side.CUSTOMER, n.longValue());
        } catch (ChatException e) {
            if (e.code().equals(ReceiptService.BEYOND_LAST)) {
                throw Problem.field("seq", "max", e.getMessage());
            }
            throw e;
        }
        return Json.response(200, Map.of("customerReadSeq", receipts.customerReadSeq(),
                "agentReadSeq", receipts.agentReadSeq()));
    }

    private static long lastEventId(WebRequest r) {
        Optional<String> raw = r.header("Last-Event-ID").or(() -> r.query("lastEventId"));
        if (raw.isEmpty() || raw.get().isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(raw.get().trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw Problem.field("Last-Event-ID", "min", "Last-Event-ID must be a sequence number.");
    }

    private static ServerSentEvent sse(SessionEvent e) {
        return ServerSentEvent.of(Long.toString(e.seq()), e.type(), Json.text(eventJson(e)));
    }

    static Map<String, Object> eventJson(SessionEvent e) {
        Map<String, Object> data = new LinkedHashMap<>(e.data());
        if (e.type().equals(SessionEvent.MESSAGE)) {
            data.putIfAbsent("clientMessageId", null);
        } else if (e.type().equals(SessionEvent.STATE)) {
            data.putIfAbsent("disposition", null);
        }
        return data;
    }

    private WebResponse messages(WebRequest r, Website w) {
        String id = sessionId(r, w);
        long after = Routes.nonNegative(r, "after");
        return Json.response(200, rt().lookup().eventsAfter(id, after, true).stream()
                .map(WidgetRoutes::eventJson).toList());
    }

    private WebResponse post(WebRequest r, Website w) {
        String id = sessionId(r, w);
        guard().admitMessage(r, w, id);
        Map<String, Object> body = Routes.object(r);
        if (!(body.get("text") instanceof String text)) {
            throw Problem.field("text", "required", "text must be the message as a string.");
        }
        TextRules.multiline("text", "The message", text).ifPresent(e -> {
            throw Problem.field(e.field(), e.rule(), e.message());
        });
        Optional<String> clientMessageId = Routes.optionalString(body, "clientMessageId", 100);
        SessionEvent stored = rt().sessions().postCustomerMessage(w, id, text, clientMessageId);
        return Json.response(201, Map.of("seq", stored.seq()));
    }

    private WebResponse close(WebRequest r, Website w) {
        rt().sessions().customerClose(w, sessionId(r, w));
        return Json.response(200, Map.of("state", "closed", "disposition", "CustomerClosed"));
    }

    private WebResponse upload(WebRequest r, Website w) throws IOException {
        guard().admit(r, w, AbuseGuard.Action.UPLOAD);
        FormKind kind = r.query("form").flatMap(FormKind::fromWire)
                .orElseThrow(() -> Problem.field("form", "oneOf", "form must be online or offline."));
        String fieldName = r.query("field").orElseThrow(() -> Problem.field("field", "required",
                "field must name the form's attachment field."));
        FormField field = rt().forms().get(w.id(), kind).field(fieldName)
                .filter(f -> f.control() == WidgetControl.FILE)
                .orElseThrow(() -> Problem.field("field", "attachment", "The " + kind.wire()
                        + " form has no attachment field " + fieldName + "."));
        List<FormPart> parts;
        try {
            parts = r.multipart(UploadService.MAX_BYTES, 4);
        } catch (com.chatwebsite.api.web.PayloadTooLargeException e) {
            throw new Problem(413, "file_too_large", "A file may be at most 10 MB (10,485,760 bytes).");
        } catch (IOException e) {
            throw new Problem(400, "malformed_multipart", "Send the file as multipart/form-data in a part named file.");
        }
        FormPart file = onlyFilePart(parts);
        UploadService.Received received;
        try (var content = file.openStream()) {
            received = rt().uploads().receive(w.id(), kind, field, file.fileName(), content);
        }
        if (received.upload().isEmpty()) {
            throw new Problem(415, "unsupported_file_type", received.refusal().orElse("This file type is not accepted."));
        }
        var u = received.upload().get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uploadId", u.id());
        out.put("name", u.fileName());
        out.put("size", u.size());
        out.put("contentType", u.contentType());
        return Json.response(201, out);
    }

    /** The one part named {@code file}, with a file name; any other part, or a second file, is refused. */
    static FormPart onlyFilePart(List<FormPart> parts) {
        List<FormPart> files = new ArrayList<>();
        for (FormPart p : parts) {
            if (!p.name().equals("file")) {
                throw Problem.field(TextRules.printable(p.name()), "unknown", "An upload takes only one part, named file.");
            }
            files.add(p);
        }
        if (files.size() > 1) {
            throw Problem.field("file", "single", "Send one file per upload: the body has " + files.size()
                    + " parts named file.");
        }
        if (files.isEmpty() || files.get(0).fileName().isEmpty()) {
            throw Problem.field("file", "required", "Send the file in a part named file.");
        }
        return files.get(0);
    }

    private WebResponse offline(WebRequest r, Website w) {
        guard().admit(r, w, AbuseGuard.Action.OFFLINE_MESSAGE);
        Map<String, Object> body = Routes.object(r);
        for (String key : body.keySet()) {
            if (!OFFLINE_KEYS.contains(key)) {
                throw Problem.field(key, "unknown", "An offline message takes only fields, sessionId and identity.");
            }
        }
        if (!(body.getOrDefault("fields", Map.of()) instanceof Map<?, ?> fields)) {
            throw Problem.field("fields", "object", "fields must be an object of the form's values.");
        }
        Optional<String> sessionId = Routes.optionalString(body, "sessionId", 36)
                .map(id -> rt().lookup().verify(w.id(), id, token(r).orElse("")));
        // A message that follows a chat is covered by that chat's token: its session was opened under the identity rule.
        Object passed = body.get("identity");
        Optional<VisitorIdentity> identity = sessionId.isPresent() && passed == null ? Optional.empty()
                : verifiedIdentity(w, passed);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = withoutNulls((Map<String, Object>) fields);
        var submitted = rt().offline().submit(w, values, sessionId, identity);
        if (submitted.id().isEmpty()) {
            throw Problem.invalid("The form is not filled in correctly.", submitted.errors());
        }
        return Json.response(202, Map.of("interactionId", submitted.id().get()));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
