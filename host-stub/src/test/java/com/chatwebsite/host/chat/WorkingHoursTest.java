package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget's online/offline status follows working hours, closed dates and the session cap. */
class WorkingHoursTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Monday 2026-11-23 10:00 in Rome. */
    private static final String ADA = "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}";
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static MutableClock clock = new MutableClock(MONDAY_MORNING);

    @BeforeAll
    static void start() {
        host = TestHost.start(dir, clock);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @BeforeEach
    void resetClock() {
        clock.set(MONDAY_MORNING);
    }

    static ObjectNode romeOfficeHours(String name) {
        ObjectNode json = ChatApi.website(name);
        json.put("timezone", "Europe/Rome");
        json.putArray("workingIntervals").add(ChatApi.json("{\"weekdays\":\"mon-fri\",\"time\":\"09:00-18:00\"}"));
        return json;
    }

    @Test
    void configFollowsTheClockAndOpeningOutsideHoursCreatesNothing() {
        Site site = api.createWebsite(romeOfficeHours("Office"));
        JsonNode config = config(site);
        assertEquals("online", config.get("status").asText());
        assertTrue(config.get("reason").isNull());
        assertEquals("2026-11-23T17:00:00Z", config.get("nextChangeAt").asText(), "18:00 in Rome");
        assertEquals("Name", config.get("form").get("sections").get(0).get("label").asText());

        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        config = config(site);
        assertEquals("offline", config.get("status").asText());
        assertEquals("outside-working-hours", config.get("reason").asText());
        assertEquals("2026-11-24T08:00:00Z", config.get("nextChangeAt").asText());

        Http.Reply open = api.open(site.key(), ADA);
        assertEquals(200, open.status());
        assertEquals("offline", open.json().get("state").asText());
        assertEquals("outside-working-hours", open.json().get("reason").asText());
        assertEquals(0, api.supervisor(site, null).size(), "no session was created");
    }

    @Test
    void aClosedDateTakesEffectOnTheNextCall() {
        Site site = api.createWebsite(romeOfficeHours("Holiday"));
        assertEquals("online", config(site).get("status").asText());
        ObjectNode changed = romeOfficeHours("Holiday");
        changed.putArray("closedDates").add("2026-11-23");
        assertEquals(200, api.updateWebsite(site, changed).status());
        assertEquals("outside-working-hours", config(site).get("reason").asText());
    }

    @Test
    void anOpenWidgetLearnsOfChangesOnItsStatusStream() {
        Site site = api.createWebsite(romeOfficeHours("Watched"));
        clock.set(Instant.parse("2026-11-23T16:59:00Z"));
        try (SseClient status = SseClient.open(URI.create(host.baseUrl() + ChatApi.PLUGIN + "/widget/" + site.key()
                + "/status"), Map.of("Origin", ChatApi.ORIGIN))) {
            assertEquals("online", ChatApi.json(status.next(WAIT).data()).get("status").asText());
            clock.set(Instant.parse("2026-11-23T17:00:01Z"));
            JsonNode closed = ChatApi.json(status.next(WAIT).data());
            assertEquals("offline", closed.get("status").asText(), "working hours passed");
            assertEquals("outside-working-hours", closed.get("reason").asText());

            clock.set(Instant.parse("2026-11-24T08:30:00Z"));
            assertEquals("online", ChatApi.json(status.next(WAIT).data()).get("status").asText());
            ObjectNode changed = romeOfficeHours("Watched");
            changed.putArray("closedDates").add("2026-11-24");
            assertEquals(200, api.updateWebsite(site, changed).status());
            assertEquals("offline", ChatApi.json(status.next(WAIT).data()).get("status").asText(),
                    "the admin closed today");
        }
    }

    @Test
    void reachingTheCapTurnsTheWebsiteOfflineUntilAChatCloses() {
        ObjectNode json = ChatApi.website("Tiny");
        json.put("maxConcurrentSessions", 1);
        Site site = api.createWebsite(json);
        try (SseClient status = SseClient.open(URI.create(host.baseUrl() + ChatApi.PLUGIN + "/widget/" + site.key()
                + "/status"), Map.of("Origin", ChatApi.ORIGIN))) {
            assertEquals("online", ChatApi.json(status.next(WAIT).data()).get("status").asText());
            Session first = api.openSession(site.key());
            assertEquals("max-sessions", ChatApi.json(status.next(WAIT).data()).get("reason").asText());
            assertEquals("max-sessions", config(site).get("reason").asText());
            Http.Reply second = api.open(site.key(), ADA);
            assertEquals(200, second.status());
            assertEquals("max-sessions", second.json().get("reason").asText());
            api.widget("POST", site.key(), "/sessions/" + first.id() + "/close", null, first.token());
            assertEquals("online", ChatApi.json(status.next(WAIT).data()).get("status").asText());
            assertEquals(201, api.open(site.key(), ADA).status());
        }
    }

    private static JsonNode config(Site site) {
        Http.Reply r = api.widget("GET", site.key(), "/config", null, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }
}
