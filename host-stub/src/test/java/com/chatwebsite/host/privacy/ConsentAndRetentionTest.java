package com.chatwebsite.host.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consents recorded with chats and offline messages (text, version, time) as the supervisor reads
 * them; the agreement's version property; and retention per website by the host's clock.
 */
class ConsentAndRetentionTest {

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
        // Chats stay open across the days the clock moves (the host's timeout would close them).
        assertEquals(200, api.http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN,
                "{\"chatTimeoutSeconds\":604799}").status());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Site site(String name, int retentionDays) {
        ObjectNode json = ChatApi.website(name);
        json.put("unmanagedAfterSeconds", 86_400);
        json.putObject("retention").put("days", retentionDays);
        Site site = api.createWebsite(json);
        assertEquals(retentionDays, api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id(), TestHost.ADMIN_TOKEN)
                .json().get("retention").get("days").asInt());
        assertEquals(200, api.putForm(site, "online", ContactErasureTest.ONLINE_FORM).status());
        assertEquals(200, api.putForm(site, "offline", ContactErasureTest.OFFLINE_FORM).status());
        return site;
    }

    @Test
    void consentsAreRecordedWithTheInteractionAndShownToTheSupervisor() {
        Site site = site("Consents", 0);
        Instant at = clock.instant();
        Session s = ContactErasureTest.chat(api, site, "Ada", "ada@example.com", "a.txt", "hello", "hi");
        Http.Reply offline = api.widget("POST", site.key(), "/offline", "{\"fields\":{\"name\":\"Ada\","
                + "\"email\":\"ada@example.com\",\"message\":\"later\",\"marketing\":true}}", null);
        assertEquals(202, offline.status(), offline.body());
        Http.Reply noConsent = api.widget("POST", site.key(), "/offline", "{\"fields\":{\"name\":\"Ada\","
                + "\"email\":\"ada@example.com\",\"message\":\"no offers\",\"marketing\":false}}", null);
        assertEquals(202, noConsent.status(), noConsent.body());

        JsonNode items = api.supervisor(site, null);
        JsonNode chat = find(items, s.id());
        assertEquals(1, chat.get("consents").size(), chat.toString());
        JsonNode consent = chat.get("consents").get(0);
        assertEquals("privacy", consent.get("field").asText());
        assertEquals("I agree to the privacy policy.", consent.get("text").asText());
        assertEquals("2026-05", consent.get("version").asText());
        assertEquals(at, Instant.parse(consent.get("agreedAt").asText()));

        JsonNode offlineItem = find(items, offline.json().get("interactionId").asText());
        JsonNode offers = offlineItem.get("consents").get(0);
        assertEquals("Send me offers.", offers.get("text").asText());
        assertTrue(offers.get("version").asText().matches("sha256:[0-9a-f]{12}"), offers.toString());
        assertEquals(0, find(items, noConsent.json().get("interactionId").asText()).get("consents").size(),
                "an unchecked agreement is no consent");

        // A changed text is a new version when the form names none.
        assertEquals(200, api.putForm(site, "offline", ContactErasureTest.OFFLINE_FORM
                .replace("Send me offers.", "Send me offers and news.")).status());
        Http.Reply changed = api.widget("POST", site.key(), "/offline", "{\"fields\":{\"name\":\"Ada\","
                + "\"email\":\"ada@example.com\",\"message\":\"again\",\"marketing\":true}}", null);
        JsonNode newer = find(api.supervisor(site, "offline"), changed.json().get("interactionId").asText()).get("consents").get(0);
        assertTrue(!newer.get("version").asText().equals(offers.get("version").asText()), newer.toString());

        Http.Reply bad = api.putForm(site, "online", ContactErasureTest.ONLINE_FORM.replace("2026-05", "../v 1"));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("version"), bad.body());
    }

    @Test
    void closedChatsAndUploadsOlderThanTheRetentionAreDeletedBySweeper() throws Exception {
        Site kept = site("Keep forever", 0);
        Site short1 = site("One day", 1);
        Session old = ContactErasureTest.chat(api, short1, "Old", "old@example.com", "old.txt", "OLD-CONTENT", "x");
        ContactErasureTest.rateAndClose(api, old, "old", null);
        Session forever = ContactErasureTest.chat(api, kept, "Kept", "kept@example.com", "kept.txt", "KEPT-CONTENT",
                "y");
        ContactErasureTest.rateAndClose(api, forever, "kept", null);
        Session open = ContactErasureTest.chat(api, short1, "Open", "open@example.com", "open.txt", "OPEN-CONTENT",
                "z");
        assertEquals(1, files("OLD-CONTENT"));

        clock.advance(Duration.ofHours(23));
        assertEquals(1, api.supervisor(short1, "closed").size(), "not yet a day");

        clock.advance(Duration.ofHours(2));
        ContactErasureTest.waitFor("the old closed chat is deleted",
                () -> api.supervisor(short1, "closed").isEmpty());
        ContactErasureTest.waitFor("its upload's file is deleted", () -> files("OLD-CONTENT") == 0);
        assertEquals(1, api.supervisor(kept, "closed").size(), "a website without retention keeps its chats");
        assertEquals(1, files("KEPT-CONTENT"));
        assertEquals(1, api.supervisor(short1, "active").size(), "an open chat stays");
        assertEquals(1, files("OPEN-CONTENT"), "an open chat's file stays");
        assertEquals(200, api.widget("GET", open.key(), "/sessions/" + open.id(), null, open.token()).status());

        ObjectNode tooLong = ChatApi.website("Too long");
        tooLong.putObject("retention").put("days", 3651);
        Http.Reply refused = api.http.send("POST", ChatApi.PLUGIN + "/api/websites", TestHost.ADMIN_TOKEN,
                tooLong.toString());
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("retention.days"), refused.body());
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + items);
    }

    private static long files(String content) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.size(f) < 1000 && new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                            .contains(content);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
