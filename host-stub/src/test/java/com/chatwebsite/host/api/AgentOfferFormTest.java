package com.chatwebsite.host.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent is offered: the customer's fields in the form's order with the form's labels,
 * attached files by name, and the linked contact by name; the earlier keys stay as they were.
 */
public class AgentOfferFormTest {

    /** Names in an order no sorting gives, labels unlike the names. */
    public static final String FORM = "["
            + "{\"type\":\"label\",\"label\":\"Tell us who you are\"},"
            + "{\"type\":\"input\",\"name\":\"topic\",\"label\":\"What is it about?\",\"required\":true},"
            + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"First name\",\"required\":true,\"mapTo\":{\"contact\":\"firstName\"}},"
            + "{\"type\":\"input\",\"name\":\"surname\",\"label\":\"Last name\",\"mapTo\":{\"contact\":\"lastName\"}},"
            + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true,"
            + "\"mapTo\":{\"contact\":\"email\"}},"
            + "{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Your files\",\"accept\":\".pdf\"},"
            + "{\"type\":\"agreement\",\"name\":\"privacy\",\"label\":\"I accept the privacy policy\",\"required\":true}]";
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
    void theOfferShowsTheFormInOrderWithLabelsFileNamesAndTheContactsName() {
        Site site = api.createWebsite(ChatApi.website("Offer form"));
        assertEquals(200, api.putForm(site, "online", FORM).status());
        String upload = api.upload(site.key(), "online", "files", "invoice-march.pdf", PDF).json().get("uploadId").asText();
        String fields = "{\"privacy\":true,\"files\":[\"" + upload + "\"],\"email\":\"ada@example.com\","
                + "\"surname\":\"Lovelace\",\"name\":\"Ada\",\"topic\":\"Billing\"}";
        JsonNode offer = offered(api.open(site.key(), fields).json().get("sessionId").asText());
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        offer.get("form").forEach(f -> {
            names.add(f.get("name").asText());
            labels.add(f.get("label").asText());
        });
        assertEquals(List.of("topic", "name", "surname", "email", "files", "privacy"), names);
        assertEquals(List.of("What is it about?", "First name", "Last name", "E-mail", "Your files",
                "I accept the privacy policy"), labels);
        JsonNode files = offer.get("form").get(4);
        assertEquals(upload, files.get("value").get(0).asText());
        assertEquals(1, files.get("files").size());
        assertEquals(upload, files.get("files").get(0).get("uploadId").asText());
        assertEquals("invoice-march.pdf", files.get("files").get(0).get("name").asText());
        assertFalse(offer.get("form").get(0).has("files"), "only attachments list files");
        assertTrue(offer.get("form").get(5).get("value").asBoolean());

        assertEquals("Ada Lovelace", offer.get("contact").get("name").asText());
        assertTrue(offer.get("contact").has("id"), "the earlier keys stay");
        assertEquals("Ada", offer.get("fields").get("name").asText(), "the earlier keys stay");
    }

    @Test
    void aContactWithoutANameIsNamedByItsEmail() {
        Site site = api.createWebsite(ChatApi.website("Mail only"));
        assertEquals(200, api.putForm(site, "online", "[{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\","
                + "\"inputType\":\"email\",\"required\":true,\"mapTo\":{\"contact\":\"email\"}}]").status());
        JsonNode offer = offered(api.open(site.key(), "{\"email\":\"grace@example.com\"}").json().get("sessionId").asText());
        assertEquals("grace@example.com", offer.get("contact").get("name").asText());
        assertEquals("E-mail", offer.get("form").get(0).get("label").asText());
    }

    private static JsonNode offered(String sessionId) {
        for (JsonNode i : api.agent("GET", "/interactions", null).json()) {
            if (i.get("sessionId").asText().equals(sessionId)) {
                return i;
            }
        }
        throw new AssertionError("session " + sessionId + " was not offered");
    }
}
