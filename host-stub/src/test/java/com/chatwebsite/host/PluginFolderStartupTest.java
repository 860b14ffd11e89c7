package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose plugins folder holds two versions of the plugin, a jar with an unparsable
 * {@code plugin.requires} and a file that is no jar: it starts, runs the newest version whatever
 * the file names, and lists every other file with the reason it is not loaded.
 */
class PluginFolderStartupTest {

    @TempDir
    Path dir;

    @Test
    void theNewestVersionRunsAndEveryRefusedFileIsListedWithItsReason() throws Exception {
        Path packaged = TestHost.packagedPluginJar();
        HostConfig config = TestHost.config(dir, Optional.empty(), Optional.empty());
        Path plugins = config.pluginsDir();
        Files.delete(plugins.resolve("chat-website-plugin.jar"));
        TestPlugins.variant(packaged, plugins.resolve("a-chat-website-old.jar"), Map.of("plugin.version", "1.9.0"),
                Map.of());
        TestPlugins.variant(packaged, plugins.resolve("z-chat-website-new.jar"), Map.of("plugin.version", "1.10.0"),
                Map.of());
        TestPlugins.variant(packaged, plugins.resolve("chat-website-bad-requires.jar"),
                Map.of("plugin.version", "3.0.0", "plugin.requires", ">=1.1.0 &&& <<2"), Map.of());
        TestPlugins.variant(packaged, plugins.resolve("other.jar"),
                Map.of("plugin.id", "other", "plugin.requires", "latest please"), Map.of());
        Files.writeString(plugins.resolve("notes.jar"), "not a jar");

        try (HostStub host = HostStub.start(config, Clock.systemUTC())) {
            Http http = new Http(host.baseUrl());
            PluginApi api = new PluginApi(host);
            JsonNode chat = api.plugin("chat-website");
            assertEquals("1.10.0", chat.get("version").asText(), "semantic versions: 1.10.0 > 1.9.0");
            assertEquals("STARTED", chat.get("state").asText());
            assertEquals("z-chat-website-new.jar", chat.get("file").asText());
            assertEquals(200, http.get("/plugins/chat-website/api/settings-schema", TestHost.ADMIN_TOKEN).status());

            assertRefused(api, "a-chat-website-old.jar", "1.10.0 in z-chat-website-new.jar is newer");
            assertRefused(api, "chat-website-bad-requires.jar", "plugin.requires '>=1.1.0 &&& <<2' cannot be parsed");
            assertRefused(api, "other.jar", "plugin.requires 'latest please' cannot be parsed");
            assertRefused(api, "notes.jar", "not a jar");
            assertEquals(5, api.list().size());

            JsonNode health = http.get("/health", null).json();
            assertEquals("DEGRADED", health.get("status").asText(), "the plugin other does not run");
            assertEquals(2, health.get("plugins").size(), "one entry per plugin id: " + health);
            JsonNode other = health.get("plugins").get(1);
            assertEquals("other", other.get("id").asText());
            assertEquals("REFUSED", other.get("state").asText());
            assertTrue(other.get("error").asText().contains("cannot be parsed"));
            Http.Reply otherRoute = http.get("/plugins/other/anything", null);
            assertEquals(503, otherRoute.status());
            assertEquals("plugin_unavailable", otherRoute.json().get("error").asText());

            Http.Reply reload = api.act("other", "reload");
            assertEquals(409, reload.status(), reload.body());
            assertEquals("no_plugin_jar", reload.json().get("error").asText());
            assertTrue(reload.json().get("message").asText().contains("other.jar: plugin.requires"));
        }
    }

    private static void assertRefused(PluginApi api, String file, String reason) {
        JsonNode e = api.file(file).orElseThrow(() -> new AssertionError(file + " is not listed: " + api.list()));
        assertEquals("REFUSED", e.get("state").asText(), e.toString());
        assertTrue(e.get("error").asText().contains(reason), e.toString());
    }
}
