package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer-token access and bad input: each answered with a JSON error, none changing state. */
class AccessAndBadInputTest {

    private static final String SCHEMA = "/plugins/chat-website/api/settings-schema";

    @TempDir
    static Path dir;
    static HostStub host;
    static Http http;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        http = new Http(host.baseUrl());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void pluginAdminRouteWithoutTokenIs401WithJsonError() {
        Http.Reply r = http.get(SCHEMA, null);
        assertEquals(401, r.status());
        assertEquals("unauthorized", r.json().get("error").asText());
        assertTrue(r.json().get("message").asText().contains("Bearer"));
    }

    @Test
    void pluginAdminRouteWithWrongTokenIs403WithJsonError() {
        Http.Reply r = http.get(SCHEMA, "not-the-admin-token");
        assertEquals(403, r.status());
        assertEquals("forbidden", r.json().get("error").asText());
    }

    @Test
    void agentTokenDoesNotOpenAdminRoutesNorAdminTokenAgentRoutes() {
        assertEquals(403, http.get(SCHEMA, TestHost.AGENT_TOKEN).status());
        assertEquals(403, http.get("/api/settings", TestHost.AGENT_TOKEN).status());
        assertEquals(403, http.get("/api/agent/interactions", TestHost.ADMIN_TOKEN).status());
        assertEquals(200, http.get("/api/agent/interactions", TestHost.AGENT_TOKEN).status());
    }

    @Test
    void malformedAuthorizationHeaderIs401() {
        Http.Reply r = http.send(http.builder(SCHEMA, null).header("Authorization", "Basic YWRtaW46YWRtaW4=").GET());
        assertEquals(401, r.status());
    }

    @Test
    void unknownRouteIs404WithJson() {
        for (String path : new String[] {"/nope", "/plugins/chat-website/api/nope", "/plugins/other/api/x"}) {
            Http.Reply r = http.get(path, TestHost.ADMIN_TOKEN);
            assertEquals(404, r.status(), path);
            assertEquals("not_found", r.json().get("error").asText(), path);
        }
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        Http.Reply r = http.send("DELETE", "/api/settings", TestHost.ADMIN_TOKEN, null);
        assertEquals(405, r.status());
        assertEquals("GET, PUT", r.header("Allow"));
        assertEquals("method_not_allowed", r.json().get("error").asText());
    }

    @Test
    void malformedJsonIs400NamingTheProblemAndChangesNothing() {
        JsonNode before = http.get("/api/settings", TestHost.ADMIN_TOKEN).json();
        Http.Reply r = http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, "{\"chatTimeoutSeconds\": 30,");
        assertEquals(400, r.status());
        assertEquals("malformed_json", r.json().get("error").asText());
        assertTrue(r.json().get("message").asText().contains("line 1"), r.body());
        assertEquals(before, http.get("/api/settings", TestHost.ADMIN_TOKEN).json());

        Http.Reply notObject = http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, "[1,2]");
        assertEquals(400, notObject.status());
        Http.Reply trailing = http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, "{\"chatTimeoutSeconds\":30} x");
        assertEquals(400, trailing.status());
        assertEquals(before, http.get("/api/settings", TestHost.ADMIN_TOKEN).json());
    }

    @Test
    void invalidValueIs400WithFieldAndRuleAndChangesNothing() {
        JsonNode before = http.get("/api/settings", TestHost.ADMIN_TOKEN).json();
        Http.Reply r = http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN,
                "{\"chatTimeoutSeconds\": 0, \"colour\": \"red\"}");
        assertEquals(400, r.status());
        JsonNode fields = r.json().get("fields");
        assertEquals(2, fields.size(), r.body());
        assertEquals("chatTimeoutSeconds", fields.get(0).get("field").asText());
        assertEquals("range", fields.get(0).get("rule").asText());
        assertEquals("colour", fields.get(1).get("field").asText());
        assertEquals(before, http.get("/api/settings", TestHost.ADMIN_TOKEN).json());
    }

    @Test
    void bodyOverTheLimitIs413AndChangesNothing() {
        JsonNode before = http.get("/api/settings", TestHost.ADMIN_TOKEN).json();
        String big = "{\"chatTimeoutSeconds\": 30, \"pad\": \"" + "x".repeat(40_000) + "\"}";
        Http.Reply r = http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, big);
        assertEquals(413, r.status());
        assertEquals("payload_too_large", r.json().get("error").asText());

        // Without Content-Length the limit is enforced while streaming.
        Http.Reply chunked = http.send(http.builder("/api/settings", TestHost.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertEquals(413, chunked.status());
        assertEquals(before, http.get("/api/settings", TestHost.ADMIN_TOKEN).json());
    }

    @Test
    void validSettingsRoundTrip() {
        Http.Reply put = http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, "{\"chatTimeoutSeconds\": 45}");
        assertEquals(200, put.status(), put.body());
        assertEquals(45, http.get("/api/settings", TestHost.ADMIN_TOKEN).json().get("chatTimeoutSeconds").asInt());
        assertEquals(45, host.services().settings().chatTimeoutSeconds());
        http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, "{\"chatTimeoutSeconds\": 600}");
    }
}
