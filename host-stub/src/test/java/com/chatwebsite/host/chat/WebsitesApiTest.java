package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The websites admin API: create, list, get, update, delete, validation, snippet, secrets. */
class WebsitesApiTest {

    private static final String WEBSITES = ChatApi.PLUGIN + "/api/websites";

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static Http http;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        http = api.http;
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void configRoundTripThroughTheAdminApi() {
        ObjectNode json = ChatApi.website("Shop");
        json.put("timezone", "Europe/Rome");
        json.putArray("workingIntervals").add(ChatApi.json("{\"weekdays\":\"mon-fri\",\"time\":\"09:00-18:00\"}"))
                .add(ChatApi.json("{\"weekdays\":\"sat\",\"time\":\"22:00-02:00\"}"));
        json.putArray("closedDates").add("2026-12-25");
        json.put("unmanagedAfterSeconds", 90);
        json.set("offline", ChatApi.json("{\"forwardTo\":\"support@shop.example.com\","
                + "\"openInteraction\":{\"to\":\"inbox@shop.example.com\",\"subjectField\":\"subject\"}}"));
        json.set("videoCall", ChatApi.json("{\"enabled\":true}"));
        ChatApi.Site site = api.createWebsite(json);

        JsonNode got = http.get(WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN).json();
        assertEquals("Shop", got.get("name").asText());
        assertEquals("Europe/Rome", got.get("timezone").asText());
        assertEquals("22:00-02:00", got.get("workingIntervals").get(1).get("time").asText());
        assertEquals("support@shop.example.com", got.get("offline").get("forwardTo").asText());
        assertEquals(10, got.get("maxConcurrentSessions").asInt());
        assertEquals(4000, got.get("maxMessageLength").asInt(), "defaults are filled in");
        assertEquals("email", got.get("contactMatchField").asText());
        assertTrue(got.get("key").asText().length() >= 22);

        Http.Reply put = http.send("PUT", WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN, got.toString());
        assertEquals(200, put.status(), put.body());
        JsonNode again = http.get(WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN).json();
        ((ObjectNode) again).remove("updatedAt");
        ((ObjectNode) got).remove("updatedAt");
        assertEquals(got, again, "what the UI reads, it can save unchanged");

        List<String> ids = new ArrayList<>();
        http.get(WEBSITES, TestHost.ADMIN_TOKEN).json().forEach(w -> ids.add(w.get("id").asText()));
        assertTrue(ids.contains(site.id()));
    }

    @Test
    void invalidWebsitesAreRefusedFieldByFieldAndNothingIsStored() {
        int before = http.get(WEBSITES, TestHost.ADMIN_TOKEN).json().size();
        String[][] cases = {
            {"{\"origins\":[\"https://a.example.com\"]}", "name", "required"},
            {"{\"name\":\"x\",\"origins\":[]}", "origins", "required"},
            {"{\"name\":\"x\",\"origins\":[\"shop.example.com\"]}", "origins[0]", "origin"},
            {"{\"name\":\"x\",\"origins\":[\"https://shop.example.com/path\"]}", "origins[0]", "origin"},
            {"{\"name\":\"x\",\"origins\":[\"ftp://shop.example.com\"]}", "origins[0]", "origin"},
            {"{\"name\":\"x\",\"origins\":[\"https://*.com\"]}", "origins[0]", "origin"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"timezone\":\"Mars/Olympus\"}", "timezone", "timezone"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"timezone\":\"+02:00\"}", "timezone", "timezone"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"workingIntervals\":"
                    + "[{\"weekdays\":\"monday-fri\",\"time\":\"09:00-18:00\"}]}", "workingIntervals[0].weekdays", "interval"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"workingIntervals\":"
                    + "[{\"weekdays\":\"mon-fri\",\"time\":\"9-18\"}]}", "workingIntervals[0].time", "interval"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"workingIntervals\":"
                    + "[{\"weekdays\":\"mon-fri\"}]}", "workingIntervals[0].time", "required"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"closedDates\":[\"25/12/2026\"]}",
                "closedDates[0]", "date"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"maxConcurrentSessions\":0}",
                "maxConcurrentSessions", "range"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"maxConcurrentSessions\":\"ten\"}",
                "maxConcurrentSessions", "integer"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"offline\":{\"forwardTo\":\"not-mail\"}}",
                "offline.forwardTo", "email"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"colour\":\"red\"}", "colour", "unknown"},
            {"{\"name\":\"x\",\"origins\":[\"https://a.example.com\"],\"contactMatchField\":\"shoeSize\"}",
                "contactMatchField", "oneOf"},
        };
        for (String[] c : cases) {
            Http.Reply r = http.send("POST", WEBSITES, TestHost.ADMIN_TOKEN, c[0]);
            assertEquals(400, r.status(), c[0] + " -> " + r.body());
            assertEquals("validation_failed", r.json().get("error").asText());
            JsonNode first = r.json().get("fields").get(0);
            assertEquals(c[1], first.get("field").asText(), c[0] + " -> " + r.body());
            assertEquals(c[2], first.get("rule").asText(), c[0] + " -> " + r.body());
            assertFalse(first.get("message").asText().isBlank());
        }
        assertEquals(400, http.send("POST", WEBSITES, TestHost.ADMIN_TOKEN, "{\"name\":").status());
        assertEquals(before, http.get(WEBSITES, TestHost.ADMIN_TOKEN).json().size());
    }

