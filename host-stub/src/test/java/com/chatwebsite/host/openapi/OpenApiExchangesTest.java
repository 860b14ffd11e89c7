package com.chatwebsite.host.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HttpExchanges;
import com.chatwebsite.host.HttpExchanges.Exchange;
import com.chatwebsite.host.HttpExchanges.StreamEvent;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the integration flows of the contract (admin, agent, widget, plugin management, and
 * hostile input) through the tests' {@link Http} client with recording on, then checks every
 * recorded exchange against the checked-in OpenAPI document with a JSON Schema validator: the
 * operation exists, its status and content type are documented, the response body matches the
 * schema for its status (4xx/5xx: the error body), and the request body of a 2xx matches the
 * request schema; and every event read from the customer's, the agent's and the status streams
 * against the stream's {@code x-events} schema for its name; and every webhook request the plugin
 * sent to a WireMock receiver against the document's {@code webhooks} entry for its event.
 * {@code -Dopenapi.dump=true} prints each exchange with its answer.
 */
class OpenApiExchangesTest {

    private static final String P = ChatApi.PLUGIN;
    private static final String ADMIN = TestHost.ADMIN_TOKEN;

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static Http http;
    static WireMockServer receiver;

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        host = TestHost.start(dir);
        api = new ChatApi(host);
        http = api.http;
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void theFlowsExchangesMatchTheOpenApiDocument() {
        HttpExchanges.start();
        HttpExchanges.Recorded recorded;
        try {
            hostAdmin();
            Site site = websitesAndForms();
            String webhookId = webhooks(site);
            chat(site);
            deliveries(site, webhookId);
            hostileInput(site);
            privacy(site);
            pluginManagement();
        } finally {
            recorded = HttpExchanges.stop();
        }
        List<Exchange> exchanges = recorded.exchanges();
        OpenApiContract contract = new OpenApiContract(OpenApiContract.checkedIn());
        List<String> problems = new ArrayList<>();
        Set<String> eventNames = new TreeSet<>();
        for (StreamEvent e : recorded.events()) {
            problems.addAll(contract.eventProblems(e).stream().map(p -> e + ": " + p).toList());
            eventNames.add(e.uri().getRawPath().startsWith(P) ? "customer " + e.event() : "agent " + e.event());
        }
        Set<String> operations = new TreeSet<>();
        int refusals = 0;
        for (Exchange x : exchanges) {
            if (Boolean.getBoolean("openapi.dump")) {
                System.out.println("DUMP " + x + " " + OpenApiContract.abbreviate(x.responseBody()));
            }
            problems.addAll(contract.problems(x).stream().map(p -> x + ": " + p).toList());
            contract.find(x.method(), x.uri().getRawPath()).ifPresent(op -> operations.add(op.key()));
            refusals += x.status() >= 400 ? 1 : 0;
        }
        Set<String> sent = new TreeSet<>();
        for (LoggedRequest r : receiver.findAll(postRequestedFor(urlPathEqualTo("/hook")))) {
            Map<String, String> headers = new HashMap<>();
            r.getHeaders().all().forEach(h -> headers.put(h.key(), h.firstValue()));
            problems.addAll(contract.webhookProblems("chat-website", headers, r.getBodyAsString()).stream()
                    .map(p -> "webhook " + r.getBodyAsString() + ": " + p).toList());
            sent.add(r.getHeader("X-ChatWebsite-Event"));
        }
        System.out.println("OpenAPI: " + exchanges.size() + " exchanges (" + refusals + " refused) over "
                + operations.size() + " operations, and " + recorded.events().size() + " stream events "
                + eventNames + ", checked against " + OpenApiContract.CHECKED_IN);
        if (!problems.isEmpty()) {
            fail(problems.size() + " exchange(s) do not match " + OpenApiContract.CHECKED_IN + ":\n  "
                    + String.join("\n  ", problems));
        }
        assertTrue(operations.size() >= 45, "operations exercised: " + operations.size() + " " + operations);
        assertTrue(refusals >= 10, "refused exchanges checked against the error body: " + refusals);
        assertEquals(Set.of(WEBHOOK_EVENTS), sent, "webhook requests checked against the document's webhooks");
        assertTrue(eventNames.containsAll(List.of("customer message", "customer state", "agent offered",
                "agent message", "agent closed")), "stream events checked: " + eventNames);
    }

