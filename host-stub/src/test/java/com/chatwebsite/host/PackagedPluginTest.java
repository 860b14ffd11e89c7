package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the packaged plugin jar into a host-stub and calls it over HTTP. */
class PackagedPluginTest {

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
    void jarHoldsDescriptorIndexAndDependenciesButNotTheHostApi() throws IOException {
        try (JarFile jar = new JarFile(TestHost.packagedPluginJar().toFile())) {
            ZipEntry descriptor = jar.getEntry("plugin.properties");
            assertNotNull(descriptor, "plugin.properties at the jar root");
            Properties p = new Properties();
            p.load(jar.getInputStream(descriptor));
            assertEquals("chat-website", p.getProperty("plugin.id"));
            assertEquals("com.chatwebsite.plugin.ChatWebsitePlugin", p.getProperty("plugin.class"));
            assertNotNull(jar.getEntry("META-INF/extensions.idx"), "extensions.idx");
            assertNotNull(jar.getEntry("db/chat-website/V1__websites.sql"), "migrations inside the jar");
            String shaded = PluginJarTest.SHADED;
            assertNotNull(jar.getEntry(shaded + "jackson/databind/ObjectMapper.class"), "Jackson shaded in, relocated");
            assertNotNull(jar.getEntry(shaded + "flyway/core/Flyway.class"), "Flyway shaded in, relocated");
            String flywayPlugins = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/com.chatwebsite.plugin.shaded.flyway.core.extensibility.Plugin")).readAllBytes());
            assertTrue(flywayPlugins.contains("PostgreSQLDatabaseType"), "service files merged");
            assertTrue(flywayPlugins.contains("H2DatabaseType"), "service files merged");
            List<String> forbidden = new ArrayList<>();
            jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("org/pf4j/") || n.startsWith("com/chatwebsite/api/")
                            || n.startsWith("org/slf4j/"))
                    .forEach(forbidden::add);
            assertEquals(List.of(), forbidden, "host-provided classes must not be inside the plugin jar");
        }
    }

    @Test
    void healthListsThePluginAsStarted() {
        Http.Reply health = http.get("/health", null);
        assertEquals(200, health.status());
        JsonNode json = health.json();
        assertEquals("UP", json.get("status").asText());
        JsonNode plugin = json.get("plugins").get(0);
        assertEquals("chat-website", plugin.get("id").asText());
        assertEquals("1.2.0", plugin.get("version").asText());
        assertEquals("STARTED", plugin.get("state").asText());
    }

    @Test
    void settingsSchemaIsServedThroughTheMountedPluginRoute() {
        Http.Reply reply = http.get("/plugins/chat-website/api/settings-schema", TestHost.ADMIN_TOKEN);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        JsonNode schema = reply.json();
        assertEquals("website", schema.get("id").asText());
        List<String> keys = new ArrayList<>();
        schema.get("settings").forEach(s -> keys.add(s.get("key").asText()));
        assertTrue(keys.containsAll(List.of("name", "origins", "timezone", "workingIntervals", "closedDates",
                "maxConcurrentSessions", "unmanagedAfterSeconds", "contactMatchField", "offline.forwardTo",
                "videoCall.enabled")), keys.toString());
        JsonNode match = find(schema, "contactMatchField");
        assertEquals("select", match.get("type").asText());
        List<String> options = new ArrayList<>();
        match.get("options").forEach(o -> options.add(o.asText()));
        assertEquals(host.services().contacts().fields().stream().map(f -> f.name()).toList(), options,
                "match options come from the host's Contact Manager");
        assertTrue(find(schema, "videoCall.apiKey").get("secret").asBoolean());
        assertFalse(find(schema, "workingIntervals").get("items").isEmpty());
        JsonNode field = schema.get("forms").get("field");
        assertEquals("formField", field.get("id").asText());
        assertEquals("select", field.get("settings").get(0).get("type").asText());
    }

    @Test
    void pluginsEndpointDescribesTheLoadedJar() {
        JsonNode plugins = http.get("/api/plugins", TestHost.ADMIN_TOKEN).json();
        JsonNode p = plugins.get(0);
        assertEquals("chat-website", p.get("id").asText());
        assertEquals("STARTED", p.get("state").asText());
        assertEquals(">=1.2.0 & <2.0.0", p.get("requires").asText());
        assertEquals("chat-website-plugin.jar", p.get("path").asText());
        assertEquals("website", p.get("settingsSchemas").get(0).asText());
    }

    private static JsonNode find(JsonNode schema, String key) {
        for (JsonNode s : schema.get("settings")) {
            if (s.get("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key);
    }
}
