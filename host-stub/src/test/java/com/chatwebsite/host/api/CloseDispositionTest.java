package com.chatwebsite.host.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An agent closes a chat with one of the host's dispositions ({@code HOST_DISPOSITIONS}); any other
 * value is a 400 naming {@code disposition}, and the chat stays open.
 */
class CloseDispositionTest {

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static Site site;
    static Session session;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        site = api.createWebsite(ChatApi.website("Shop"));
        session = api.openSession(site.key());
        Http.Reply accepted = api.agent("POST", "/interactions/" + session.id() + "/accept", null);
        assertEquals(200, accepted.status(), accepted.body());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Http.Reply close(String body) {
        return api.agent("POST", "/interactions/" + session.id() + "/close", body);
    }

    private static void assertRefused(String body, String rule) {
        Http.Reply r = close(body);
        assertEquals(400, r.status(), body + ": " + r.body());
        assertEquals("invalid_disposition", r.json().get("error").asText(), body);
        JsonNode field = r.json().get("fields").get(0);
        assertEquals("disposition", field.get("field").asText(), body);
        assertEquals(rule, field.get("rule").asText(), body);
        assertEquals("active", stateOf(session), "the chat is still open after " + body);
    }

    private static String stateOf(Session s) {
        for (JsonNode item : api.agent("GET", "/interactions", null).json()) {
            if (item.get("id").asText().equals(s.id())) {
                return item.get("state").asText();
            }
        }
        return "gone";
    }

    @Test
    void nullOrANonStringIsRefused() {
        assertRefused("{\"disposition\":null}", "string");
        assertRefused("{\"disposition\":7}", "string");
        assertRefused("{\"disposition\":[\"Solved\"]}", "string");
        assertRefused("{\"disposition\":{\"name\":\"Solved\"}}", "string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sol\u202Eved", "Solved\u2066", "Sol\\u0000ved", "Solved\\n", "\u200FSolved"})
    void controlAndTextDirectionCharactersAreRefused(String value) {
        assertRefused("{\"disposition\":\"" + value + "\"}", "plain_text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Closed", "solved", "CustomerClosed", "Timeout", "Unmanaged", "Offline", "Other"})
    void aDispositionNotInTheHostsListIsRefused(String value) {
        assertRefused("{\"disposition\":\"" + value + "\"}", "one_of");
    }

    @Test
    void anEmptyOrLongDispositionIsRefused() {
        assertRefused("{\"disposition\":\"  \"}", "length");
        assertRefused("{\"disposition\":\"" + "S".repeat(65) + "\"}", "length");
    }

    @Test
    void theAgentConsoleLearnsTheDispositionsFromItsStatus() {
        JsonNode status = api.agent("GET", "/status", null).json();
        assertEquals(HostConfig.DEFAULT_DISPOSITIONS.size(), status.get("dispositions").size());
        assertEquals("Solved", status.get("dispositions").get(0).asText());
    }

    @Test
    void aListedDispositionClosesTheChat() {
        Session other = api.openSession(site.key());
        assertEquals(200, api.agent("POST", "/interactions/" + other.id() + "/accept", null).status());
        Http.Reply r = api.agent("POST", "/interactions/" + other.id() + "/close", "{\"disposition\":\"Transferred\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals("Transferred", r.json().get("disposition").asText());
        JsonNode closed = api.supervisor(site, "closed");
        boolean found = false;
        for (JsonNode item : closed) {
            found |= item.get("id").asText().equals(other.id()) && item.get("disposition").asText().equals("Transferred");
        }
        assertTrue(found, closed.toString());
    }
}