    private static Http.Reply expect(Http.Reply r, int status, String what) {
        assertEquals(status, r.status(), what + ": " + r.body());
        return r;
    }

    private static void hostAdmin() {
        expect(http.get("/health", null), 200, "health");
        expect(http.get("/openapi.json", null), 200, "openapi");
        expect(http.get("/api/settings", ADMIN), 200, "settings");
        expect(http.send("PUT", "/api/settings", ADMIN, "{\"chatTimeoutSeconds\":600}"), 200, "put settings");
        expect(http.get("/api/interactions?channel=mail", ADMIN), 200, "mail interactions");
        expect(http.get("/api/form-field-types", ADMIN), 200, "field types");
        expect(http.get("/api/plugins", ADMIN), 200, "plugins");
        expect(http.get("/api/plugins/chat-website", ADMIN), 200, "one plugin");
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        expect(http.get("/api/agent/status", TestHost.AGENT_TOKEN), 200, "agent status");
    }

    private static Site websitesAndForms() {
        expect(http.get(P + "/api/settings-schema", ADMIN), 200, "settings schema");
        ObjectNode json = ChatApi.website("OpenAPI shop");
        json.putObject("videoCall").put("enabled", true);
        Site site = api.createWebsite(json);
        expect(http.get(P + "/api/websites", ADMIN), 200, "websites");
        expect(http.get(P + "/api/websites/" + site.id(), ADMIN), 200, "website");
        json.put("maxMessageLength", 4000);
        expect(api.updateWebsite(site, json), 200, "update website");
        expect(http.get(P + "/api/websites/" + site.id() + "/snippet", ADMIN), 200, "snippet");
        String online = """
                [{"type":"input","name":"name","label":"Name","required":true,"mapTo":{"contact":"firstName"}},
                 {"type":"input","name":"email","label":"E-mail","inputType":"email","required":true,
                  "mapTo":{"contact":"email"}},
                 {"type":"agreement","name":"privacy","label":"I agree to the privacy policy.","version":"2026-05"},
                 {"type":"attachment","name":"files","label":"Files","accept":".pdf"}]""";
        expect(api.putForm(site, "online", online), 200, "online form");
        expect(http.get(P + "/api/websites/" + site.id() + "/forms/online", ADMIN), 200, "get form");
        expect(http.get(P + "/api/websites/" + site.id() + "/forms/offline", ADMIN), 200, "get offline form");
        expect(http.send("POST", P + "/api/forms/preview?kind=online&title=Hi", ADMIN, "{\"sections\":" + online + "}"),
                200, "preview");
        Site other = api.createWebsite(ChatApi.website("To delete"));
        expect(http.send("DELETE", P + "/api/websites/" + other.id(), ADMIN, null), 204, "delete");
        expect(http.get(P + "/api/websites/" + other.id(), ADMIN), 404, "deleted website");
        return site;
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The website the chat flows run on. */
    private static Site site;

    private static void chat(Site site) {
        OpenApiExchangesTest.site = site;
        String key = site.key();
        expect(http.get(P + "/widget.js", null), 200, "widget.js");
        expect(api.widget("GET", key, "/config", null, null), 200, "config");
        expect(api.widget("OPTIONS", key, "/sessions", null, null), 204, "preflight");
        String uploadId = expect(api.upload(key, "online", "files", "invoice.pdf", pdf()), 201, "upload")
                .json().get("uploadId").asText();
        Http.Reply opened = expect(api.open(key, "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"privacy\":true,\"files\":[\""
                + uploadId + "\"]}"), 201, "open");
        Session s = new Session(key, opened.json().get("sessionId").asText(), opened.json().get("token").asText());
        String base = "/sessions/" + s.id();
        try (SseClient customer = api.customerStream(s, null);
                SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null);
                SseClient status = SseClient.open(host.baseUrl().resolve(P + "/widget/" + key + "/status"),
                        Map.of("Origin", ChatApi.ORIGIN))) {
            held(s, uploadId);
            customer.until("state", WAIT); // waiting
            agent.until("closed", WAIT);
            status.until("status", WAIT);
        }
        closed(s);
    }