    @Test
    void aRefusedUpdateChangesNothing() {
        ChatApi.Site site = api.createWebsite(ChatApi.website("Stable"));
        JsonNode before = http.get(WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN).json();
        ObjectNode bad = ChatApi.website("Renamed");
        bad.put("maxConcurrentSessions", -1);
        assertEquals(400, api.updateWebsite(site, bad).status());
        assertEquals(before, http.get(WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN).json());
        assertEquals(404, http.send("PUT", WEBSITES + "/nope", TestHost.ADMIN_TOKEN, bad.toString()).status());
    }

    @Test
    void snippetCarriesTheKeyAndTheHostUrlEscaped() {
        ChatApi.Site site = api.createWebsite(ChatApi.website("Bob's <script>alert(1)</script> shop"));
        Http.Reply r = http.get(WEBSITES + "/" + site.id() + "/snippet", TestHost.ADMIN_TOKEN);
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("text/html"));
        assertTrue(r.body().matches("(?s).*src=\"" + java.util.regex.Pattern.quote(host.baseUrl()
                + "/plugins/chat-website/widget.js?v=") + "[0-9a-f]{12}\".*"), r.body());
        assertTrue(r.body().contains("data-chat-website-key=\"" + site.key() + "\""));
        assertFalse(r.body().contains("<script>alert"), r.body());
        assertTrue(r.body().contains("&lt;script&gt;"));
        Http.Reply js = http.get(ChatApi.PLUGIN + "/widget.js", null);
        assertEquals(200, js.status());
        assertTrue(js.header("Content-Type").startsWith("text/javascript"));
    }

    @Test
    void deletedWebsitesAreGoneForAdminAndWidget() {
        ChatApi.Site site = api.createWebsite(ChatApi.website("Gone"));
        assertEquals(200, api.widget("GET", site.key(), "/config", null, null).status());
        assertEquals(204, http.send("DELETE", WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN, null).status());
        assertEquals(404, http.get(WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN).status());
        assertEquals(404, http.send("DELETE", WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN, null).status());
        Http.Reply widget = api.widget("GET", site.key(), "/config", null, null);
        assertEquals(404, widget.status());
        assertEquals("unknown_key", widget.json().get("error").asText());
    }

    @Test
    void secretsAreNeverReturnedAndSurviveAnUpdateThatLeavesThemOut() {
        ObjectNode json = ChatApi.website("Video");
        json.set("videoCall", ChatApi.json("{\"enabled\":true,\"provider\":\"http\","
                + "\"apiUrl\":\"https://video.example.com\",\"apiKey\":\"s3cret\"}"));
        ChatApi.Site site = api.createWebsite(json);
        Http.Reply got = http.get(WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN);
        assertFalse(got.body().contains("s3cret"));
        assertTrue(got.json().get("videoCall").get("apiKeySet").asBoolean());
        ObjectNode edited = (ObjectNode) got.json();
        edited.put("name", "Video 2");
        ((ObjectNode) edited.get("videoCall")).remove("apiKeySet");
        assertEquals(200, api.updateWebsite(site, edited).status());
        JsonNode after = http.get(WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN).json();
        assertEquals("Video 2", after.get("name").asText());
        assertTrue(after.get("videoCall").get("apiKeySet").asBoolean(), "the key was kept");
        assertTrue(http.get(WEBSITES, TestHost.ADMIN_TOKEN).body().indexOf("s3cret") < 0);
    }
}
