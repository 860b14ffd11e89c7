package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abuse limits through HTTP with the packaged plugin: bursts over a website's limits get {@code 429}
 * with {@code Retry-After} and create nothing (no session, contact, mail or interaction); the
 * buckets refill by the host's clock; a proxy header counts only when the admin trusts it.
 */
class AbuseLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;
    static MutableClock clock;
    static HostStub host;
    static ChatApi api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        host = TestHost.start(dir, clock);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** A website with generous limits except those given, as {@code "sessions.perAddress", 3, …}. */
    private static Site website(String name, Object... limits) {
        ObjectNode json = ChatApi.website(name);
        json.put("maxConcurrentSessions", 100);
        ObjectNode set = ChatApi.unlimited();
        for (int i = 0; i < limits.length; i += 2) {
            String[] key = ((String) limits[i]).split("\\.");
            if (key[0].equals("trustedProxyHeader")) {
                json.put("trustedProxyHeader", (String) limits[i + 1]);
            } else {
                ((ObjectNode) set.get(key[0])).put(key[1], (Integer) limits[i + 1]);
            }
        }
        json.set("limits", set);
        return api.createWebsite(json);
    }

    private static String person(int i) {
        return "{\"name\":\"P" + i + "\",\"email\":\"p" + i + "-" + System.nanoTime() + "@example.com\"}";
    }

    private static Http.Reply openFrom(Site site, String forwardedFor, String fields) {
        HttpRequest.Builder b = api.http.builder(ChatApi.PLUGIN + "/widget/" + site.key() + "/sessions", null)
                .header("Origin", ChatApi.ORIGIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fields\":" + fields + "}"));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return api.http.send(b);
    }

    private static long contacts() {
        try (Connection c = host.services().dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM host_contact")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long mailFiles() {
        Path drop = host.config().dataDir().resolve("mail");
        if (!Files.isDirectory(drop)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(drop)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int mailInteractions() {
        return api.http.get("/api/interactions?channel=mail", TestHost.ADMIN_TOKEN).json().size();
    }

    private static void assertRateLimited(Http.Reply r, String retryAfter) {
        assertEquals(429, r.status(), r.body());
        assertEquals("rate_limited", r.json().get("error").asText());
        assertFalse(r.json().get("message").asText().isBlank());
        assertEquals(retryAfter, r.header("Retry-After"));
        assertEquals(ChatApi.ORIGIN, r.header("Access-Control-Allow-Origin"), "the widget can read the refusal");
        assertTrue(r.header("Access-Control-Expose-Headers").contains("Retry-After"));
    }

    @Test
    void aBurstOfOpensFromOneAddressIsRefusedWith429AndCreatesNothingUntilTheBucketRefills() {
        Site site = website("Burst", "sessions.perAddress", 3);
        long contactsBefore = contacts();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Http.Reply> refused = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http.Reply r = api.open(site.key(), person(i));
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() == 429) {
                refused.add(r);
            }
        }
        assertEquals(Map.of(201, 3, 429, 17), statuses);
        refused.forEach(r -> assertRateLimited(r, "20")); // 3 a minute: one every 20 s
        assertEquals(3, api.supervisor(site, null).size(), "only the admitted opens stored a session");
        assertEquals(contactsBefore + 3, contacts(), "refused opens never reached the Contact Manager");

        clock.advance(Duration.ofSeconds(19));
        assertRateLimited(api.open(site.key(), person(20)), "1");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(201, api.open(site.key(), person(21)).status(), "a token is back after 20 s");
        assertRateLimited(api.open(site.key(), person(22)), "20");
        assertEquals(4, api.supervisor(site, null).size());
        assertEquals(contactsBefore + 4, contacts());
    }

    @Test
    void theWebsiteLimitHoldsOverManyAddressesTheAdminsProxyNames() {
        Site site = website("Many", "sessions.perAddress", 2, "sessions.perWebsite", 5,
                "trustedProxyHeader", "X-Forwarded-For");
        long contactsBefore = contacts();
        int created = 0;
        for (int i = 0; i < 12; i++) {
            Http.Reply r = openFrom(site, "198.51.100." + i + ", 10.0.0." + i, person(i));
            if (i < 5) {
                assertEquals(201, r.status(), "address " + i + ": " + r.body());
                created++;
            } else {
                assertRateLimited(r, "12"); // 5 a minute: one every 12 s
                assertTrue(r.json().get("message").asText().contains("website"), r.body());
            }
        }
        assertEquals(created, api.supervisor(site, null).size());
        assertEquals(contactsBefore + created, contacts());
    }

    @Test
    void theProxyHeaderCountsPerAddressWhenTrustedAndIsIgnoredOtherwise() {
        Site trusting = website("Trusting", "sessions.perAddress", 2, "trustedProxyHeader", "X-Forwarded-For");
        assertEquals(201, openFrom(trusting, "203.0.113.1", person(1)).status());
        assertEquals(201, openFrom(trusting, "203.0.113.1", person(2)).status());
        assertRateLimited(openFrom(trusting, "203.0.113.1", person(3)), "30");
        assertRateLimited(openFrom(trusting, "198.51.100.7, 203.0.113.1", person(4)), "30");
        assertEquals(201, openFrom(trusting, "203.0.113.2", person(5)).status(), "another client behind the proxy");

        Site plain = website("Plain", "sessions.perAddress", 2);
        assertEquals(201, openFrom(plain, "203.0.113.10", person(6)).status());
        assertEquals(201, openFrom(plain, "203.0.113.11", person(7)).status());
        assertRateLimited(openFrom(plain, "203.0.113.12", person(8)), "30");
    }

    @Test
    void offlineMessagesOverTheLimitCreateNoMailInteractionOrContact() {
        Site site = website("Offline", "offline.perAddress", 2);
        ObjectNode update = ChatApi.website("Offline");
        update.put("maxConcurrentSessions", 100);
        ObjectNode limits = ChatApi.unlimited();
        ((ObjectNode) limits.get("offline")).put("perAddress", 2);
        update.set("limits", limits);
        update.set("offline", ChatApi.json("{\"forwardTo\":\"support@shop.example.com\","
                + "\"openInteraction\":{\"to\":\"inbox@shop.example.com\",\"subjectField\":\"message\"}}"));
        assertEquals(200, api.updateWebsite(site, update).status());
        long contactsBefore = contacts();
        long mailsBefore = mailFiles();
        int interactionsBefore = mailInteractions();
        int accepted = 0;
        for (int i = 0; i < 8; i++) {
            Http.Reply r = api.widget("POST", site.key(), "/offline", "{\"fields\":{\"name\":\"Spam " + i
                    + "\",\"email\":\"spam" + i + "-" + System.nanoTime() + "@example.com\",\"message\":\"buy " + i
                    + "\"}}", null);
            if (i < 2) {
                assertEquals(202, r.status(), r.body());
                accepted++;
            } else {
                assertRateLimited(r, "30");
            }
        }
        Poll.until(WAIT, "the accepted messages are delivered twice each", () -> mailFiles() == mailsBefore + 2
                && mailInteractions() == interactionsBefore + 2);
        assertEquals(accepted, api.supervisor(site, "offline").size());
        assertEquals(contactsBefore + accepted, contacts());
        Poll.until(WAIT, "every delivery is recorded", () -> {
            for (JsonNode item : api.supervisor(site, "offline")) {
                for (JsonNode d : item.get("deliveries")) {
                    if (!d.get("state").asText().equals("delivered")) {
                        return false;
                    }
                }
            }
            return true;
        });
        assertEquals(mailsBefore + 2, mailFiles(), "no more mail than accepted messages");
        assertEquals(interactionsBefore + 2, mailInteractions());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(202, api.widget("POST", site.key(), "/offline", "{\"fields\":{\"name\":\"Later\",\"email\":"
                + "\"later@example.com\",\"message\":\"hi\"}}", null).status(), "refilled after 30 s");
    }

    @Test
    void uploadsOverTheLimitAreRefusedBeforeTheyAreRead() {
        Site site = website("Uploads", "uploads.perAddress", 2);
        assertEquals(200, api.putForm(site, "offline", "[{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\"},"
                + "{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Files\",\"accept\":\".pdf\"}]").status());
        assertEquals(201, api.upload(site.key(), "offline", "files", "a.pdf", PDF).status());
        assertEquals(201, api.upload(site.key(), "offline", "files", "b.pdf", PDF).status());
        assertRateLimited(api.upload(site.key(), "offline", "files", "c.pdf", PDF), "30");
    }

    @Test
    void customerMessagesAreLimitedPerChatAndNothingIsStoredForARefusedOne() {
        Site site = website("Chatty", "messages.perSession", 3);
        Session s = api.openSession(site.key());
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.say(s, "hello " + i, "m" + i).status());
        }
        Http.Reply over = api.say(s, "flood", "m3");
        assertRateLimited(over, "20");
        JsonNode log = api.widget("GET", site.key(), "/sessions/" + s.id() + "/messages", null, s.token()).json();
        assertFalse(log.toString().contains("flood"), log.toString());
        Session other = api.openSession(site.key());
        assertEquals(201, api.say(other, "my own chat has its own bucket", null).status());

        clock.advance(Duration.ofSeconds(20));
        Http.Reply retried = api.say(s, "flood", "m3");
        assertEquals(201, retried.status(), "the widget's retry with the same clientMessageId goes through");
        assertNotNull(retried.json().get("seq"));
    }

    @Test
    void anOpenRefusedAtTheCapOrOutsideHoursNeverTouchesTheContactManager() {
        ObjectNode json = ChatApi.website("Full");
        json.put("maxConcurrentSessions", 1);
        Site full = api.createWebsite(json);
        long before = contacts();
        Http.Reply first = api.open(full.key(), person(1));
        assertEquals(201, first.status());
        assertEquals(before + 1, contacts());
        for (int i = 0; i < 5; i++) {
            Http.Reply r = api.open(full.key(), person(10 + i));
            assertEquals(200, r.status());
            assertEquals("max-sessions", r.json().get("reason").asText());
        }
        assertEquals(before + 1, contacts(), "opens refused at the cap created no contact");
        JsonNode stored = api.supervisor(full, null).get(0);
        assertFalse(stored.get("contactId").isNull(), "the admitted chat is linked after it was stored");
        JsonNode offered = null;
        for (JsonNode n : api.agent("GET", "/interactions", null).json()) {
            if (n.get("id").asText().equals(first.json().get("sessionId").asText())) {
                offered = n;
            }
        }
        assertNotNull(offered);
        assertEquals(stored.get("contactId").asText(), offered.get("contact").get("id").asText(),
                "the agent's offer carries the contact the session stored");

        ObjectNode closed = ChatApi.website("Closed");
        closed.putArray("closedDates").add("2026-11-23");
        Site shut = api.createWebsite(closed);
        Http.Reply r = api.open(shut.key(), person(30));
        assertEquals("outside-working-hours", r.json().get("reason").asText());
        assertEquals(before + 1, contacts(), "an open outside working hours created no contact");
    }

    @Test
    void limitsAreWebsiteSettingsWithDefaultsAndCheckedRanges() {
        JsonNode schema = api.http.get(ChatApi.PLUGIN + "/api/settings-schema", TestHost.ADMIN_TOKEN).json();
        Map<String, JsonNode> byKey = new TreeMap<>();
        schema.get("settings").forEach(s -> byKey.put(s.get("key").asText(), s));
        Map<String, Integer> defaults = Map.of("limits.sessions.perAddress", 10, "limits.sessions.perWebsite", 60,
                "limits.offline.perAddress", 5, "limits.offline.perWebsite", 30, "limits.uploads.perAddress", 20,
                "limits.uploads.perWebsite", 200, "limits.messages.perSession", 30, "limits.messages.perAddress", 120);
        defaults.forEach((key, value) -> {
            assertEquals(value, byKey.get(key).get("default").asInt(), key);
            assertEquals("Abuse limits", byKey.get(key).get("group").asText(), key);
        });
        assertEquals("Abuse limits", byKey.get("trustedProxyHeader").get("group").asText());

        ObjectNode plain = ChatApi.website("Defaults");
        plain.remove("limits");
        Site site = api.createWebsite(plain);
        JsonNode got = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id(), TestHost.ADMIN_TOKEN).json();
        assertEquals(10, got.get("limits").get("sessions").get("perAddress").asInt(), "defaults are filled in");
        assertTrue(got.get("trustedProxyHeader") == null || got.get("trustedProxyHeader").isNull(),
                "no proxy is trusted unless the admin names its header");

        String[][] bad = {
            {"{\"limits\":{\"sessions\":{\"perAddress\":0}}}", "limits.sessions.perAddress", "range"},
            {"{\"limits\":{\"offline\":{\"perWebsite\":1000001}}}", "limits.offline.perWebsite", "range"},
            {"{\"limits\":{\"messages\":{\"perSession\":\"many\"}}}", "limits.messages.perSession", "integer"},
            {"{\"trustedProxyHeader\":\"X-Forwarded-For: 1.2.3.4\"}", "trustedProxyHeader", "header"},
        };
        for (String[] c : bad) {
            ObjectNode w = (ObjectNode) ChatApi.json(c[0]);
            w.put("name", "x").putArray("origins").add(ChatApi.ORIGIN);
            Http.Reply r = api.http.send("POST", ChatApi.PLUGIN + "/api/websites", TestHost.ADMIN_TOKEN, w.toString());
            assertEquals(400, r.status(), c[0]);
            assertEquals(c[1], r.json().get("fields").get(0).get("field").asText(), r.body());
            assertEquals(c[2], r.json().get("fields").get(0).get("rule").asText(), r.body());
        }
    }
}