    /** The chat from the customer's first words to the agent's close. */
    private static void held(Session s, String uploadId) {
        String key = s.key();
        String base = "/sessions/" + s.id();
        expect(api.widget("GET", key, base, null, s.token()), 200, "session state");
        expect(api.say(s, "Hello", "c-1"), 201, "say");
        expect(api.widget("POST", key, base + "/typing", "{\"typing\":true,\"draft\":\"Hel\"}", s.token()), 202, "typing");
        expect(api.widget("GET", key, base + "/messages?after=0", null, s.token()), 200, "messages");
        expect(http.get("/api/agent/interactions", TestHost.AGENT_TOKEN), 200, "agent list");
        expect(api.agent("POST", "/interactions/" + s.id() + "/accept", null), 200, "accept");
        expect(api.agent("GET", "/interactions/" + s.id() + "/messages?after=0", null), 200, "agent messages");
        expect(api.agent("POST", "/interactions/" + s.id() + "/messages", "{\"text\":\"Hi Ada\",\"clientMessageId\":\"a-1\"}"),
                201, "agent says");
        expect(api.agent("POST", "/interactions/" + s.id() + "/typing", "{\"typing\":false}"), 202, "agent typing");
        expect(api.agent("POST", "/interactions/" + s.id() + "/read", "{\"seq\":1}"), 200, "agent read");
        expect(api.widget("POST", key, base + "/read", "{\"seq\":1}", s.token()), 200, "customer read");
        api.agent("POST", "/interactions/" + s.id() + "/video-call", null); // 201, or a documented refusal
        expect(http.get(P + "/api/uploads/" + uploadId, ADMIN), 200, "admin download");
        expect(http.get(P + "/agent/uploads/" + uploadId, TestHost.AGENT_TOKEN), 200, "agent download");
        Http.Reply agentFile = http.send(multipart("/api/agent/interactions/" + s.id() + "/files?clientMessageId=f-1",
                TestHost.AGENT_TOKEN, "notes.txt", "text/plain", "notes".getBytes(StandardCharsets.UTF_8)));
        if (agentFile.status() == 201) {
            String fileId = agentFile.json().get("file").get("id").asText();
            expect(http.get("/api/agent/interactions/" + s.id() + "/files/" + fileId, TestHost.AGENT_TOKEN), 200,
                    "agent file download");
            expect(api.widget("GET", key, base + "/files/" + fileId, null, s.token()), 200, "customer file download");
        }
        http.send(multipart(P + "/widget/" + key + base + "/files", s.token(), "more.txt", "text/plain",
                "more".getBytes(StandardCharsets.UTF_8)).header("Origin", ChatApi.ORIGIN));
        expect(api.agent("POST", "/interactions/" + s.id() + "/close", "{\"disposition\":\"Solved\"}"), 200, "close");
    }

