package com.chatwebsite.host.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field type contributed by a second plugin works through the chat plugin's admin API, widget
 * config and submissions, the chat plugin knowing nothing of it.
 */
class PhoneFieldTypeTest {

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
    void aPhoneFieldMappedToTheContactIsSavedAsSentAndPreviewedAsATelInput() {
        Site site = api.createWebsite(ChatApi.website("Saved"));
        Http.Reply saved = api.putForm(site, "online", PhoneFieldPlugin.ONLINE_FORM);
        assertEquals(200, saved.status(), saved.body());
        JsonNode read = form(site);
        assertEquals(ChatApi.json(PhoneFieldPlugin.PHONE_SECTION), read.get("sections").get(2), read.toString());
        assertTrue(read.path("problems").isMissingNode() || read.get("problems").isEmpty(), read.toString());

        Http.Reply preview = api.http.send("POST", ChatApi.PLUGIN + "/api/forms/preview", TestHost.ADMIN_TOKEN,
                "{\"sections\":[" + PhoneFieldPlugin.PHONE_SECTION.replace("\"Phone\"", "\"Phone <mobile>\"") + "]}");
        assertEquals(200, preview.status(), preview.body());
        assertTrue(preview.body().contains("<input type=\"tel\" name=\"phone\" required"), preview.body());
        assertTrue(preview.body().contains("Phone &lt;mobile&gt;"), preview.body());
        assertFalse(preview.body().contains("<mobile>"), preview.body());
    }

    @Test
    void aDefaultCountryCodeThatIsNotAPlusAndDigitsIsRefusedAtItsPlace() {
        Site site = api.createWebsite(ChatApi.website("Refused"));
        Http.Reply r = api.putForm(site, "online", PhoneFieldPlugin.ONLINE_FORM.replace("\"+39\"", "\"39\""));
        assertEquals(400, r.status(), r.body());
        JsonNode error = r.json().get("fields").get(0);
        assertEquals("sections[2].defaultCountryCode", error.get("field").asText(), r.body());
        assertEquals("countryCode", error.get("rule").asText());
        assertEquals("input", form(site).get("sections").get(0).get("type").asText(), "the default form stays");
    }

    @Test
    void theWidgetConfigGivesThePhoneFieldAsATelTextControl() {
        Site site = api.createWebsite(ChatApi.website("Config"));
        assertEquals(200, api.putForm(site, "online", PhoneFieldPlugin.ONLINE_FORM).status());
        JsonNode config = api.widget("GET", site.key(), "/config", null, null).json();
        JsonNode phone = config.get("forms").get("online").get("sections").get(2);
        assertEquals("phone", phone.get("name").asText(), config.toString());
        assertEquals("text", phone.get("control").asText());
        assertEquals(ChatApi.json("{\"inputType\":\"tel\",\"autocomplete\":\"tel\"}"), phone.get("attributes"));
        assertTrue(phone.get("required").asBoolean());
        assertEquals("text", config.get("forms").get("online").get("sections").get(1).get("control").asText());
        assertEquals("email", config.get("forms").get("online").get("sections").get(1).get("attributes")
                .get("inputType").asText());
    }

    @Test
    void aSubmissionKeepsThePhoneInE164AndRefusesWhatIsNotANumber() {
        Site site = api.createWebsite(ChatApi.website("Submitted"));
        assertEquals(200, api.putForm(site, "online", PhoneFieldPlugin.ONLINE_FORM).status());
        for (String bad : List.of("\"12\"", "\"call me\"", "\"+39 333 123 4567 8901\"", "\"+\"", "3331234567")) {
            Http.Reply r = api.open(site.key(), "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"phone\":" + bad + "}");
            assertEquals(400, r.status(), bad + ": " + r.body());
            JsonNode error = r.json().get("fields").get(0);
            assertEquals("phone", error.get("field").asText(), r.body());
            assertEquals("phone", error.get("rule").asText(), r.body());
            assertEquals(PhoneFieldPlugin.REFUSAL, error.get("message").asText());
        }
        assertEquals(0, api.supervisor(site, null).size(), "refused submissions open nothing");

        assertEquals("+393331234567", phoneOfNewContact(site, "333 123 4567", "grace@example.com"));
        assertEquals("+393331234567", phoneOfNewContact(site, "0039 (333) 123-45.67", "linus@example.com"));
        assertEquals("+14155550100", phoneOfNewContact(site, "+1 415 555 0100", "ken@example.com"));
    }

    private String phoneOfNewContact(Site site, String phone, String email) {
        Http.Reply r = api.open(site.key(), "{\"name\":\"N\",\"email\":\"" + email + "\",\"phone\":\"" + phone + "\"}");
        assertEquals(201, r.status(), phone + ": " + r.body());
        List<Contact> contacts = host.services().contacts().findByField("email", email);
        assertEquals(1, contacts.size(), email);
        return contacts.get(0).fields().get("phone");
    }

    private static JsonNode form(Site site) {
        Http.Reply r = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/online",
                TestHost.ADMIN_TOKEN);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }
}
