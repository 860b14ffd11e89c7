package com.chatwebsite.host.api;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.channel.ChatMessage;
import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.api.channel.ReadReceipts;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.plugins.PluginHost;
import com.chatwebsite.host.routing.AgentEventLog;
import com.chatwebsite.host.routing.HostInteractionRouter;
import com.chatwebsite.host.routing.RoutedInteraction;
import com.chatwebsite.host.web.HostJson;
import com.chatwebsite.host.web.HttpError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The agent API: availability, the offered and held chats, and actions on them through their channel. */
public final class AgentEndpoints {

    private static final long MESSAGE_BODY_LIMIT = 64 * 1024;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");

    private final HostInteractionRouter router;
    private final PluginHost plugins;
    private final ContactManager contacts;
    private final AgentEventLog events;
    private final List<String> dispositions;

    /**
     * The agent routes.
     *
     * @param dispositions what an agent may close a chat with ({@code HOST_DISPOSITIONS})
     */
    public AgentEndpoints(HostInteractionRouter router, PluginHost plugins, ContactManager contacts,
            AgentEventLog events, List<String> dispositions) {
        this.router = router;
        this.plugins = plugins;
        this.contacts = contacts;
        this.events = events;
        this.dispositions = List.copyOf(dispositions);
    }

    public List<WebRoute> routes() {
        return List.of(
                WebRoute.of("GET", "/api/agent/status", RouteAccess.AGENT, this::getStatus),
                WebRoute.of("PUT", "/api/agent/status", RouteAccess.AGENT, this::putStatus),
                WebRoute.of("GET", "/api/agent/interactions", RouteAccess.AGENT, this::list),
                WebRoute.of("GET", "/api/agent/events", RouteAccess.AGENT, this::events),
                WebRoute.of("POST", "/api/agent/interactions/{id}/accept", RouteAccess.AGENT, this::accept),
                WebRoute.of("GET", "/api/agent/interactions/{id}/messages", RouteAccess.AGENT, this::messages),
                new WebRoute("POST", "/api/agent/interactions/{id}/messages", RouteAccess.AGENT, MESSAGE_BODY_LIMIT,
                        this::post),
                WebRoute.of("POST", "/api/agent/interactions/{id}/close", RouteAccess.AGENT, this::close),
                WebRoute.of("POST", "/api/agent/interactions/{id}/video-call", RouteAccess.AGENT, this::video),
                WebRoute.of("POST", "/api/agent/interactions/{id}/typing", RouteAccess.AGENT, this::typing),
                WebRoute.of("POST", "/api/agent/interactions/{id}/read", RouteAccess.AGENT, this::read));
    }

    private static String agent(WebRequest request) {
        return request.caller().orElseThrow().name();
    }

    private WebResponse getStatus(WebRequest request) {
        return HostJson.response(200, Map.of("agent", agent(request), "available", router.isAvailable(agent(request)),
                "dispositions", dispositions));
    }

    private WebResponse events(WebRequest request) {
        Optional<String> lastEventId = lastEventId(request);
        String agent = agent(request);
        return WebResponse.eventStream(stream -> events.open(agent, stream, lastEventId));
    }

    /** The stream's resume point: absent or blank for the start, else a whole number >= 0. */
    private static Optional<String> lastEventId(WebRequest request) {
        Optional<String> raw = request.header("Last-Event-ID").or(() -> request.query("lastEventId"))
                .map(String::strip).filter(v -> !v.isEmpty());
        if (raw.isPresent() && !WHOLE_NUMBER.matcher(raw.get()).matches()) {
            throw new HttpError(400, "validation_failed", "Last-Event-ID must be a sequence number.",
                    List.of(new FieldError("Last-Event-ID", "min", "Last-Event-ID must be a sequence number.")));
        }
        return raw;
    }

    private WebResponse putStatus(WebRequest request) {
        Map<String, Object> body = HostJson.readObject(request);
        if (!(body.get("available") instanceof Boolean available)) {
            throw new HttpError(400, "invalid_status", "Send {\"available\": true|false}.",
                    List.of(new FieldError("available", "boolean", "available must be true or false.")));
        }
        router.setAvailable(agent(request), available);
        return HostJson.response(200, Map.of("agent", agent(request), "available", available));
    }

    private WebResponse list(WebRequest request) {
        return HostJson.response(200, router.interactionsOf(agent(request)).stream().map(this::describe).toList());
    }

    private Map<String, Object> describe(RoutedInteraction r) {
        return AgentViews.interaction(r.offer(), r.assigned(), contacts);
    }

    private WebResponse accept(WebRequest request) {
        router.accept(agent(request), request.pathParam("id"));
        return HostJson.response(200, Map.of("id", request.pathParam("id"), "state", "active"));
    }

    private WebResponse messages(WebRequest request) {
        String id = request.pathParam("id");
        long after = parseAfter(request);
        List<ChatMessage> messages = channelFor(agent(request), id, false).messages(id, after);
        return HostJson.response(200, messages.stream().map(m -> messageJson(id, m)).toList());
    }

    /** The longest idempotency key, as the chat channel takes it. */
    private static final int MAX_CLIENT_MESSAGE_ID = 100;