    /** After the close: rating, transcript, another session, an offline message, the supervisor's view. */
    private static void closed(Session s) {
        String key = s.key();
        String base = "/sessions/" + s.id();
        expect(api.widget("POST", key, base + "/rating", "{\"score\":5,\"comment\":\"Quick\"}", s.token()), 201, "rate");
        expect(api.widget("POST", key, base + "/transcript", "{\"email\":\"ada@example.com\"}", s.token()), 202,
                "transcript");
        expect(api.widget("GET", key, base, null, s.token()), 200, "closed state");
        Session second = api.openSession(key);
        expect(api.widget("POST", key, "/sessions/" + second.id() + "/close", null, second.token()), 200,
                "customer close");
        expect(api.widget("POST", key, "/offline", "{\"fields\":{\"name\":\"Bo\",\"email\":\"bo@example.com\","
                + "\"message\":\"Call me\"}}", null), 202, "offline");
        expect(http.get(P + "/api/websites/" + site.id() + "/interactions", ADMIN), 200, "supervisor");
        expect(http.get(P + "/api/websites/" + site.id() + "/interactions?state=closed", ADMIN), 200, "closed");
        expect(http.get(P + "/api/ratings", ADMIN), 200, "ratings");
        expect(http.get("/api/contacts?field=email&value=ada@example.com", ADMIN), 200, "contacts");
    }

    private static void hostileInput(Site site) {
        String key = site.key();
        expect(http.get("/api/settings", null), 401, "no token");
        expect(http.get("/api/settings", "wrong"), 403, "wrong token");
        expect(http.send("PUT", "/api/settings", ADMIN, "{\"chatTimeoutSeconds\":\"x\"}"), 400, "bad settings");
        expect(http.get("/api/contacts?field=bogus&value=x", ADMIN), 400, "bad contact field");
        expect(http.get("/api/plugins/nope", ADMIN), 404, "no plugin");
        expect(http.send("POST", P + "/api/websites", ADMIN, "{\"name\":\"\",\"origins\":[\"nope\"]}"), 400, "bad website");
        expect(http.send("POST", P + "/api/websites", ADMIN, "{\"name\":"), 400, "truncated JSON");
        expect(http.get(P + "/api/websites/" + site.id() + "/interactions?state=bogus", ADMIN), 400, "bad state");
        expect(api.widgetFrom("https://evil.example.net", "GET", key, "/config", null, null), 403, "foreign origin");
        expect(api.widget("GET", "no-such-key", "/config", null, null), 404, "unknown key");
        expect(api.open(key, "{\"name\":\"Ada\"}"), 400, "missing required field");
        expect(api.widget("POST", key, "/sessions", "{\"fields\":{},\"bogus\":1}", null), 400, "unknown member");
        Session s = api.openSession(key);
        expect(api.say(s, "x".repeat(4_001), null), 413, "too long");
        expect(api.widget("POST", key, "/sessions/" + s.id() + "/messages", "{\"text\":42}", s.token()), 400, "text 42");
        expect(api.widget("GET", key, "/sessions/" + s.id() + "/messages?after=-1", null, s.token()), 400, "after -1");
        expect(api.agent("PUT", "/status", "{\"available\":\"yes\"}"), 400, "bad availability");
        expect(api.agent("GET", "/interactions/nope/messages", null), 404, "unknown interaction");
    }

    private static final String[] WEBHOOK_EVENTS = {"chat.opened", "chat.accepted", "chat.message", "chat.closed",
        "offline.submitted", "chat.rated"};

