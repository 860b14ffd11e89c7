package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A form row as version 1.1.0 stored it (before field types were an extension point) is served
 * unchanged to the admin, rendered by control in the widget config, and checks submissions.
 */
class FormsSavedByEarlierVersionTest {

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static Site site;
    static String stored;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        site = api.createWebsite(ChatApi.website("Saved by 1.1.0"));
        try (InputStream in = FormsSavedByEarlierVersionTest.class.getResourceAsStream("/forms/saved-by-1.1.0.json")) {
            stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = host.services().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO cw_form (website_id, form_kind, definition, updated_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, site.id());
            ps.setString(2, "online");
            ps.setString(3, ChatApi.json(stored).toString());
            ps.setTimestamp(4, Timestamp.from(Instant.parse("2026-11-20T10:00:00Z")));
            ps.executeUpdate();
        }
        // the plugin caches forms: a restart reads the row as a new version of the plugin would after an upgrade
        host.close();
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void theAdminGetsTheFormExactlyAsStored() {
        JsonNode got = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/online",
                TestHost.ADMIN_TOKEN).json();
        assertEquals(ChatApi.json(stored), got);
        assertEquals(200, api.putForm(site, "online", got.get("sections").toString()).status(), "saved again as is");
    }

    @Test
    void theWidgetRendersEverySectionByItsControl() {
        JsonNode form = api.widget("GET", site.key(), "/config", null, null).json().get("forms").get("online");
        List<String> controls = new ArrayList<>();
        form.get("sections").forEach(s -> controls.add(s.get("control").asText()));
        assertEquals(List.of("static", "text", "text", "text", "textarea", "select", "radio", "checkboxes", "checkbox",
                "file"), controls);
        assertEquals("number", form.get("sections").get(3).get("attributes").get("inputType").asText());
    }

    @Test
    void submissionsAreCheckedByTheStoredRules() {
        String good = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"order\":7,\"topic\":\"Billing\","
                + "\"products\":[\"B\"],\"privacy\":true}";
        assertEquals(201, api.open(site.key(), good).status());
        var bad = api.open(site.key(), good.replace("\"Billing\"", "\"Nope\"").replace("\"privacy\":true",
                "\"privacy\":false"));
        assertEquals(400, bad.status());
        List<String> fields = new ArrayList<>();
        bad.json().get("fields").forEach(f -> fields.add(f.get("field").asText() + " " + f.get("rule").asText()));
        assertEquals(List.of("topic oneOf", "privacy agreement"), fields);
    }
}
