package com.chatwebsite.host.durability;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.SseClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The contract's calls as the widget, the agent console and the admin make them, against one or
 * more host nodes: {@link #next()} picks nodes round-robin, {@link #once} sends one request and
 * reports an I/O error as an outcome, {@link #withRetry} retries I/O errors and {@code 503} with the
 * same request (and so the same {@code clientMessageId}) on the next node, a bounded number of times.
 */
final class ContractClient {

    static final String PLUGIN = ChatApi.PLUGIN;
    static final String ORIGIN = ChatApi.ORIGIN;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Supplier<URI>> nodes;
    private final AtomicInteger turn = new AtomicInteger();

    /**
     * A client of the given nodes.
     *
     * @param nodes each node's base URL, read at every request (a restarted child keeps its URL)
     */
    ContractClient(List<Supplier<URI>> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    static ContractClient of(ChildHost... hosts) {
        List<Supplier<URI>> list = new ArrayList<>();
        for (ChildHost h : hosts) {
            list.add(h::baseUrl);
        }
        return new ContractClient(list);
    }

    int nodeCount() {
        return nodes.size();
    }

    /** The next node's index, round-robin. */
    int next() {
        return Math.floorMod(turn.getAndIncrement(), nodes.size());
    }

    /** A session the widget opened. */
    record Session(String key, String id, String token) {
    }

    /** One HTTP request of the contract, to be sent to any node. */
    record Call(String method, String path, String token, boolean widget, String body) {
        static Call customerMessage(Session s, String text, String clientMessageId) {
            return new Call("POST", PLUGIN + "/widget/" + s.key() + "/sessions/" + s.id() + "/messages", s.token(),
                    true, message(text, clientMessageId));
        }

        static Call agentMessage(String agentToken, String interactionId, String text, String clientMessageId) {
            return new Call("POST", "/api/agent/interactions/" + interactionId + "/messages", agentToken, false,
                    message(text, clientMessageId));
        }

        static Call offline(String key, ObjectNode fields) {
            return new Call("POST", PLUGIN + "/widget/" + key + "/offline", null, true,
                    MAPPER.createObjectNode().set("fields", fields).toString());
        }

        private static String message(String text, String clientMessageId) {
            return MAPPER.createObjectNode().put("text", text).put("clientMessageId", clientMessageId).toString();
        }
    }

    /**
     * What one attempt gave: an answer, or an I/O error ({@code status} 0).
     *
     * @param node the node's index
     * @param status the HTTP status, 0 for an I/O error
     * @param body the answer's body, or the I/O error
     */
    record Outcome(int node, int status, String body) {
        boolean ioError() {
            return status == 0;
        }

        JsonNode json() {
            return ChatApi.json(body);
        }

        @Override
        public String toString() {
            return (ioError() ? "I/O error" : Integer.toString(status)) + " from node " + node + ": "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    /** Sends a call to one node, once. */
    Outcome once(int node, Call call) {
        HttpRequest.Builder b = new Http(nodes.get(node).get()).builder(call.path(), call.token())
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.widget()) {
            b.header("Origin", ORIGIN);
        }
        try {
            Http.Reply r = new Http(nodes.get(node).get()).send(b);
            return new Outcome(node, r.status(), r.body());
        } catch (UncheckedIOException e) {
            return new Outcome(node, 0, String.valueOf(e.getCause()));
        }
    }

    /**
     * Sends a call, moving to the next node and retrying the same request after an I/O error or a
     * {@code 503}, at most {@code attempts} times; it backs off after each round over all nodes.
     *
     * @return every attempt's outcome, the last one deciding
     */
    List<Outcome> withRetry(Call call, int attempts) {
        List<Outcome> tried = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Outcome o = once(next(), call);
            tried.add(o);
            if (!o.ioError() && o.status() != 503) {
                return tried;
            }
            if ((i + 1) % nodes.size() == 0) {
                pace(o); // every node was tried once: back off before the next round
            }
        }
        return tried;
    }

    /** The answer of a call that must succeed (retrying I/O errors and 503), or an assertion error. */
    JsonNode require(Call call, int expectedStatus) {
        List<Outcome> tried = withRetry(call, 40);
        Outcome last = tried.get(tried.size() - 1);
        if (last.status() != expectedStatus) {
            throw new AssertionError(call.method() + " " + call.path() + ": expected " + expectedStatus
                    + ", got " + tried);
        }
        return last.body().isEmpty() ? MAPPER.createObjectNode() : last.json();
    }

    /**
     * Repeats a call until it answers {@code status} or the deadline passes (at least once).
     *
     * @return the last outcome
     */
    static Outcome poll(Supplier<Outcome> call, int status, long deadlineNanos) {
        Outcome last = call.get();
        while (last.status() != status && System.nanoTime() < deadlineNanos) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            last = call.get();
        }
        return last;
    }

    private static void pace(Outcome o) {
        // A client backs off before the retry (Retry-After is in seconds; a short step is enough here).
        try {
            Thread.sleep(o.ioError() ? 100 : 250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // The admin's calls.

    ChatApi.Site createWebsite(ObjectNode json) {
        JsonNode w = require(new Call("POST", PLUGIN + "/api/websites", ChildHost.ADMIN_TOKEN, false,
                json.toString()), 201);
        return new ChatApi.Site(w.get("id").asText(), w.get("key").asText());
    }

    JsonNode supervisor(ChatApi.Site site, String state) {
        return require(new Call("GET", PLUGIN + "/api/websites/" + site.id() + "/interactions?state=" + state,
                ChildHost.ADMIN_TOKEN, false, null), 200);
    }

    // The widget's calls.

    static ObjectNode customerFields(String name, String email) {
        return MAPPER.createObjectNode().put("name", name).put("email", email);
    }

    Outcome openOnce(int node, String key, ObjectNode fields) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("fields", fields);
        body.put("page", ORIGIN + "/cart");
        return once(node, new Call("POST", PLUGIN + "/widget/" + key + "/sessions", null, true, body.toString()));
    }

    Session open(String key, ObjectNode fields) {
        Outcome o = openOnce(next(), key, fields);
        if (o.status() != 201) {
            throw new AssertionError("open session: " + o);
        }
        return new Session(key, o.json().get("sessionId").asText(), o.json().get("token").asText());
    }

    /** Every stored message of a session, read through the widget's API (all pages). */
    List<JsonNode> messages(Session s) {
        List<JsonNode> out = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 1000; page++) {
            JsonNode list = require(new Call("GET", PLUGIN + "/widget/" + s.key() + "/sessions/" + s.id()
                    + "/messages?after=" + after, s.token(), true, null), 200);
            if (list.isEmpty()) {
                return out;
            }
            list.forEach(out::add);
            after = list.get(list.size() - 1).get("seq").asLong();
        }
        throw new AssertionError("more than 1000 pages of messages in session " + s.id());
    }

    SseClient customerStream(int node, Session s, String lastEventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Origin", ORIGIN);
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseClient.open(nodes.get(node).get().resolve(PLUGIN + "/widget/" + s.key() + "/sessions/" + s.id()
                + "/events?token=" + s.token()), headers);
    }

    // The agent console's calls.

    void setAvailable(int node, ChildHost.AgentAccount agent) {
        Outcome o = once(node, new Call("PUT", "/api/agent/status", agent.token(), false, "{\"available\":true}"));
        if (o.status() != 200) {
            throw new AssertionError(agent.name() + " available on node " + node + ": " + o);
        }
    }

    Outcome accept(int node, ChildHost.AgentAccount agent, String interactionId) {
        return once(node, new Call("POST", "/api/agent/interactions/" + interactionId + "/accept", agent.token(),
                false, null));
    }

    SseClient agentStream(int node, ChildHost.AgentAccount agent, String lastEventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + agent.token());
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseClient.open(nodes.get(node).get().resolve("/api/agent/events"), headers);
    }
}