    /** An endpoint for every event, at the WireMock receiver; another one made and removed; its id. */
    private static String webhooks(Site site) {
        String hooks = P + "/api/websites/" + site.id() + "/webhooks";
        String body = "{\"url\":\"http://127.0.0.1:" + receiver.port() + "/hook\",\"events\":[\""
                + String.join("\",\"", WEBHOOK_EVENTS) + "\"],\"enabled\":true,\"allowPrivateTargets\":true}";
        String id = expect(http.send("POST", hooks, ADMIN, body), 201, "add webhook").json().get("id").asText();
        expect(http.get(hooks, ADMIN), 200, "webhooks");
        expect(http.get(hooks + "/" + id, ADMIN), 200, "webhook");
        expect(http.send("PUT", hooks + "/" + id, ADMIN, body), 200, "replace webhook");
        expect(http.send("POST", hooks + "/" + id + "/secret", ADMIN, null), 200, "rotate secret");
        String other = expect(http.send("POST", hooks, ADMIN, "{\"url\":\"https://hooks.example.com/chat\","
                + "\"events\":[\"chat.rated\"],\"enabled\":false}"), 201, "add another").json().get("id").asText();
        expect(http.send("DELETE", hooks + "/" + other, ADMIN, null), 204, "remove webhook");
        expect(http.get(hooks + "/" + other, ADMIN), 404, "removed webhook");
        expect(http.send("POST", hooks, ADMIN, "{\"url\":\"http://10.0.0.1/x\",\"events\":[\"chat.bogus\"]}"),
                400, "bad webhook");
        return id;
    }

    /** Every event of the chat flows delivered to the receiver, and the delivery log. */
    private static void deliveries(Site site, String webhookId) {
        String log = P + "/api/websites/" + site.id() + "/webhook-deliveries";
        Poll.until(WAIT, "the six kinds of webhook event delivered", () -> {
            Set<String> delivered = new TreeSet<>();
            for (JsonNode d : http.get(log + "?limit=500", ADMIN).json()) {
                if (d.get("state").asText().equals("delivered")) {
                    delivered.add(d.get("event").asText());
                }
            }
            return delivered.containsAll(List.of(WEBHOOK_EVENTS));
        });
        expect(http.get(log, ADMIN), 200, "delivery log");
        expect(http.get(log + "?webhookId=" + webhookId + "&limit=5", ADMIN), 200, "one endpoint's log");
        expect(http.get(log + "?limit=0", ADMIN), 400, "limit 0");
        expect(http.get(log + "?webhookId=nope", ADMIN), 404, "unknown endpoint's log");
    }

    /** Ada's contact found, exported and erased; the audit records. */
    private static void privacy(Site site) {
        JsonNode found = expect(http.get(P + "/api/contacts?email=ada@example.com", ADMIN), 200, "find contact").json();
        String contactId = found.get("contacts").get(0).get("id").asText();
        expect(http.get(P + "/api/contacts?id=" + contactId, ADMIN), 200, "contact by id");
        expect(http.get(P + "/api/contacts?id=x&email=y@example.com", ADMIN), 400, "id and email");
        JsonNode export = expect(http.get(P + "/api/contacts/" + contactId + "/export", ADMIN), 200, "export").json();
        assertTrue(export.get("chats").size() > 0 && export.get("consents").size() > 0, export.toString());
        String erasure = P + "/api/contacts/" + contactId + "/erasure";
        expect(http.send("POST", erasure, ADMIN, "{\"confirm\":false}"), 400, "erasure unconfirmed");
        expect(http.send("POST", erasure, ADMIN, "{\"confirm\":true}"), 200, "erasure");
        expect(http.get(P + "/api/contacts/" + contactId + "/export", ADMIN), 200, "export after erasure");
        expect(http.get(P + "/api/erasures", ADMIN), 200, "erasures");
    }

    private static void pluginManagement() {
        expect(http.send(multipart("/api/plugins", ADMIN, "plugin.jar", "application/java-archive", pdf())), 400,
                "not a jar");
        expect(http.send("POST", "/api/plugins/chat-website/stop", ADMIN, null), 200, "stop");
        Http.Reply unavailable = http.get(P + "/api/websites", ADMIN);
        assertEquals(503, unavailable.status(), unavailable.body());
        expect(http.send("POST", "/api/plugins/chat-website/start", ADMIN, null), 200, "start");
    }

    private static HttpRequest.Builder multipart(String path, String token, String fileName, String type, byte[] content) {
        String boundary = "----openapi" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.builder(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static byte[] pdf() {
        return ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] "
                + "/Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
