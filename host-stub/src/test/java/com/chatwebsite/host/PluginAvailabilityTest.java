package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/** A stopped plugin's paths answer 503 and /health says so; started again, it serves. */
class PluginAvailabilityTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedPluginIsUnavailableUntilStartedAgain() {
        try (HostStub host = TestHost.start(dir)) {
            Http http = new Http(host.baseUrl());
            String route = "/plugins/chat-website/api/settings-schema";
            JsonNode health = http.get("/health", null).json();
            assertEquals("UP", health.get("status").asText());
            assertEquals("UP", health.get("database").asText());
            assertEquals(host.nodeId(), health.get("node").asText());
            JsonNode plugin = health.get("plugins").get(0);
            assertEquals("chat-website", plugin.get("id").asText());
            assertEquals("STARTED", plugin.get("state").asText());
            assertEquals(true, plugin.has("version") && plugin.has("error"));

            host.plugins().stop("chat-website");
            Http.Reply stopped = http.get(route, TestHost.ADMIN_TOKEN);
            assertEquals(503, stopped.status());
            assertEquals("plugin_unavailable", stopped.json().get("error").asText());
            assertEquals("10", stopped.header("Retry-After"));
            health = http.get("/health", null).json();
            assertEquals("DEGRADED", health.get("status").asText());
            assertEquals("STOPPED", health.get("plugins").get(0).get("state").asText());

            assertEquals(PluginState.STARTED, host.plugins().start("chat-website"));
            assertEquals(200, http.get(route, TestHost.ADMIN_TOKEN).status());
            assertEquals("UP", http.get("/health", null).json().get("status").asText());
        }
    }
}
