package com.chatwebsite.host.api;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.channel.ChatMessage;
import com.chatwebsite.api.channel.InteractionException;
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

/** The agent API: availability, the offered and held chats, and actions on them through their channel. */
public final class AgentEndpoints {

    private static final long MESSAGE_BODY_LIMIT = 64 * 1024;

    private final HostInteractionRouter router;
    private final PluginHost plugins;
    private final ContactManager contacts;
    private final AgentEventLog events;

    public AgentEndpoints(HostInteractionRouter router, PluginHost plugins, ContactManager contacts,
            AgentEventLog events) {
        this.router = router;
        this.plugins = plugins;
        this.contacts = contacts;
        this.events = events;
    }

    public List<WebRoute> routes() {
        return List.of(
                WebRoute.of("GET", "/api/agent/status", RouteAccess.AGENT, this::getStatus),
                WebRoute.of("PUT", "/api/agent/status", RouteAccess.AGENT, this::putStatus),
                WebRoute.of("GET", "/api/agent/interactions", RouteAccess.AGENT, this::list),
                WebRoute.of("GET", "/api/agent/events", RouteAccess.AGENT, r -> WebResponse.eventStream(
                        stream -> events.open(agent(r), stream, r.header("Last-Event-ID").or(() -> r.query("lastEventId"))))),
                WebRoute.of("POST", "/api/agent/interactions/{id}/accept", RouteAccess.AGENT, this::accept),
                WebRoute.of("GET", "/api/agent/interactions/{id}/messages", RouteAccess.AGENT, this::messages),
                new WebRoute("POST", "/api/agent/interactions/{id}/messages", RouteAccess.AGENT, MESSAGE_BODY_LIMIT,
                        this::post),
                WebRoute.of("POST", "/api/agent/interactions/{id}/close", RouteAccess.AGENT, this::close),
                WebRoute.of("POST", "/api/agent/interactions/{id}/video-call", RouteAccess.AGENT, this::video));
    }

    private static String agent(WebRequest request) {
        return request.caller().orElseThrow().name();
    }

    private WebResponse getStatus(WebRequest request) {
        return HostJson.response(200, Map.of("agent", agent(request), "available", router.isAvailable(agent(request))));
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
        ChatMessage m = channelFor(agent(request), id, true)
                .postMessage(id, ref(request), text, Optional.ofNullable((String) cid));
        return HostJson.response(201, Map.of("seq", m.seq()));
    }

    private WebResponse close(WebRequest request) {
        String id = request.pathParam("id");
        String disposition = "Solved";
        if (request.header("Content-Length").map(v -> !v.equals("0")).orElse(false)) {
            Object given = HostJson.readObject(request).get("disposition");
            if (given != null && !(given instanceof String)) {
                throw new HttpError(400, "invalid_disposition", "disposition must be a string.",
                        List.of(new FieldError("disposition", "string", "disposition must be a string.")));
            }
            if (given != null) {
                disposition = ((String) given).strip();
            }
        }
        if (disposition.isEmpty() || disposition.length() > 64) {
            throw new HttpError(400, "invalid_disposition", "disposition must be 1 to 64 characters.",
                    List.of(new FieldError("disposition", "length", "disposition must be 1 to 64 characters.")));
        }
        channelFor(agent(request), id, true).close(id, ref(request), disposition);
        return HostJson.response(200, Map.of("id", id, "state", "closed", "disposition", disposition));
    }

    private WebResponse video(WebRequest request) {
        String id = request.pathParam("id");
        var link = channelFor(agent(request), id, true).startVideoCall(id, ref(request));
        return HostJson.response(201, Map.of("url", link.agentUrl().toString(),
                "customerUrl", link.customerUrl().toString()));
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
        return out;
    }
}
