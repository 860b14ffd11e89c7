package com.chatwebsite.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's calls, as the widget, the admin and the agent make them, for tests. */
public final class ChatApi {

    public static final String ORIGIN = "https://shop.example.com";
    public static final String PLUGIN = "/plugins/chat-website";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public final Http http;
    private final URI base;

    public ChatApi(HostStub host) {
        this(host.baseUrl());
    }

    /** A client of a host at {@code base}, such as a child JVM's. */
    public ChatApi(URI base) {
        this.base = base;
        this.http = new Http(base);
    }

    /** A website as the admin creates it. */
    public record Site(String id, String key) {
    }

    /** An open session as the widget holds it. */
    public record Session(String key, String id, String token) {
    }

    public static ObjectNode website(String name) {
        ObjectNode w = MAPPER.createObjectNode();
        w.put("name", name);
        w.putArray("origins").add(ORIGIN).add("https://*.example.org");
        w.put("maxConcurrentSessions", 10);
        w.set("limits", unlimited());
        return w;
    }

    /**
     * Abuse limits at their highest, for tests that send bursts from one address on purpose; the
     * abuse-limit tests set their own.
     *
     * @return the {@code limits} object
     */
    public static ObjectNode unlimited() {
        ObjectNode limits = MAPPER.createObjectNode();
        for (String kind : new String[] {"sessions", "offline", "uploads"}) {
            limits.putObject(kind).put("perAddress", 1_000_000).put("perWebsite", 1_000_000);
        }
        limits.putObject("messages").put("perSession", 1_000_000).put("perAddress", 1_000_000);
        return limits;
    }

    public Site createWebsite(ObjectNode json) {
        Http.Reply r = http.send("POST", PLUGIN + "/api/websites", TestHost.ADMIN_TOKEN, json.toString());
        if (r.status() != 201) {
            throw new AssertionError("create website: " + r.status() + " " + r.body());
        }
        return new Site(r.json().get("id").asText(), r.json().get("key").asText());
    }

    public Http.Reply updateWebsite(Site site, ObjectNode json) {
        return http.send("PUT", PLUGIN + "/api/websites/" + site.id(), TestHost.ADMIN_TOKEN, json.toString());
    }

    public Http.Reply widget(String method, String key, String path, String body, String token) {
        return widgetFrom(ORIGIN, method, key, path, body, token);
    }

    public Http.Reply widgetFrom(String origin, String method, String key, String path, String body, String token) {
        HttpRequest.Builder b = http.builder(PLUGIN + "/widget/" + key + path, token)
                .header("Content-Type", "application/json");
        if (origin != null) {
            b.header("Origin", origin);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b);
    }

    public Http.Reply upload(String key, String form, String field, String fileName, byte[] content) {
        String boundary = "----cwtest" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(http.builder(PLUGIN + "/widget/" + key + "/uploads?form=" + form + "&field=" + field, null)
                .header("Origin", ORIGIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Http.Reply putForm(Site site, String kind, String sectionsJson) {
        return http.send("PUT", PLUGIN + "/api/websites/" + site.id() + "/forms/" + kind, TestHost.ADMIN_TOKEN,
                "{\"sections\":" + sectionsJson + "}");
    }

    public Http.Reply open(String key, String fieldsJson) {
        return widget("POST", key, "/sessions", "{\"fields\":" + fieldsJson + ",\"page\":\"" + ORIGIN + "/cart\"}", null);
    }

    public Session openSession(String key) {
        Http.Reply r = open(key, "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
        if (r.status() != 201) {
            throw new AssertionError("open session: " + r.status() + " " + r.body());
        }
        return new Session(key, r.json().get("sessionId").asText(), r.json().get("token").asText());
    }

    public Http.Reply say(Session s, String text, String clientMessageId) {
        ObjectNode body = MAPPER.createObjectNode().put("text", text);
        if (clientMessageId != null) {
            body.put("clientMessageId", clientMessageId);
        }
        return widget("POST", s.key(), "/sessions/" + s.id() + "/messages", body.toString(), s.token());
    }

    public SseClient customerStream(Session s, String lastEventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Origin", ORIGIN);
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseClient.open(base.resolve(PLUGIN + "/widget/" + s.key() + "/sessions/" + s.id() + "/events?token="
                + s.token()), headers);
    }

    public SseClient agentStream(String token, String lastEventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseClient.open(base.resolve("/api/agent/events"), headers);
    }

    public Http.Reply agent(String method, String path, String body) {
        return http.send(method, "/api/agent" + path, TestHost.AGENT_TOKEN, body);
    }

    public void setAvailable(String token, boolean available) {
        Http.Reply r = http.send("PUT", "/api/agent/status", token, "{\"available\":" + available + "}");
        if (r.status() != 200) {
            throw new AssertionError(r.body());
        }
    }

    public JsonNode supervisor(Site site, String state) {
        return http.get(PLUGIN + "/api/websites/" + site.id() + "/interactions" + (state == null ? "" : "?state=" + state),
                TestHost.ADMIN_TOKEN).json();
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
