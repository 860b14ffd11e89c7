package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions nobody handles, closed by the plugin's sweeper on the host's clock; no sleeping. */
class UnmanagedAndTimeoutTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ADVICE = "Nobody is free: leave us a message.";

    @TempDir
    Path dir;
    HostStub host;
    ChatApi api;
    MutableClock clock;
    Site site;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        host = TestHost.start(dir, clock);
        api = new ChatApi(host);
        ObjectNode json = ChatApi.website("Shop");
        json.put("unmanagedAfterSeconds", 30);
        json.set("messages", ChatApi.json("{\"unmanaged\":\"" + ADVICE + "\"}"));
        site = api.createWebsite(json);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void withNoAgentAvailableTheSessionIsKeptClosedAsUnmanagedWithTheAdvice() {
        Http.Reply r = api.open(site.key(), "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals("closed", r.json().get("state").asText());
        assertEquals("Unmanaged", r.json().get("disposition").asText());
        Session s = new Session(site.key(), r.json().get("sessionId").asText(), r.json().get("token").asText());
        try (SseClient stream = api.customerStream(s, null)) {
            List<SseClient.Event> events = stream.until("state", WAIT);
            assertTrue(events.stream().anyMatch(e -> e.data().contains(ADVICE)), events.toString());
            JsonNode state = ChatApi.json(events.get(events.size() - 1).data());
            assertEquals("Unmanaged", state.get("disposition").asText());
            assertTrue(state.get("offlineForm").asBoolean(), "the widget is told to show the offline form");
        }
        JsonNode item = api.supervisor(site, "unmanaged").get(0);
        assertEquals(s.id(), item.get("id").asText());
        assertEquals("Ada", item.get("fields").get("name").asText(), "the pre-chat form is kept");
    }

    @Test
    void aSessionNoAgentAcceptsInTimeClosesAsUnmanaged() {
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        Session s = api.openSession(site.key());
        try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null);
                SseClient customer = api.customerStream(s, null)) {
            clock.advance(Duration.ofSeconds(29));
            Session canary = api.openSession(site.key());
            clock.advance(Duration.ofSeconds(2));
            Poll.until(WAIT, "the sweeper closes the first session", () -> state(s).equals("closed"));
            assertEquals("Unmanaged", disposition(s));
            assertEquals("waiting", state(canary), "the second one has waited 2 s only");
            List<SseClient.Event> events = customer.until("state", WAIT);
            while (!ChatApi.json(events.get(events.size() - 1).data()).get("state").asText().equals("closed")) {
                events = customer.until("state", WAIT);
            }
            assertTrue(events.stream().anyMatch(e -> e.data().contains(ADVICE)));
            assertTrue(agent.until("withdrawn", WAIT).stream().anyMatch(e -> e.data().contains(s.id())));
            assertEquals(404, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
        }
    }

    @Test
    void aChatWithNoMessagesForTheHostTimeoutClosesAsTimeoutTellingBothSides() {
        assertEquals(200, api.http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN,
                "{\"chatTimeoutSeconds\":60}").status());
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        Session s = api.openSession(site.key());
        assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
        try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null);
                SseClient customer = api.customerStream(s, null)) {
            Session canary = api.openSession(site.key());
            clock.advance(Duration.ofSeconds(59));
            Poll.until(WAIT, "a sweep ran after the clock moved", () -> state(canary).equals("closed"));
            assertEquals("active", state(s), "59 s without messages is within the timeout");

            assertEquals(201, api.say(s, "still here", null).status());
            clock.advance(Duration.ofSeconds(59));
            Session canary2 = api.openSession(site.key());
            clock.advance(Duration.ofSeconds(31));
            Poll.until(WAIT, "another sweep ran", () -> state(canary2).equals("closed"));
            assertEquals("closed", state(s), "90 s after the last message");
            assertEquals("Timeout", disposition(s));

            List<SseClient.Event> customerEvents = customer.until("state", WAIT);
            while (!customerEvents.get(customerEvents.size() - 1).data().contains("Timeout")) {
                customerEvents = customer.until("state", WAIT);
            }
            assertTrue(customerEvents.stream().anyMatch(e -> e.data().contains("\"from\":\"system\"")
                    && e.data().contains("without messages")), customerEvents.toString());
            List<SseClient.Event> agentEvents = agent.until("closed", WAIT);
            while (!agentEvents.get(agentEvents.size() - 1).data().contains(s.id())) {
                agentEvents = agent.until("closed", WAIT);
            }
            assertTrue(agentEvents.stream().anyMatch(e -> e.event().equals("message")
                    && e.data().contains("without messages")), agentEvents.toString());
            assertTrue(agentEvents.get(agentEvents.size() - 1).data().contains("Timeout"));
        }
    }

    @Test
    void aWaitingChatGetsTheWaitingMessageOnce() {
        ObjectNode json = ChatApi.website("Patient");
        json.put("unmanagedAfterSeconds", 300);
        json.set("messages", ChatApi.json("{\"waiting\":\"Please hold on\",\"waitingAfterSeconds\":10}"));
        Site patient = api.createWebsite(json);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        Session s = api.openSession(patient.key());
        clock.advance(Duration.ofSeconds(11));
        Poll.until(WAIT, "the waiting message is sent", () -> waitingMessages(s) == 1);
        Session canary = api.openSession(site.key());
        clock.advance(Duration.ofSeconds(31));
        Poll.until(WAIT, "more sweeps ran", () -> state(canary).equals("closed"));
        assertEquals(1, waitingMessages(s), "sent once");
    }

    private int waitingMessages(Session s) {
        int n = 0;
        for (JsonNode m : api.widget("GET", s.key(), "/sessions/" + s.id() + "/messages", null, s.token()).json()) {
            n += m.get("text").asText().equals("Please hold on") ? 1 : 0;
        }
        return n;
    }

    private String state(Session s) {
        return item(s).get("state").asText();
    }

    private String disposition(Session s) {
        return item(s).get("disposition").asText();
    }

    private JsonNode item(Session s) {
        for (JsonNode n : api.supervisor(site, null)) {
            if (n.get("id").asText().equals(s.id())) {
                return n;
            }
        }
        throw new AssertionError("no session " + s.id());
    }
}
