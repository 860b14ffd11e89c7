package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms built through the admin API, validated submissions, contact mapping, variables and uploads. */
class FormsAndContactsTest {

    static final String FORM = "["
            + "{\"type\":\"label\",\"label\":\"Tell us who you are\"},"
            + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\",\"required\":true,\"mapTo\":{\"contact\":\"firstName\"}},"
            + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true,"
            + "\"mapTo\":{\"contact\":\"email\"}},"
            + "{\"type\":\"input\",\"name\":\"phone\",\"label\":\"Phone\",\"mapTo\":{\"contact\":\"phone\"}},"
            + "{\"type\":\"select\",\"name\":\"topic\",\"label\":\"Topic\",\"options\":[\"Billing\",\"Sales\"],"
            + "\"required\":true,\"mapTo\":{\"variable\":\"topic\"}},"
            + "{\"type\":\"agreement\",\"name\":\"privacy\",\"label\":\"I accept the privacy policy\",\"required\":true},"
            + "{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Files\",\"accept\":\".pdf,image/png\"}]";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aNewWebsiteHasTheDefaultFormsAndSavedFormsRoundTripInOrder() {
        Site site = api.createWebsite(ChatApi.website("Forms"));
        JsonNode online = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/online",
                TestHost.ADMIN_TOKEN).json();
        assertEquals("name", online.get("sections").get(0).get("name").asText());
        assertEquals("firstName", online.get("sections").get(0).get("mapTo").get("contact").asText());
        assertEquals("email", online.get("sections").get(1).get("inputType").asText());
        JsonNode offline = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/offline",
                TestHost.ADMIN_TOKEN).json();
        assertEquals(List.of("name", "email", "message"), names(offline));

        assertEquals(200, api.putForm(site, "online", FORM).status());
        JsonNode saved = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/online",
                TestHost.ADMIN_TOKEN).json();
        assertEquals(List.of("label", "name", "email", "phone", "topic", "privacy", "files"), names(saved));
        // moving a section up is saving the new order
        JsonNode moved = ChatApi.json(saved.toString().replace("{\"type\":\"input\",\"name\":\"phone\"",
                "{\"type\":\"input\",\"name\":\"phone\"")); // same content
        List<JsonNode> sections = new java.util.ArrayList<>();
        moved.get("sections").forEach(sections::add);
        java.util.Collections.swap(sections, 3, 4);
        assertEquals(200, api.putForm(site, "online", sections.toString()).status());
        assertEquals(List.of("label", "name", "email", "topic", "phone", "privacy", "files"),
                names(api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/online",
                        TestHost.ADMIN_TOKEN).json()));
        JsonNode config = api.widget("GET", site.key(), "/config", null, null).json();
        assertEquals(List.of("label", "name", "email", "topic", "phone", "privacy", "files"), names(config.get("form")));
        assertEquals(List.of("name", "email", "message"), names(config.get("forms").get("offline")));
    }

    @Test
    void anInvalidFormIsRefusedPerFieldAndTheSavedOneStays() {
        Site site = api.createWebsite(ChatApi.website("Strict"));
        assertEquals(200, api.putForm(site, "online", FORM).status());
        Http.Reply r = api.putForm(site, "online", "[{\"type\":\"select\",\"name\":\"topic\",\"label\":\"Topic\"},"
                + "{\"type\":\"input\",\"name\":\"e\",\"label\":\"E\",\"mapTo\":{\"contact\":\"shoeSize\"}}]");
        assertEquals(400, r.status());
        assertEquals("sections[0].options", r.json().get("fields").get(0).get("field").asText());
        assertEquals("sections[1].mapTo", r.json().get("fields").get(1).get("field").asText());
        assertEquals(7, api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/online",
                TestHost.ADMIN_TOKEN).json().get("sections").size());
        assertEquals(404, api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/sideways",
                TestHost.ADMIN_TOKEN).status());
    }

    @Test
    void previewRendersAnUnsavedFormEscaped() {
        Http.Reply r = api.http.send("POST", ChatApi.PLUGIN + "/api/forms/preview", TestHost.ADMIN_TOKEN,
                "{\"sections\":[{\"type\":\"select\",\"name\":\"t\",\"label\":\"<b>Topic</b>\","
                        + "\"options\":[\"<script>alert(1)</script>\",\"Sales\"]}]}");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("text/html"));
        assertTrue(r.body().contains("&lt;b&gt;Topic&lt;/b&gt;"));
        assertFalse(r.body().contains("<script>alert"));
        assertTrue(r.header("Content-Security-Policy").contains("sandbox"));
        assertEquals(400, api.http.send("POST", ChatApi.PLUGIN + "/api/forms/preview", TestHost.ADMIN_TOKEN,
                "{\"sections\":[{\"type\":\"nope\"}]}").status());
    }

    @Test
    void aSubmissionIsValidatedAgainstTheOnlineFormAndNothingOpensOnErrors() {
        Site site = api.createWebsite(ChatApi.website("Validated"));
        assertEquals(200, api.putForm(site, "online", FORM).status());
        Http.Reply bad = api.open(site.key(), "{\"name\":\"\",\"email\":\"nope\",\"topic\":\"Other\",\"privacy\":false}");
        assertEquals(400, bad.status());
        Map<String, String> rules = new java.util.TreeMap<>();
        bad.json().get("fields").forEach(f -> rules.put(f.get("field").asText(), f.get("rule").asText()));
        assertEquals(Map.of("name", "required", "email", "email", "topic", "oneOf", "privacy", "agreement"), rules);
        assertEquals(0, api.supervisor(site, null).size());
    }

    @Test
    void theRequesterIsMatchedOrCreatedInTheContactManagerAndVariablesReachTheAgent() {
        Site site = api.createWebsite(ChatApi.website("Crm"));
        assertEquals(200, api.putForm(site, "online", FORM).status());
        Contact existing = host.services().contacts().create(Map.of("email", "grace@example.com", "lastName", "Hopper"));

        Http.Reply r = api.open(site.key(), "{\"name\":\"Grace\",\"email\":\"GRACE@example.com\",\"phone\":\"+39 06 1\","
                + "\"topic\":\"Billing\",\"privacy\":true}");
        assertEquals(201, r.status(), r.body());
        JsonNode offered = null;
        for (JsonNode n : api.agent("GET", "/interactions", null).json()) {
            if (n.get("id").asText().equals(r.json().get("sessionId").asText())) {
                offered = n;
            }
        }
        assertEquals("Billing", offered.get("variables").get("topic").asText());
        assertEquals(existing.id(), offered.get("contact").get("id").asText(), "matched by e-mail, any case");
        assertEquals("Hopper", offered.get("contact").get("fields").get("lastName").asText());
        Contact updated = host.services().contacts().findById(existing.id()).orElseThrow();
        assertEquals("Grace", updated.fields().get("firstName"), "empty fields are filled in");
        assertEquals("+39 06 1", updated.fields().get("phone"));
        assertEquals("grace@example.com", updated.fields().get("email"), "a field with a value is kept");
        assertEquals(existing.id(), api.supervisor(site, null).get(0).get("contactId").asText());

        Http.Reply fresh = api.open(site.key(), "{\"name\":\"Linus\",\"email\":\"linus@example.com\","
                + "\"topic\":\"Sales\",\"privacy\":true}");
        assertEquals(201, fresh.status());
        List<Contact> created = host.services().contacts().findByField("email", "linus@example.com");
        assertEquals(1, created.size(), "no match: a contact is created");
        assertEquals("Linus", created.get(0).fields().get("firstName"));
        JsonNode json = api.http.get("/api/contacts?field=email&value=linus@example.com", TestHost.ADMIN_TOKEN).json();
        assertEquals(created.get(0).id(), json.get(0).get("id").asText());
    }

    @Test
    void typingSomeoneElsesEmailOpensNothingOfTheirs() {
        Site site = api.createWebsite(ChatApi.website("Identity"));
        Session first = api.openSession(site.key());
        assertEquals(201, api.say(first, "my secret order 42", null).status());
        Session impostor = api.openSession(site.key()); // same name and e-mail as the first
        JsonNode seen = api.widget("GET", site.key(), "/sessions/" + impostor.id() + "/messages", null,
                impostor.token()).json();
        assertFalse(seen.toString().contains("secret"), "a new session starts empty");
        assertEquals(404, api.widget("GET", site.key(), "/sessions/" + first.id() + "/messages", null,
                impostor.token()).status());
        assertEquals(api.supervisor(site, null).get(0).get("contactId"), api.supervisor(site, null).get(1).get("contactId"),
                "both link the same CRM contact");
    }

    @Test
    void uploadsAreCheckedAndBoundToTheSessionThatUsesThem() throws Exception {
        Site site = api.createWebsite(ChatApi.website("Uploads"));
        assertEquals(200, api.putForm(site, "online", FORM).status());
        Http.Reply ok = api.upload(site.key(), "online", "files", "../../etc/invoice.pdf", PDF);
        assertEquals(201, ok.status(), ok.body());
        assertEquals("application/pdf", ok.json().get("contentType").asText());
        assertEquals(PDF.length, ok.json().get("size").asInt());
        assertFalse(ok.json().get("name").asText().contains("/"), ok.body());
        String uploadId = ok.json().get("uploadId").asText();

        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        Http.Reply spoofed = api.upload(site.key(), "online", "files", "invoice.pdf", exe);
        assertEquals(415, spoofed.status(), spoofed.body());
        Http.Reply html = api.upload(site.key(), "online", "files", "photo.png",
                "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, html.status());
        assertEquals(400, api.upload(site.key(), "online", "name", "a.pdf", PDF).status(), "not an attachment field");
        assertEquals(400, api.upload(site.key(), "sideways", "files", "a.pdf", PDF).status());

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Http.Reply tooBig = api.upload(site.key(), "online", "files", "big.pdf", big);
        assertEquals(413, tooBig.status(), tooBig.body());
        byte[] exact = Arrays.copyOf(big, 10 * 1024 * 1024);
        assertEquals(201, api.upload(site.key(), "online", "files", "exact.pdf", exact).status(), "10 MB exactly");

        Http.Reply open = api.open(site.key(), "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"topic\":\"Sales\","
                + "\"privacy\":true,\"files\":[\"" + uploadId + "\"]}");
        assertEquals(201, open.status(), open.body());
        Http.Reply reused = api.open(site.key(), "{\"name\":\"Bob\",\"email\":\"bob@example.com\",\"topic\":\"Sales\","
                + "\"privacy\":true,\"files\":[\"" + uploadId + "\"]}");
        assertEquals(400, reused.status(), "an upload is used by one session only");
        Http.Reply invented = api.open(site.key(), "{\"name\":\"Bob\",\"email\":\"bob@example.com\",\"topic\":\"Sales\","
                + "\"privacy\":true,\"files\":[\"00000000-0000-0000-0000-000000000000\"]}");
        assertEquals(400, invented.status());

        String sessionId = open.json().get("sessionId").asText();
        assertEquals(404, api.http.get(ChatApi.PLUGIN + "/agent/uploads/" + uploadId, TestHost.AGENT_TOKEN).status(),
                "only the agent who holds the chat");
        assertEquals(200, api.agent("POST", "/interactions/" + sessionId + "/accept", null).status());
        Http.Reply agentCopy = api.http.get(ChatApi.PLUGIN + "/agent/uploads/" + uploadId, TestHost.AGENT_TOKEN);
        assertEquals(200, agentCopy.status());
        assertTrue(agentCopy.header("Content-Disposition").contains("invoice.pdf"), agentCopy.header("Content-Disposition"));
        Http.Reply download = api.http.get(ChatApi.PLUGIN + "/api/uploads/" + uploadId, TestHost.ADMIN_TOKEN);
        assertEquals(200, download.status());
        assertTrue(download.header("Content-Security-Policy").contains("sandbox"));
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.body());
        try (var files = Files.walk(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals(uploadId)), "stored under its id");
        }
    }

    private static List<String> names(JsonNode form) {
        List<String> out = new java.util.ArrayList<>();
        form.get("sections").forEach(s -> out.add(s.has("name") ? s.get("name").asText() : s.get("type").asText()));
        return out;
    }
}