    private WebResponse post(WebRequest request) {
        String id = request.pathParam("id");
        Map<String, Object> body = HostJson.readObject(request);
        if (!(body.get("text") instanceof String text)) {
            throw new HttpError(400, "invalid_message", "Send {\"text\": \"...\"}.",
                    List.of(new FieldError("text", "required", "text must be a string.")));
        }
        Object cid = body.get("clientMessageId");
        if (cid != null && !(cid instanceof String)) {
            throw new HttpError(400, "invalid_message", "clientMessageId must be a string.",
                    List.of(new FieldError("clientMessageId", "string", "clientMessageId must be a string.")));
        }
        if (cid instanceof String c && (c.isBlank() || c.length() > MAX_CLIENT_MESSAGE_ID)) {
            String why = "clientMessageId must be 1 to " + MAX_CLIENT_MESSAGE_ID + " characters.";
            throw new HttpError(400, "invalid_message", why, List.of(new FieldError("clientMessageId", "length", why)));
        }
        ChatMessage m = channelFor(agent(request), id, true)
                .postMessage(id, ref(request), text, Optional.ofNullable((String) cid));
        return HostJson.response(201, Map.of("seq", m.seq()));
    }

    private WebResponse close(WebRequest request) {
        String id = request.pathParam("id");
        String disposition = hasBody(request) ? disposition(HostJson.readObject(request)) : dispositions.get(0);
        channelFor(agent(request), id, true).close(id, ref(request), disposition);
        return HostJson.response(200, Map.of("id", id, "state", "closed", "disposition", disposition));
    }

    private static boolean hasBody(WebRequest request) {
        return request.header("Transfer-Encoding").isPresent()
                || request.header("Content-Length").map(v -> !v.equals("0")).orElse(false);
    }

    /** The body's disposition: omitted means the first configured one; else one of them, as given. */
    private String disposition(Map<String, Object> body) {
        if (!body.containsKey("disposition")) {
            return dispositions.get(0);
        }
        if (!(body.get("disposition") instanceof String given)) {
            throw invalidDisposition("string", "disposition must be a string"
                    + (body.get("disposition") == null ? ", not null." : "."));
        }
        if (given.codePoints().anyMatch(AgentEndpoints::hiddenOrControl)) {
            throw invalidDisposition("plain_text",
                    "disposition must not contain control or text-direction characters.");
        }
        String disposition = given.strip();
        if (disposition.isEmpty() || disposition.length() > 64) {
            throw invalidDisposition("length", "disposition must be 1 to 64 characters.");
        }
        if (!dispositions.contains(disposition)) {
            throw invalidDisposition("one_of", "disposition must be one of " + String.join(", ", dispositions) + ".");
        }
        return disposition;
    }

    /** Control characters, and the bidi embeddings, overrides and isolates that can disguise text. */
    private static boolean hiddenOrControl(int c) {
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    private static HttpError invalidDisposition(String rule, String message) {
        return new HttpError(400, "invalid_disposition", message,
                List.of(new FieldError("disposition", rule, message)));
    }

    private WebResponse video(WebRequest request) {
        String id = request.pathParam("id");
        var link = channelFor(agent(request), id, true).startVideoCall(id, ref(request));
        return HostJson.response(201, Map.of("url", link.agentUrl().toString(),
                "customerUrl", link.customerUrl().toString()));
    }

    /** The agent types ({@code {"typing":true}}) or stopped; live only, dropped when too frequent. */
    private WebResponse typing(WebRequest request) {
        String id = request.pathParam("id");
        Map<String, Object> body = HostJson.readObject(request);
        if (!(body.get("typing") instanceof Boolean typing)) {
            throw new HttpError(400, "invalid_typing", "Send {\"typing\": true|false}.",
                    List.of(new FieldError("typing", "boolean", "typing must be true or false.")));
        }
        boolean relayed = channelFor(agent(request), id, true).typing(id, ref(request), typing);
        return HostJson.response(202, Map.of("relayed", relayed));
    }

    /** The agent has seen the chat's messages up to {@code seq}: stored, only forward. */
    private WebResponse read(WebRequest request) {
        String id = request.pathParam("id");
        Map<String, Object> body = HostJson.readObject(request);
        if (!(body.get("seq") instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
            throw new HttpError(400, "invalid_receipt", "Send {\"seq\": n}, a message sequence number.",
                    List.of(new FieldError("seq", "min", "seq must be a whole number >= 0.")));
        }
        ReadReceipts r = channelFor(agent(request), id, true).markRead(id, ref(request), n.longValue());
        return HostJson.response(200, Map.of("interactionId", id, "customerReadSeq", r.customerReadSeq(),
                "agentReadSeq", r.agentReadSeq()));
    }

    private ChatChannel channelFor(String agent, String id, boolean mustHold) {
        HostInteractionRouter.Access access = router.access(agent, id)
                .orElseThrow(() -> HttpError.notFound("No interaction " + id + " for you."));
        if (mustHold && !access.held()) {
            throw new HttpError(409, "not_accepted", "Accept the interaction first.");
        }
        return plugins.channel(access.channelId()).orElseThrow(() -> new InteractionException(
                InteractionException.Reason.CONFLICT, HostInteractionRouter.CHANNEL_UNAVAILABLE,
                "The channel is not running."));
    }

    private static AgentRef ref(WebRequest request) {
        String name = agent(request);
        return new AgentRef(name, name);
    }

    private static long parseAfter(WebRequest request) {
        String after = request.query("after").orElse("0");
        try {
            long value = Long.parseLong(after);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new HttpError(400, "invalid_parameter", "after must be a whole number >= 0.",
                    List.of(new FieldError("after", "min", "after must be a whole number >= 0.")));
        }
    }

    static Map<String, Object> messageJson(String interactionId, ChatMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("interactionId", interactionId);
        out.put("seq", m.seq());
        out.put("from", m.from());
        out.put("text", m.text());
        out.put("at", m.at().toString());
        out.put("clientMessageId", m.clientMessageId().orElse(null));
        m.file().ifPresent(f -> out.put("file", AgentFileEndpoints.fileJson(f)));
        return out;
    }
}
