package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live chat sessions over HTTP against the host-stub with the packaged plugin; an agent is available. */
class ChatSessionsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static Site site;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        site = api.createWebsite(ChatApi.website("Shop"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aSessionOpensWaitingAndIsOfferedToAgentsWithItsFields() {
        Session s = api.openSession(site.key());
        JsonNode offered = find(api.agent("GET", "/interactions", null).json(), s.id());
        assertEquals("waiting", offered.get("state").asText());
        assertEquals(s.id(), offered.get("sessionId").asText());
        assertEquals(site.id(), offered.get("websiteId").asText());
        assertEquals("Ada", offered.get("fields").get("name").asText());
        assertTrue(offered.get("variables").isObject());
        assertEquals("waiting", find(api.supervisor(site, "waiting"), s.id()).get("state").asText());
        assertTrue(s.token().length() >= 22, "at least 128 bits");
    }

    @Test
    void agentAcceptsThenMessagesFlowBothWaysWithSequenceNumbersAndTheAgentCloses() {
        Session s = api.openSession(site.key());
        try (SseClient customer = api.customerStream(s, null)) {
            assertEquals(200, customer.status());
            assertEquals("message", customer.next(WAIT).event(), "the greeting");
            assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
            SseClient.Event active = customer.next(WAIT);
            assertEquals("state", active.event());
            assertEquals("active", ChatApi.json(active.data()).get("state").asText());

            Http.Reply c1 = api.say(s, "Where is my order?", null);
            assertEquals(201, c1.status(), c1.body());
            Http.Reply a1 = api.agent("POST", "/interactions/" + s.id() + "/messages",
                    "{\"text\":\"Let me check.\",\"clientMessageId\":\"a-1\"}");
            assertEquals(201, a1.status(), a1.body());
            assertTrue(a1.json().get("seq").asLong() > c1.json().get("seq").asLong());

            JsonNode m1 = ChatApi.json(customer.next(WAIT).data());
            assertEquals("customer", m1.get("from").asText());
            assertEquals(c1.json().get("seq").asLong(), m1.get("seq").asLong());
            SseClient.Event agentMsg = customer.next(WAIT);
            assertEquals(Long.toString(a1.json().get("seq").asLong()), agentMsg.id());
            assertEquals("Let me check.", ChatApi.json(agentMsg.data()).get("text").asText());

            JsonNode agentView = api.agent("GET", "/interactions/" + s.id() + "/messages", null).json();
            assertEquals(List.of("system", "customer", "agent"), froms(agentView));
            JsonNode customerView = api.widget("GET", s.key(), "/sessions/" + s.id() + "/messages?after="
                    + c1.json().get("seq").asLong(), null, s.token()).json();
            assertEquals(List.of("agent"), froms(customerView));

            Http.Reply close = api.agent("POST", "/interactions/" + s.id() + "/close", "{\"disposition\":\"Solved\"}");
            assertEquals(200, close.status(), close.body());
            List<SseClient.Event> tail = customer.until("state", WAIT);
            JsonNode closed = ChatApi.json(tail.get(tail.size() - 1).data());
            assertEquals("closed", closed.get("state").asText());
            assertEquals("Solved", closed.get("disposition").asText());
        }
        JsonNode item = find(api.supervisor(site, "closed"), s.id());
        assertEquals("Solved", item.get("disposition").asText());
        assertFalse(item.get("closedAt").isNull());
        assertEquals(409, api.say(s, "still there?", null).status(), "a closed session takes no message");
        assertEquals(404, api.agent("POST", "/interactions/" + s.id() + "/close", "{}").status(),
                "a closed chat leaves the agent's list");
    }

    @Test
    void customerCloseGivesCustomerClosed() {
        Session s = api.openSession(site.key());
        api.agent("POST", "/interactions/" + s.id() + "/accept", null);
        Http.Reply r = api.widget("POST", s.key(), "/sessions/" + s.id() + "/close", null, s.token());
        assertEquals(200, r.status(), r.body());
        assertEquals("CustomerClosed", find(api.supervisor(site, "closed"), s.id()).get("disposition").asText());
        assertEquals(409, api.widget("POST", s.key(), "/sessions/" + s.id() + "/close", null, s.token()).status());
        assertEquals(404, api.agent("POST", "/interactions/" + s.id() + "/messages", "{\"text\":\"x\"}").status(),
                "the agent no longer holds it");
    }

    @Test
    void aRetryWithTheSameClientMessageIdStoresOneMessage() {
        Session s = api.openSession(site.key());
        Http.Reply first = api.say(s, "hello", "retry-1");
        Http.Reply second = api.say(s, "hello", "retry-1");
        assertEquals(201, first.status());
        assertEquals(first.json().get("seq"), second.json().get("seq"));
        JsonNode all = api.widget("GET", s.key(), "/sessions/" + s.id() + "/messages", null, s.token()).json();
        assertEquals(1, froms(all).stream().filter("customer"::equals).count());
    }

    @Test
    void lastEventIdResumesTheCustomerStreamWithExactlyTheMissedEvents() {
        Session s = api.openSession(site.key());
        String lastSeen;
        try (SseClient first = api.customerStream(s, null)) {
            lastSeen = first.next(WAIT).id(); // greeting
            api.say(s, "one", null);
            lastSeen = first.next(WAIT).id();
        }
        List<Long> sent = new ArrayList<>();
        for (String text : List.of("two", "three", "four")) {
            sent.add(api.say(s, text, null).json().get("seq").asLong());
        }
        try (SseClient resumed = api.customerStream(s, lastSeen)) {
            List<Long> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(Long.parseLong(resumed.next(WAIT).id()));
            }
            assertEquals(sent, got);
            long five = api.say(s, "five", null).json().get("seq").asLong();
            assertEquals(Long.toString(five), resumed.next(WAIT).id(), "then live, with nothing twice");
            assertTrue(resumed.idle());
        }
    }

    @Test
    void lastEventIdResumesTheAgentStream() {
        String lastSeen;
        Session s;
        try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null)) {
            s = api.openSession(site.key());
            SseClient.Event offered = agentEventFor(agent, s.id(), "offered");
            lastSeen = offered.id();
        }
        api.agent("POST", "/interactions/" + s.id() + "/accept", null);
        long seq = api.say(s, "are you there?", null).json().get("seq").asLong();
        try (SseClient resumed = api.agentStream(TestHost.AGENT_TOKEN, lastSeen)) {
            SseClient.Event message = agentEventFor(resumed, s.id(), "message");
            assertEquals(seq, ChatApi.json(message.data()).get("seq").asLong());
            api.agent("POST", "/interactions/" + s.id() + "/close", "{\"disposition\":\"Solved\"}");
            SseClient.Event closed = agentEventFor(resumed, s.id(), "closed");
            assertEquals("Solved", ChatApi.json(closed.data()).get("disposition").asText());
        }
    }

    @Test
    void originsAreCheckedExactlyOnEveryWidgetRoute() {
        Session s = api.openSession(site.key());
        String[] refused = {"https://evil.example.com", "https://shop.example.com.evil.net", "http://shop.example.com",
            "https://shop.example.com:8443", "https://example.org", "https://evilexample.org"};
        for (String origin : refused) {
            Http.Reply r = api.widgetFrom(origin, "GET", site.key(), "/config", null, null);
            assertEquals(403, r.status(), origin);
            assertEquals("origin_not_allowed", r.json().get("error").asText(), origin);
            assertNull(r.header("Access-Control-Allow-Origin"), origin);
            assertEquals(403, api.widgetFrom(origin, "POST", site.key(), "/sessions/" + s.id() + "/messages",
                    "{\"text\":\"x\"}", s.token()).status(), origin);
        }
        for (String opaque : new String[] {null, "null", "not a url"}) {
            Http.Reply none = api.widgetFrom(opaque, "GET", site.key(), "/config", null, null);
            assertEquals(403, none.status(), opaque);
            assertEquals("origin_required", none.json().get("error").asText(), opaque);
        }
        Http.Reply sub = api.widgetFrom("https://help.example.org", "GET", site.key(), "/config", null, null);
        assertEquals(200, sub.status(), "a subdomain of the wildcard");
        assertEquals("https://help.example.org", sub.header("Access-Control-Allow-Origin"));
        Http.Reply ok = api.widget("GET", site.key(), "/config", null, null);
        assertEquals(ChatApi.ORIGIN, ok.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", ok.header("Vary"));
    }

    @Test
    void preflightIsAnsweredForTheWebsitesOriginsOnly() {
        Http.Reply ok = api.http.send(api.http.builder(ChatApi.PLUGIN + "/widget/" + site.key() + "/sessions", null)
                .header("Origin", ChatApi.ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, ok.status());
        assertEquals(ChatApi.ORIGIN, ok.header("Access-Control-Allow-Origin"));
        assertTrue(ok.header("Access-Control-Allow-Headers").contains("Last-Event-ID"));
        assertTrue(ok.header("Access-Control-Allow-Headers").contains("Authorization"));
        Http.Reply denied = api.http.send(api.http.builder(ChatApi.PLUGIN + "/widget/" + site.key() + "/sessions", null)
                .header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, denied.status());
        assertNull(denied.header("Access-Control-Allow-Origin"));
    }

    @Test
    void oneSessionsTokenOpensNoOtherSession() {
        Session a = api.openSession(site.key());
        Session b = api.openSession(site.key());
        assertNotEquals(a.token(), b.token());
        for (String[] call : new String[][] {{"GET", "/messages"}, {"POST", "/messages"}, {"POST", "/close"},
            {"GET", "/events"}}) {
            Http.Reply r = api.widget(call[0], b.key(), "/sessions/" + b.id() + call[1],
                    call[0].equals("POST") ? "{\"text\":\"hi\"}" : null, a.token());
            assertEquals(404, r.status(), call[0] + call[1]);
        }
        assertEquals(404, api.widget("GET", a.key(), "/sessions/" + a.id() + "/messages", null, "guess").status());
        assertEquals(404, api.widget("GET", a.key(), "/sessions/" + a.id() + "/messages", null, null).status());
        assertEquals(404, api.widget("GET", a.key(), "/sessions/" + java.util.UUID.randomUUID() + "/messages", null,
                a.token()).status());
        Site other = api.createWebsite(ChatApi.website("Other"));
        assertEquals(404, api.widget("GET", other.key(), "/sessions/" + a.id() + "/messages", null, a.token()).status(),
                "a session is reachable only through its own website");
        assertEquals(1, api.widget("GET", b.key(), "/sessions/" + b.id() + "/messages", null, b.token()).json().size(),
                "b's chat is untouched");
    }

    @Test
    void outsideTheEventStreamATokenInTheUrlIsNotTaken() {
        Session s = api.openSession(site.key());
        int before = api.widget("GET", s.key(), "/sessions/" + s.id() + "/messages", null, s.token()).json().size();
        String q = "?token=" + s.token();
        assertEquals(404, api.widget("GET", s.key(), "/sessions/" + s.id() + "/messages" + q, null, null).status());
        assertEquals(404, api.widget("POST", s.key(), "/sessions/" + s.id() + "/messages" + q, "{\"text\":\"hi\"}",
                null).status());
        assertEquals(404, api.widget("POST", s.key(), "/sessions/" + s.id() + "/close" + q, null, null).status());
        assertEquals(before, api.widget("GET", s.key(), "/sessions/" + s.id() + "/messages", null, s.token()).json()
                .size(), "nothing was posted");
        try (SseClient stream = api.customerStream(s, null)) {
            assertEquals(200, stream.status(), "the event stream still takes ?token= (EventSource sends no headers)");
        }
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        assertEquals(404, api.widget("GET", "no-such-key", "/config", null, null).status());
        assertEquals(404, api.open("no-such-key", "{}").status());
        ObjectNode json = ChatApi.website("Short messages");
        json.put("maxMessageLength", 10);
        Site shortSite = api.createWebsite(json);
        Session s = api.openSession(shortSite.key());
        String path = "/sessions/" + s.id() + "/messages";
        int before = api.widget("GET", s.key(), path, null, s.token()).json().size();
        assertEquals(400, api.widget("POST", s.key(), path, "{\"text\":", s.token()).status());
        assertEquals(400, api.widget("POST", s.key(), path, "{\"text\":42}", s.token()).status());
        assertEquals(400, api.widget("POST", s.key(), path, "{\"text\":\"   \"}", s.token()).status());
        assertEquals(400, api.widget("POST", s.key(), path, "[\"text\"]", s.token()).status());
        Http.Reply tooLong = api.say(s, "x".repeat(11), null);
        assertEquals(413, tooLong.status());
        assertEquals("message_too_long", tooLong.json().get("error").asText());
        assertEquals(201, api.say(s, "x".repeat(10), null).status(), "exactly at the limit");
        assertEquals(before + 1, api.widget("GET", s.key(), path, null, s.token()).json().size());
        assertEquals(400, api.widget("POST", site.key(), "/sessions", "{\"fields\":[1]}", null).status());
        assertEquals(400, api.widget("POST", site.key(), "/sessions", "{\"fieldz\":{}}", null).status());
        assertEquals(400, api.widget("GET", s.key(), path + "?after=-1", null, s.token()).status());
    }

    private static SseClient.Event agentEventFor(SseClient stream, String interactionId, String type) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            SseClient.Event e = stream.next(WAIT);
            JsonNode data = ChatApi.json(e.data());
            String id = data.has("interactionId") ? data.get("interactionId").asText() : data.path("id").asText();
            if (e.event().equals(type) && id.equals(interactionId)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " for " + interactionId);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private static List<String> froms(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.get("from").asText()));
        return out;
    }
}
