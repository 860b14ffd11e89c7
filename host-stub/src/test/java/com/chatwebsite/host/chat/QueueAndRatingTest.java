package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queue position and estimated wait for waiting customers (from the database, live on the stream and
 * in the session state), and the customer's rating of a closed chat with the supervisor's averages.
 */
class QueueAndRatingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BOB_TOKEN = "test-bob-token";

    @TempDir
    static Path dir;
    static MutableClock clock;
    static HostStub host;
    static ChatApi api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        host = TestHost.start(dir, clock);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        api.setAvailable(BOB_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Site site(String name) {
        ObjectNode json = ChatApi.website(name);
        json.put("unmanagedAfterSeconds", 86_400);
        return api.createWebsite(json);
    }

    private static void accept(Session s, String agentToken) {
        Http.Reply r = api.http.send("POST", "/api/agent/interactions/" + s.id() + "/accept", agentToken, null);
        assertEquals(200, r.status(), r.body());
    }

    private static void close(Session s, String agentToken) {
        Http.Reply r = api.http.send("POST", "/api/agent/interactions/" + s.id() + "/close", agentToken,
                "{\"disposition\":\"Solved\"}");
        assertTrue(r.status() == 200 || r.status() == 204, r.status() + " " + r.body());
    }

    private static JsonNode state(Session s) {
        Http.Reply r = api.widget("GET", s.key(), "/sessions/" + s.id(), null, s.token());
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static Http.Reply rate(Session s, String body) {
        return api.widget("POST", s.key(), "/sessions/" + s.id() + "/rating", body, s.token());
    }

    /** A customer's stream with queue events, as the widget opens it. */
    private static SseClient queueStream(Session s, String lastEventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Origin", ChatApi.ORIGIN);
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseClient.open(host.baseUrl().resolve(ChatApi.PLUGIN + "/widget/" + s.key() + "/sessions/" + s.id()
                + "/events?queue=1&token=" + s.token()), headers);
    }

    /** The next {@code queue} event of a stream, skipping the log's events. */
    private static JsonNode nextQueue(SseClient stream) {
        List<SseClient.Event> events = stream.until("queue", WAIT);
        SseClient.Event queue = events.get(events.size() - 1);
        return ChatApi.json(queue.data());
    }

    @Test
    void positionsCountTheWaitingChatsInOrderAndMoveWhenTheFirstIsAccepted() {
        Site site = site("Queue");
        Session first = api.openSession(site.key());
        clock.advance(Duration.ofSeconds(1));
        Http.Reply opened = api.open(site.key(), "{\"name\":\"Bo\",\"email\":\"bo@example.com\"}");
        assertEquals(201, opened.status(), opened.body());
        assertEquals(2, opened.json().get("queue").get("position").asInt(), "the open answer has the position");
        assertTrue(opened.json().get("queue").get("estimatedWaitSeconds").isNull(), "no history, no guess");
        Session second = new Session(site.key(), opened.json().get("sessionId").asText(),
                opened.json().get("token").asText());

        assertEquals(1, state(first).get("queue").get("position").asInt());
        assertEquals(2, state(second).get("queue").get("position").asInt());
        try (SseClient s1 = queueStream(first, null); SseClient s2 = queueStream(second, null);
                SseClient plain = api.customerStream(second, null)) {
            assertEquals(1, nextQueue(s1).get("position").asInt());
            assertEquals(2, nextQueue(s2).get("position").asInt());

            accept(first, TestHost.AGENT_TOKEN);
            JsonNode moved = nextQueue(s2);
            assertEquals(201, api.say(second, "marker", null).status());
            for (SseClient.Event e = plain.next(WAIT); !e.data().contains("marker"); e = plain.next(WAIT)) {
                assertTrue(!e.event().equals("queue"), "without queue=1 the stream carries the log's events only");
            }
            assertEquals(1, moved.get("position").asInt(), "the chat ahead was accepted");
            assertEquals(1, moved.get("estimatedWaitSeconds").asLong(), "one accept, after a wait of 1 s");
            assertTrue(state(first).get("queue").isNull(), "an accepted chat is in no queue");
            assertEquals(1, state(second).get("queue").get("position").asInt());
        }
    }

    @Test
    void theEstimateIsTheMedianRecentWaitTimesThePosition() {
        Site site = site("Estimate");
        Session a = api.openSession(site.key());
        clock.advance(Duration.ofSeconds(30));
        accept(a, TestHost.AGENT_TOKEN);
        Session b = api.openSession(site.key());
        clock.advance(Duration.ofSeconds(90));
        accept(b, TestHost.AGENT_TOKEN); // waits 30 s and 90 s: median 60 s
        Session c = api.openSession(site.key());
        clock.advance(Duration.ofSeconds(1));
        Session d = api.openSession(site.key());
        assertEquals(60, state(c).get("queue").get("estimatedWaitSeconds").asLong());
        assertEquals(120, state(d).get("queue").get("estimatedWaitSeconds").asLong(), "second in line: twice");

        try (SseClient stream = queueStream(d, null)) {
            JsonNode now = nextQueue(stream);
            assertEquals(2, now.get("position").asInt());
            assertEquals(120, now.get("estimatedWaitSeconds").asLong());
            clock.advance(Duration.ofSeconds(9));
            accept(c, TestHost.AGENT_TOKEN); // waited 10 s: waits 10, 30, 90 → median 30
            JsonNode moved = nextQueue(stream);
            assertEquals(1, moved.get("position").asInt());
            assertEquals(30, moved.get("estimatedWaitSeconds").asLong());
        }
        clock.advance(Duration.ofMinutes(61));
        Session e = api.openSession(site.key());
        assertTrue(state(e).get("queue").get("estimatedWaitSeconds").isNull(),
                "accepts older than an hour do not count: no guess");
    }

    @Test
    void aReconnectingWidgetGetsTheCurrentPositionAtOnce() {
        Site site = site("Reconnect");
        Session first = api.openSession(site.key());
        clock.advance(Duration.ofSeconds(1));
        Session second = api.openSession(site.key());
        String lastId;
        try (SseClient stream = queueStream(second, null)) {
            List<SseClient.Event> events = stream.until("queue", WAIT);
            assertEquals(2, ChatApi.json(events.get(events.size() - 1).data()).get("position").asInt());
            lastId = events.stream().map(SseClient.Event::id).filter(id -> id != null).reduce((x, y) -> y)
                    .orElse("0");
        }
        api.widget("POST", first.key(), "/sessions/" + first.id() + "/close", null, first.token());
        try (SseClient stream = queueStream(second, lastId)) {
            JsonNode q = nextQueue(stream);
            assertEquals(1, q.get("position").asInt(), "the customer ahead left while this one was away");
        }
    }

    @Test
    void aClosedChatIsRatedOnceAndTheRatingIsValidated() {
        Site site = site("Rating");
        Session s = api.openSession(site.key());
        Http.Reply early = rate(s, "{\"score\":5}");
        assertEquals(409, early.status(), early.body());
        assertEquals("session_open", early.json().get("error").asText());

        accept(s, TestHost.AGENT_TOKEN);
        close(s, TestHost.AGENT_TOKEN);
        for (String[] bad : new String[][] {{"{\"score\":6}", "score", "range"}, {"{\"score\":0}", "score", "range"},
                {"{\"score\":\"5\"}", "score", "integer"}, {"{\"score\":4.5}", "score", "integer"},
                {"{}", "score", "required"}, {"{\"score\":99999999999}", "score", "range"},
                {"{\"score\":3,\"comment\":\"" + "x".repeat(1001) + "\"}", "comment", "maxLength"},
                {"{\"score\":3,\"comment\":\"a\\u0007b\"}", "comment", "control"},
                {"{\"score\":3,\"stars\":3}", "stars", "unknown"}}) {
            Http.Reply r = rate(s, bad[0]);
            assertEquals(400, r.status(), bad[0] + " → " + r.body());
            JsonNode field = r.json().get("fields").get(0);
            assertEquals(bad[1], field.get("field").asText(), r.body());
            assertEquals(bad[2], field.get("rule").asText(), r.body());
        }
        assertTrue(state(s).get("rating").isNull(), "a refused rating changes nothing");

        Session other = api.openSession(site.key());
        Http.Reply wrongToken = api.widget("POST", s.key(), "/sessions/" + s.id() + "/rating", "{\"score\":1}",
                other.token());
        assertEquals(404, wrongToken.status(), "another session's token opens nothing");

        Http.Reply ok = rate(s, "{\"score\":4,\"comment\":\"Quick and <b>kind</b>\"}");
        assertEquals(201, ok.status(), ok.body());
        assertEquals(4, ok.json().get("score").asInt());
        Http.Reply again = rate(s, "{\"score\":1}");
        assertEquals(409, again.status(), again.body());
        assertEquals("already_rated", again.json().get("error").asText());

        JsonNode rating = state(s).get("rating");
        assertEquals(4, rating.get("score").asInt(), "the first rating wins");
        assertEquals("Quick and <b>kind</b>", rating.get("comment").asText());
        JsonNode item = null;
        for (JsonNode i : api.supervisor(site, "closed")) {
            if (i.get("id").asText().equals(s.id())) {
                item = i;
            }
        }
        assertEquals(4, item.get("rating").get("score").asInt(), "the supervisor sees it with the chat");
        assertEquals("Quick and <b>kind</b>", item.get("rating").get("comment").asText());
    }

    @Test
    void averagesPerWebsiteAndPerAgentWhoAcceptedTheChat() {
        Site site = site("Averages");
        Site quiet = site("Averages, unrated");
        Session s1 = api.openSession(site.key());
        accept(s1, TestHost.AGENT_TOKEN);
        close(s1, TestHost.AGENT_TOKEN);
        Session s2 = api.openSession(site.key());
        accept(s2, BOB_TOKEN);
        close(s2, BOB_TOKEN);
        Session s3 = api.openSession(site.key());
        accept(s3, TestHost.AGENT_TOKEN);
        close(s3, TestHost.AGENT_TOKEN);
        assertEquals(201, rate(s1, "{\"score\":5}").status());
        assertEquals(201, rate(s2, "{\"score\":2}").status());
        assertEquals(201, rate(s3, "{\"score\":4}").status());

        JsonNode avg = api.http.get(ChatApi.PLUGIN + "/api/ratings?websiteId=" + site.id(), TestHost.ADMIN_TOKEN).json();
        assertEquals(1, avg.get("websites").size(), avg.toString());
        JsonNode w = avg.get("websites").get(0);
        assertEquals(site.id(), w.get("id").asText());
        assertEquals("Averages", w.get("name").asText());
        assertEquals(3.67, w.get("average").asDouble(), 1e-9);
        assertEquals(3, w.get("count").asInt());
        assertEquals(2, avg.get("agents").size(), avg.toString());
        assertEquals(TestHost.AGENT, avg.get("agents").get(0).get("agent").asText());
        assertEquals(4.5, avg.get("agents").get(0).get("average").asDouble(), 1e-9);
        assertEquals(2, avg.get("agents").get(0).get("count").asInt());
        assertEquals("bob", avg.get("agents").get(1).get("agent").asText());
        assertEquals(2.0, avg.get("agents").get(1).get("average").asDouble(), 1e-9);

        JsonNode none = api.http.get(ChatApi.PLUGIN + "/api/ratings?websiteId=" + quiet.id(), TestHost.ADMIN_TOKEN)
                .json();
        assertEquals(0, none.get("websites").size());
        JsonNode all = api.http.get(ChatApi.PLUGIN + "/api/ratings", TestHost.ADMIN_TOKEN).json();
        assertTrue(all.get("websites").toString().contains(site.id()));
        String later = clock.instant().plusSeconds(1).toString();
        assertEquals(0, api.http.get(ChatApi.PLUGIN + "/api/ratings?websiteId=" + site.id() + "&from=" + later,
                TestHost.ADMIN_TOKEN).json().get("websites").size(), "from is inclusive of later ratings only");
        Http.Reply badFrom = api.http.get(ChatApi.PLUGIN + "/api/ratings?from=yesterday", TestHost.ADMIN_TOKEN);
        assertEquals(400, badFrom.status());
        assertEquals("from", badFrom.json().get("fields").get(0).get("field").asText());
        assertEquals(401, api.http.get(ChatApi.PLUGIN + "/api/ratings", null).status(), "admins only");
    }

    @Test
    void aRatingSurvivesARestart(@TempDir Path own) throws Exception {
        Session s;
        Site site;
        HostStub first = TestHost.start(Files.createDirectories(own.resolve("host")));
        try {
            ChatApi a = new ChatApi(first);
            a.setAvailable(TestHost.AGENT_TOKEN, true);
            site = a.createWebsite(ChatApi.website("Restart"));
            s = a.openSession(site.key());
            assertEquals(200, a.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
            a.agent("POST", "/interactions/" + s.id() + "/close", "{\"disposition\":\"Solved\"}");
            Http.Reply r = a.widget("POST", s.key(), "/sessions/" + s.id() + "/rating", "{\"score\":3}", s.token());
            assertEquals(201, r.status(), r.body());
        } finally {
            first.close();
        }
        HostStub second = TestHost.start(own.resolve("host"));
        try {
            ChatApi b = new ChatApi(second);
            JsonNode state = b.widget("GET", s.key(), "/sessions/" + s.id(), null, s.token()).json();
            assertEquals(3, state.get("rating").get("score").asInt(), state.toString());
            assertEquals(409, b.widget("POST", s.key(), "/sessions/" + s.id() + "/rating", "{\"score\":5}",
                    s.token()).status(), "still rated once after the restart");
        } finally {
            second.close();
        }
    }
}
