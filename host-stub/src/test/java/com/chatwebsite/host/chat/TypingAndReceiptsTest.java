package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typing both ways is live only (no id, never replayed), thinned to one a second per side, with
 * the draft only where the website opted in; read receipts are stored, only move forward, reach
 * the other side and come back after a restart.
 */
class TypingAndReceiptsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BOB_TOKEN = "test-bob-token";

    @TempDir
    static Path dir;
    static MutableClock clock;
    static HostStub host;
    static ChatApi api;
    static Site plain;
    static Site drafts;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        host = TestHost.start(dir, clock);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        plain = api.createWebsite(ChatApi.website("Plain"));
        ObjectNode w = ChatApi.website("Drafts");
        w.set("chat", ChatApi.json("{\"showDraftToAgent\":true}"));
        drafts = api.createWebsite(w);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void typingReachesTheOtherSideLiveAndIsNeverReplayed() {
        Session s;
        try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null)) {
            s = openAndAccept(plain);
            try (SseClient customer = api.customerStream(s, null)) {
                clock.advance(Duration.ofSeconds(2));
                Http.Reply r = typing(s, "{\"typing\":true,\"draft\":\"my secret draft\"}");
                assertEquals(202, r.status(), r.body());
                assertTrue(r.json().get("relayed").asBoolean());
                SseClient.Event t = until(agent, e -> e.event().equals("typing") && e.data().contains(s.id()));
                assertFalse(t.ownId(), "live only: no id");
                JsonNode d = ChatApi.json(t.data());
                assertTrue(d.get("typing").asBoolean());
                assertFalse(d.has("draft"), "this website does not show drafts: " + d);

                r = api.agent("POST", "/interactions/" + s.id() + "/typing", "{\"typing\":true}");
                assertEquals(202, r.status(), r.body());
                SseClient.Event a = until(customer, e -> e.event().equals("typing"));
                assertFalse(a.ownId(), "live only: no id");
                JsonNode ad = ChatApi.json(a.data());
                assertEquals(TestHost.AGENT, ad.get("agent").asText());
                assertTrue(ad.get("typing").asBoolean());

                assertEquals(201, api.say(s, "after typing", null).status());
                until(agent, e -> e.event().equals("message") && e.data().contains("after typing"));
                until(customer, e -> e.event().equals("message") && e.data().contains("after typing"));
            }
            try (SseClient again = api.customerStream(s, null)) {
                List<SseClient.Event> replay = collectUntil(again,
                        e -> e.event().equals("message") && e.data().contains("after typing"));
                assertTrue(replay.stream().noneMatch(e -> e.event().equals("typing")), replay.toString());
            }
        }
        try (SseClient again = api.agentStream(TestHost.AGENT_TOKEN, null)) {
            List<SseClient.Event> replay = collectUntil(again,
                    e -> e.event().equals("message") && e.data().contains("after typing"));
            assertTrue(replay.stream().noneMatch(e -> e.event().equals("typing")), replay.toString());
        }
    }

    @Test
    void typingFasterThanOnceASecondIsDroppedWithoutAnErrorAndDraftsGoOnlyWhereOptedIn() {
        assertTrue(api.widget("GET", drafts.key(), "/config", null, null).json().at("/chat/showDraftToAgent")
                .asBoolean());
        assertFalse(api.widget("GET", plain.key(), "/config", null, null).json().at("/chat/showDraftToAgent")
                .asBoolean());
        try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null)) {
            Session s = openAndAccept(drafts);
            try (SseClient customer = api.customerStream(s, null)) {
                clock.advance(Duration.ofSeconds(2));
                assertTrue(typing(s, "{\"typing\":true,\"draft\":\"one\"}").json().get("relayed").asBoolean());
                Http.Reply dropped = typing(s, "{\"typing\":true,\"draft\":\"two\"}");
                assertEquals(202, dropped.status(), dropped.body());
                assertFalse(dropped.json().get("relayed").asBoolean());
                clock.advance(Duration.ofMillis(1000));
                assertTrue(typing(s, "{\"typing\":false,\"draft\":\"three\"}").json().get("relayed").asBoolean());

                List<String> seen = new ArrayList<>();
                collectUntil(agent, e -> {
                    if (e.event().equals("typing") && e.data().contains(s.id())) {
                        seen.add(ChatApi.json(e.data()).get("draft").asText());
                    }
                    return seen.contains("three");
                });
                assertEquals(List.of("one", "three"), seen, "the second, within a second, was dropped");

                String agentTyping = "/interactions/" + s.id() + "/typing";
                assertTrue(api.agent("POST", agentTyping, "{\"typing\":true}").json().get("relayed").asBoolean());
                assertFalse(api.agent("POST", agentTyping, "{\"typing\":false}").json().get("relayed").asBoolean());
                clock.advance(Duration.ofSeconds(1));
                assertTrue(api.agent("POST", agentTyping, "{\"typing\":false}").json().get("relayed").asBoolean());
                List<Boolean> states = new ArrayList<>();
                collectUntil(customer, e -> {
                    if (e.event().equals("typing")) {
                        states.add(ChatApi.json(e.data()).get("typing").asBoolean());
                    }
                    return states.size() == 2;
                });
                assertEquals(List.of(true, false), states);
            }

            clock.advance(Duration.ofSeconds(2));
            assertField(typing(s, "{\"typing\":true,\"draft\":\"" + "x".repeat(501) + "\"}"), "draft", "maxLength");
            assertField(typing(s, "{\"typing\":true,\"draft\":\"bell \\u0007\"}"), "draft", "control");
            assertField(typing(s, "{\"typing\":\"yes\"}"), "typing", "boolean");
            assertField(typing(s, "{\"typing\":true,\"mood\":1}"), "mood", "unknown");
            assertField(api.agent("POST", "/interactions/" + s.id() + "/typing", "{}"), "typing", "boolean");
        }
    }

    @Test
    void receiptsMoveOnlyForwardReachTheOtherSideAndOnlyTheChatsOwnersMayPostThem() {
        try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null)) {
            Session s = openAndAccept(plain);
            try (SseClient customer = api.customerStream(s, null)) {
                long fromAgent = api.agent("POST", "/interactions/" + s.id() + "/messages", "{\"text\":\"hello\"}")
                        .json().get("seq").asLong();
                long fromCustomer = api.say(s, "hi", null).json().get("seq").asLong();

                Http.Reply r = read(s, s.token(), fromAgent);
                assertEquals(200, r.status(), r.body());
                assertEquals(fromAgent, r.json().get("customerReadSeq").asLong());
                SseClient.Event seen = until(agent, e -> e.event().equals("read") && e.data().contains(s.id()));
                assertTrue(seen.ownId(), "receipts are stored agent events");
                assertEquals(fromAgent, ChatApi.json(seen.data()).get("customerReadSeq").asLong());

                r = read(s, s.token(), fromAgent - 1);
                assertEquals(200, r.status(), r.body());
                assertEquals(fromAgent, r.json().get("customerReadSeq").asLong(), "never backwards");
                assertField(read(s, s.token(), fromCustomer + 100), "seq", "max");
                assertField(api.widget("POST", s.key(), "/sessions/" + s.id() + "/read", "{\"seq\":\"x\"}",
                        s.token()), "seq", "min");

                r = api.agent("POST", "/interactions/" + s.id() + "/read", "{\"seq\":" + fromCustomer + "}");
                assertEquals(200, r.status(), r.body());
                assertEquals(fromCustomer, r.json().get("agentReadSeq").asLong());
                assertEquals(fromAgent, r.json().get("customerReadSeq").asLong());
                SseClient.Event toCustomer = until(customer,
                        e -> e.event().equals("read") && e.data().contains("\"agentReadSeq\":" + fromCustomer));
                assertFalse(toCustomer.ownId());
                r = api.agent("POST", "/interactions/" + s.id() + "/read", "{\"seq\":1}");
                assertEquals(fromCustomer, r.json().get("agentReadSeq").asLong(), "never backwards");
            }

            Session other = api.openSession(plain.key());
            assertEquals(404, read(s, other.token(), 1).status(), "another visitor's token");
            assertEquals(404, api.widget("POST", s.key(), "/sessions/" + s.id() + "/typing", "{\"typing\":true}",
                    other.token()).status());
            assertEquals(404, api.http.send("POST", "/api/agent/interactions/" + s.id() + "/read", BOB_TOKEN,
                    "{\"seq\":1}").status(), "another agent");
            assertEquals(404, api.http.send("POST", "/api/agent/interactions/" + s.id() + "/typing", BOB_TOKEN,
                    "{\"typing\":true}").status(), "another agent");
        }
    }

    private static Session openAndAccept(Site site) {
        Session s = api.openSession(site.key());
        Http.Reply r = api.agent("POST", "/interactions/" + s.id() + "/accept", null);
        assertEquals(200, r.status(), r.body());
        return s;
    }

    static Http.Reply typing(Session s, String body) {
        return api.widget("POST", s.key(), "/sessions/" + s.id() + "/typing", body, s.token());
    }

    static Http.Reply read(Session s, String token, long seq) {
        return api.widget("POST", s.key(), "/sessions/" + s.id() + "/read", "{\"seq\":" + seq + "}", token);
    }

    static void assertField(Http.Reply r, String field, String rule) {
        assertEquals(400, r.status(), r.body());
        JsonNode f = r.json().get("fields").get(0);
        assertEquals(field, f.get("field").asText(), r.body());
        assertEquals(rule, f.get("rule").asText(), r.body());
    }

    static SseClient.Event until(SseClient stream, Predicate<SseClient.Event> match) {
        List<SseClient.Event> all = collectUntil(stream, match);
        return all.get(all.size() - 1);
    }

    /** Events up to and including the first that matches, within {@link #WAIT}. */
    static List<SseClient.Event> collectUntil(SseClient stream, Predicate<SseClient.Event> match) {
        long end = System.nanoTime() + WAIT.toNanos();
        List<SseClient.Event> out = new ArrayList<>();
        while (true) {
            SseClient.Event e = stream.next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            out.add(e);
            if (match.test(e)) {
                return out;
            }
        }
    }
}
