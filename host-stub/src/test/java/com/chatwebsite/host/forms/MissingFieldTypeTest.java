package com.chatwebsite.host.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.PluginApi;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A form outlives the plugin that contributed one of its field types: readable with a problem,
 * served to the widget without the field, and whole again when the plugin is loaded and started
 * again (a new class loader: the chat plugin kept nothing of the old one).
 */
class MissingFieldTypeTest {

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;

    @BeforeAll
    static void start() {
        host = PhoneFieldPlugin.hostWithBoth(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aFormKeepsWorkingWithoutThePhonePluginAndGetsTheFieldBackWhenItStarts() {
        Site site = api.createWebsite(ChatApi.website("Outlived"));
        assertEquals(200, api.putForm(site, "online", PhoneFieldPlugin.ONLINE_FORM).status());
        assertTrue(host.plugins().unload(PhoneFieldPlugin.ID), "the phone plugin was loaded");

        JsonNode stored = form(site);
        assertEquals(ChatApi.json(PhoneFieldPlugin.PHONE_SECTION), stored.get("sections").get(2), "kept as stored");
        assertEquals(1, stored.get("problems").size(), stored.toString());
        assertEquals("sections[2].type", stored.get("problems").get(0).get("field").asText());
        assertEquals("fieldType", stored.get("problems").get(0).get("rule").asText());
        assertTrue(stored.get("problems").get(0).get("message").asText().contains("phone"), stored.toString());

        String sections = stored.get("sections").toString();
        assertRefusedType(api.http.send("POST", ChatApi.PLUGIN + "/api/forms/preview", TestHost.ADMIN_TOKEN,
                "{\"sections\":" + sections + "}"));
        assertRefusedType(api.putForm(site, "online", sections));

        assertEquals(List.of("name", "email"), widgetFields(site), "the widget gets no field it cannot check");
        Http.Reply opened = api.open(site.key(), "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
        assertEquals(201, opened.status(), "the missing field, though required, is not asked for: " + opened.body());
        Contact ada = host.services().contacts().findByField("email", "ada@example.com").get(0);
        assertNull(ada.fields().get("phone"));
        Http.Reply stale = api.open(site.key(), "{\"name\":\"Bea\",\"email\":\"bea@example.com\",\"phone\":\"12\"}");
        assertEquals(201, stale.status(), "a page loaded before the plugin stopped still sends the phone: ignored, "
                + stale.body());
        assertNull(host.services().contacts().findByField("email", "bea@example.com").get(0).fields().get("phone"));

        assertEquals(PhoneFieldPlugin.ID, host.plugins().load(host.config().pluginsDir().resolve(PhoneFieldPlugin.ID
                + ".jar")));
        Http.Reply started = new PluginApi(host).act(PhoneFieldPlugin.ID, "start");
        assertEquals(200, started.status(), started.body());
        assertEquals("STARTED", started.json().get("state").asText());
        JsonNode whole = form(site);
        assertTrue(whole.path("problems").isMissingNode() || whole.get("problems").isEmpty(), whole.toString());
        assertEquals(List.of("name", "email", "phone"), widgetFields(site));
        Http.Reply checked = api.open(site.key(), "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"phone\":\"12\"}");
        assertEquals(400, checked.status(), checked.body());
        assertEquals("phone", checked.json().get("fields").get(0).get("rule").asText());
    }

    private static void assertRefusedType(Http.Reply r) {
        assertEquals(400, r.status(), r.body());
        JsonNode error = r.json().get("fields").get(0);
        assertEquals("sections[2].type", error.get("field").asText(), r.body());
        assertEquals("oneOf", error.get("rule").asText(), r.body());
    }

    private static List<String> widgetFields(Site site) {
        JsonNode config = api.widget("GET", site.key(), "/config", null, null).json();
        List<String> names = new ArrayList<>();
        config.get("forms").get("online").get("sections").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private static JsonNode form(Site site) {
        Http.Reply r = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/online",
                TestHost.ADMIN_TOKEN);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }
}
