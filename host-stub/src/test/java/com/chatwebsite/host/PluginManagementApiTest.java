package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's plugin management API on one host: list, stop, start, reload, and uploads that are
 * refused, that replace the running plugin, and that add a new one. In order: each step starts
 * from the state the previous one left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginManagementApiTest {

    private static final String ROUTE = "/plugins/chat-website/api/settings-schema";

    private Path dir;
    private HostStub host;
    private Http http;
    private PluginApi api;
    private String version;

    @BeforeAll
    void start(@TempDir Path folder) {
        dir = folder;
        host = TestHost.start(dir);
        http = new Http(host.baseUrl());
        api = new PluginApi(host);
        version = TestPlugins.descriptor(TestHost.packagedPluginJar(), "plugin.version");
    }

    @AfterAll
    void stop() {
        host.close();
    }

    @Test
    @Order(1)
    void theListGivesStateVersionAndErrorToTheAdminOnly() {
        assertEquals(401, http.get("/api/plugins", null).status());
        JsonNode p = api.plugin("chat-website");
        assertEquals(version, p.get("version").asText());
        assertEquals("STARTED", p.get("state").asText());
        assertTrue(p.has("error") && p.get("error").isNull());
        assertEquals("chat-website-plugin.jar", p.get("file").asText());
        assertEquals(404, http.send("POST", "/api/plugins/nothing/stop", TestHost.ADMIN_TOKEN, null).status());
        assertEquals("not_found", api.act("nothing", "reload").json().get("error").asText());
    }

    @Test
    @Order(2)
    void stopAnswers503UntilStartedAgain() {
        Http.Reply stopped = api.act("chat-website", "stop");
        assertEquals(200, stopped.status(), stopped.body());
        assertEquals("STOPPED", stopped.json().get("state").asText());
        Http.Reply route = http.get(ROUTE, TestHost.ADMIN_TOKEN);
        assertEquals(503, route.status());
        assertEquals("plugin_unavailable", route.json().get("error").asText());
        assertEquals("10", route.header("Retry-After"));
        JsonNode health = http.get("/health", null).json();
        assertEquals("DEGRADED", health.get("status").asText());
        assertEquals("STOPPED", health.get("plugins").get(0).get("state").asText());
        assertEquals(200, api.act("chat-website", "stop").status(), "stopping a stopped plugin is fine");

        Http.Reply started = api.act("chat-website", "start");
        assertEquals(200, started.status(), started.body());
        assertEquals("STARTED", started.json().get("state").asText());
        assertEquals(200, http.get(ROUTE, TestHost.ADMIN_TOKEN).status());
        assertEquals("UP", http.get("/health", null).json().get("status").asText());
    }

    @Test
    @Order(3)
    void reloadWithoutANewerJarRestartsTheSameOneAfresh() {
        Http.Reply reloaded = api.act("chat-website", "reload");
        assertEquals(200, reloaded.status(), reloaded.body());
        assertEquals("STARTED", reloaded.json().get("state").asText());
        assertEquals(version, reloaded.json().get("version").asText());
        assertEquals(200, http.get(ROUTE, TestHost.ADMIN_TOKEN).status());
    }

    @Test
    @Order(4)
    void uploadsThatAreNotPluginsChangeNothing() throws Exception {
        Http.Reply text = api.upload("file", "notes.jar", "hello".getBytes(StandardCharsets.UTF_8), "");
        assertEquals(400, text.status(), text.body());
        assertEquals("invalid_plugin", text.json().get("error").asText());
        assertEquals("zip", rule(text));

        byte[] noDescriptor = Files.readAllBytes(TestPlugins.zip(dir.resolve("plain.jar"),
                Map.of("a.txt", new byte[] {1})));
        assertEquals("descriptor", rule(api.upload("file", "plain.jar", noDescriptor, "")));

        Path badRequires = TestPlugins.variant(TestHost.packagedPluginJar(), dir.resolve("bad-requires.jar"),
                Map.of("plugin.requires", ">=1.0 &&& <<"), Map.of());
        Http.Reply requires = api.upload(badRequires, true);
        assertEquals("requires", rule(requires));
        assertTrue(requires.json().get("message").asText().contains("cannot be parsed"));

        Http.Reply wrongPart = api.upload("jar", "x.jar", noDescriptor, "");
        assertEquals(400, wrongPart.status());
        assertEquals("unknown", rule(wrongPart));
        assertEquals(400, api.upload("file", "x.jar", noDescriptor, "?replace=maybe").status());

        Http.Reply notMultipart = http.send("POST", "/api/plugins", TestHost.ADMIN_TOKEN, "{}");
        assertEquals(400, notMultipart.status());
        assertEquals("malformed_multipart", notMultipart.json().get("error").asText());

        assertEquals(401, http.send(http.builder("/api/plugins", null)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))).status());
        try (var files = Files.list(host.config().pluginsDir())) {
            assertEquals(1, files.count(), "nothing was saved in the plugins folder");
        }
        assertEquals(1, api.list().size());
    }

    @Test
    @Order(5)
    void aJarOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        // only the head is sent: the declared length alone is refused, nothing of the body is waited for
        try (Socket socket = new Socket(host.baseUrl().getHost(), host.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/plugins HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestHost.ADMIN_TOKEN + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: 40000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"error\":\"payload_too_large\""), answer);
        }
    }

    @Test
    @Order(6)
    void theSamePluginNeedsReplaceAndNeverAnOlderVersion() {
        Path same = TestHost.packagedPluginJar();
        Http.Reply loaded = api.upload(same, false);
        assertEquals(409, loaded.status(), loaded.body());
        assertEquals("plugin_loaded", loaded.json().get("error").asText());
        assertTrue(loaded.json().get("message").asText().contains("replace=true"));

        Path older = TestPlugins.variant(same, dir.resolve("older.jar"), Map.of("plugin.version", "0.9.0"), Map.of());
        Http.Reply downgrade = api.upload(older, true);
        assertEquals(409, downgrade.status(), downgrade.body());
        assertEquals("newer_version_present", downgrade.json().get("error").asText());
        assertEquals("STARTED", api.plugin("chat-website").get("state").asText());
    }

    @Test
    @Order(7)
    void replaceInstallsTheUploadedVersionAndListsTheOldJarAsRefused() {
        String next = bump(version);
        Path newer = TestPlugins.variant(TestHost.packagedPluginJar(), dir.resolve("upload.jar"),
                Map.of("plugin.version", next), Map.of());
        Http.Reply replaced = api.upload(newer, true);
        assertEquals(201, replaced.status(), replaced.body());
        assertEquals(next, replaced.json().get("version").asText());
        assertEquals("STARTED", replaced.json().get("state").asText());
        assertEquals("chat-website-" + next + ".jar", replaced.json().get("file").asText());
        assertTrue(Files.isRegularFile(host.config().pluginsDir().resolve("chat-website-" + next + ".jar")));
        assertEquals(200, http.get(ROUTE, TestHost.ADMIN_TOKEN).status());

        JsonNode old = api.file("chat-website-plugin.jar").orElseThrow();
        assertEquals("REFUSED", old.get("state").asText());
        assertEquals(version, old.get("version").asText());
        assertTrue(old.get("error").asText().contains(next), old.toString());
        assertEquals("UP", http.get("/health", null).json().get("status").asText(), "an older duplicate is no fault");
        assertEquals(next, http.get("/health", null).json().get("plugins").get(0).get("version").asText());

        Http.Reply again = api.upload(newer, true);
        assertEquals(201, again.status(), "the same build again is a reload: " + again.body());
        Path otherBuild = TestPlugins.variant(TestHost.packagedPluginJar(), dir.resolve("other-build.jar"),
                Map.of("plugin.version", next, "plugin.description", "another build"), Map.of());
        Http.Reply conflict = api.upload(otherBuild, true);
        assertEquals(409, conflict.status());
        assertEquals("version_exists", conflict.json().get("error").asText());
    }

    @Test
    @Order(8)
    void aNewPluginIsInstalledStartedAndServes() {
        Path hello = TestPlugins.compile(new TestPlugins.Source("hello", "hello.HelloPlugin")
                .java("hello.HelloPlugin", """
                        package hello;
                        public class HelloPlugin extends org.pf4j.Plugin {
                            public HelloPlugin() { }
                        }
                        """)
                .java("hello.HelloRoutes", """
                        package hello;
                        import com.chatwebsite.api.web.*;
                        import java.util.List;
                        @org.pf4j.Extension
                        public class HelloRoutes implements WebRoutes {
                            public HelloRoutes() { }
                            @Override public List<WebRoute> routes() {
                                return List.of(WebRoute.of("GET", "/hi", RouteAccess.PUBLIC,
                                        r -> WebResponse.json(200, "{\\"hi\\":true}")));
                            }
                        }
                        """)
                .extension("hello.HelloRoutes"), dir, dir.resolve("hello-upload.jar"));
        Http.Reply installed = api.upload(hello, false);
        assertEquals(201, installed.status(), installed.body());
        assertEquals("hello", installed.json().get("id").asText());
        assertEquals("STARTED", installed.json().get("state").asText());
        assertEquals(200, http.get("/plugins/hello/hi", null).status());
        assertTrue(Files.isRegularFile(host.config().pluginsDir().resolve("hello-1.0.0.jar")));

        assertEquals(200, api.act("hello", "stop").status());
        assertEquals(503, http.get("/plugins/hello/hi", null).status());
        assertEquals(200, api.act("hello", "start").status());
        assertEquals(200, http.get("/plugins/hello/hi", null).status());
        assertFalse(api.list().toString().contains("FAILED"));
    }

    private static String rule(Http.Reply r) {
        assertEquals(400, r.status(), r.body());
        return r.json().get("fields").get(0).get("rule").asText();
    }

    /** The next minor version, such as 1.2.0 after 1.1.0. */
    static String bump(String version) {
        String[] parts = version.split("[.-]");
        return parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
    }
}
