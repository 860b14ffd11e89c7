package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * Whatever a plugin throws from its start, from mounting its routes or from its stop (Errors such
 * as {@link NoSuchMethodError}, {@link NoClassDefFoundError} and
 * {@link java.util.ServiceConfigurationError} included) marks that plugin {@code FAILED} with the
 * reason in {@code /api/plugins} and {@code /health}, and the host keeps answering. The broken
 * plugins are compiled here against the plugin API and PF4J.
 */
class PluginFailureTest {

    @TempDir
    Path dir;

    /** start() throws an Error PF4J's own startPlugins does not catch. */
    static TestPlugins.Source startThrowsServiceConfigurationError() {
        return new TestPlugins.Source("broken-start", "brokenstart.BrokenStartPlugin")
                .java("brokenstart.BrokenStartPlugin", """
                        package brokenstart;
                        public class BrokenStartPlugin extends org.pf4j.Plugin {
                            public BrokenStartPlugin() { }
                            @Override public void start() {
                                throw new java.util.ServiceConfigurationError("no provider of a service it needs");
                            }
                        }
                        """);
    }

    /** start() uses a class that was there at compile time and is not in the jar: a NoClassDefFoundError. */
    static TestPlugins.Source startMissesAClass() {
        return new TestPlugins.Source("broken-link", "brokenlink.BrokenLinkPlugin")
                .java("brokenlink.BrokenLinkPlugin", """
                        package brokenlink;
                        public class BrokenLinkPlugin extends org.pf4j.Plugin {
                            public BrokenLinkPlugin() { }
                            @Override public void start() { new Helper().run(); }
                        }
                        """)
                .java("brokenlink.Helper", """
                        package brokenlink;
                        public class Helper { public void run() { } }
                        """)
                .leaveOut("brokenlink.Helper");
    }

    /**
     * Built against a plugin API whose WebRoute had four components, not five: mounting its
     * routes throws a real NoSuchMethodError from the plugin's routes().
     */
    static TestPlugins.Source routesBuiltAgainstAnotherApi() {
        return new TestPlugins.Source("broken-routes", "brokenroutes.BrokenRoutesPlugin")
                .java("brokenroutes.BrokenRoutesPlugin", """
                        package brokenroutes;
                        public class BrokenRoutesPlugin extends org.pf4j.Plugin {
                            public BrokenRoutesPlugin() { }
                        }
                        """)
                .java("com.chatwebsite.api.web.WebRoute", """
                        package com.chatwebsite.api.web;
                        public record WebRoute(String method, String pathTemplate, RouteAccess access,
                                RouteHandler handler) { }
                        """)
                .leaveOut("com.chatwebsite.api.web.WebRoute")
                .java("brokenroutes.OldRoutes", """
                        package brokenroutes;
                        import com.chatwebsite.api.web.*;
                        import java.util.List;
                        public class OldRoutes implements WebRoutes {
                            public OldRoutes() { }
                            @Override public List<WebRoute> routes() {
                                return List.of(new WebRoute("GET", "/x", RouteAccess.PUBLIC,
                                        r -> WebResponse.json(200, "{}")));
                            }
                        }
                        """)
                .extension("brokenroutes.OldRoutes");
    }

    /** Starts, but its stop() throws an AssertionError. */
    static TestPlugins.Source stopThrows() {
        return new TestPlugins.Source("broken-stop", "brokenstop.BrokenStopPlugin")
                .java("brokenstop.BrokenStopPlugin", """
                        package brokenstop;
                        public class BrokenStopPlugin extends org.pf4j.Plugin {
                            public BrokenStopPlugin() { }
                            @Override public void stop() { throw new AssertionError("cannot stop"); }
                        }
                        """);
    }

    @Test
    void errorsFromStartAndFromMountingRoutesFailThatPluginAndTheHostRuns() {
        HostConfig config = TestHost.config(dir, Optional.empty(), Optional.empty());
        Path plugins = config.pluginsDir();
        TestPlugins.compile(startThrowsServiceConfigurationError(), dir, plugins.resolve("broken-start.jar"));
        TestPlugins.compile(startMissesAClass(), dir, plugins.resolve("broken-link.jar"));
        TestPlugins.compile(routesBuiltAgainstAnotherApi(), dir, plugins.resolve("broken-routes.jar"));
        TestPlugins.compile(stopThrows(), dir, plugins.resolve("broken-stop.jar"));

        try (HostStub host = HostStub.start(config, Clock.systemUTC())) {
            Http http = new Http(host.baseUrl());
            PluginApi api = new PluginApi(host);
            Http.Reply healthReply = http.get("/health", null);
            assertEquals(200, healthReply.status(), "the host answers: " + healthReply.body());
            JsonNode health = healthReply.json();
            assertEquals("DEGRADED", health.get("status").asText());
            assertEquals("STARTED", state(health, "chat-website"));
            assertEquals("STARTED", state(health, "broken-stop"));
            for (String id : new String[] {"broken-start", "broken-link", "broken-routes"}) {
                assertEquals("FAILED", state(health, id), id);
            }
            assertTrue(error(health, "broken-start").contains("java.util.ServiceConfigurationError: no provider"),
                    error(health, "broken-start"));
            assertTrue(error(health, "broken-link").contains("NoClassDefFoundError"), error(health, "broken-link"));
            assertTrue(error(health, "broken-routes").contains("NoSuchMethodError"), error(health, "broken-routes"));
            assertTrue(api.plugin("broken-routes").get("error").asText().startsWith("Start failed: "));

            assertEquals(200, http.get("/plugins/chat-website/api/settings-schema", TestHost.ADMIN_TOKEN).status(),
                    "the other plugin serves");
            assertEquals(java.util.List.of(), host.routes().routesOf("broken-routes"), "no half-mounted routes");
            Http.Reply gone = http.get("/plugins/broken-routes/x", null);
            assertEquals(503, gone.status());
            assertEquals("plugin_unavailable", gone.json().get("error").asText());

            Http.Reply again = api.act("broken-start", "start");
            assertEquals(409, again.status(), again.body());
            assertEquals("plugin_failed", again.json().get("error").asText());
            assertEquals("FAILED", again.json().get("plugin").get("state").asText());
            assertTrue(again.json().get("message").asText().contains("ServiceConfigurationError"));
            assertEquals(PluginState.FAILED, host.plugins().start("broken-link"), "the Java API does not throw either");
            Http.Reply reload = api.act("broken-routes", "reload");
            assertEquals(409, reload.status(), reload.body());
            assertEquals("FAILED", reload.json().get("plugin").get("state").asText());

            Http.Reply stopped = api.act("broken-stop", "stop");
            assertEquals(409, stopped.status(), stopped.body());
            assertTrue(stopped.json().get("message").asText()
                    .contains("Stop failed: java.lang.AssertionError: cannot stop"), stopped.body());
            assertEquals("FAILED", api.plugin("broken-stop").get("state").asText());

            assertEquals(200, http.get("/health", null).status(), "still answering");
            assertEquals(200, http.get("/plugins/chat-website/api/settings-schema", TestHost.ADMIN_TOKEN).status());
        }
    }

    @Test
    void anUploadedPluginThatFailsToStartIsTakenOutAgain() throws Exception {
        try (HostStub host = TestHost.start(dir)) {
            PluginApi api = new PluginApi(host);
            Path jar = TestPlugins.compile(new TestPlugins.Source("broken-upload", "brokenupload.P")
                    .java("brokenupload.P", """
                            package brokenupload;
                            public class P extends org.pf4j.Plugin {
                                public P() { }
                                @Override public void start() { throw new NoSuchMethodError("WebRoute.<init>"); }
                            }
                            """), dir, dir.resolve("broken-upload.jar"));
            Http.Reply r = api.upload(jar, false);
            assertEquals(409, r.status(), r.body());
            assertEquals("plugin_failed", r.json().get("error").asText());
            assertTrue(r.json().get("message").asText().contains("java.lang.NoSuchMethodError: WebRoute.<init>"),
                    r.body());
            try (var files = Files.list(host.config().pluginsDir())) {
                assertEquals(java.util.List.of("chat-website-plugin.jar"),
                        files.map(p -> p.getFileName().toString()).toList(), "the jar is not kept");
            }
            assertFalse(api.list().toString().contains("broken-upload"));
            assertEquals("UP", new Http(host.baseUrl()).get("/health", null).json().get("status").asText());
        }
    }

    @Test
    void aNewVersionThatFailsToStartGivesWayToThePreviousOne() throws Exception {
        try (HostStub host = TestHost.start(dir)) {
            Http http = new Http(host.baseUrl());
            PluginApi api = new PluginApi(host);
            String running = api.plugin("chat-website").get("version").asText();
            TestPlugins.Source broken = new TestPlugins.Source("chat-website", "brokenchat.P").version("9.0.0")
                    .java("brokenchat.P", """
                            package brokenchat;
                            public class P extends org.pf4j.Plugin {
                                public P() { }
                                @Override public void start() { throw new LinkageError("built for another host"); }
                            }
                            """);

            Http.Reply upload = api.upload(TestPlugins.compile(broken, dir, dir.resolve("upload.jar")), true);
            assertEquals(409, upload.status(), upload.body());
            assertEquals("plugin_failed", upload.json().get("error").asText());
            assertTrue(upload.json().get("message").asText().contains(running + " runs again"), upload.body());
            assertEquals(running, upload.json().get("plugin").get("version").asText());
            assertEquals("STARTED", upload.json().get("plugin").get("state").asText());
            assertFalse(Files.exists(host.config().pluginsDir().resolve("chat-website-9.0.0.jar")), "removed again");
            assertEquals(200, http.get("/plugins/chat-website/api/settings-schema", TestHost.ADMIN_TOKEN).status());

            TestPlugins.compile(broken, dir, host.config().pluginsDir().resolve("chat-website-9.0.0.jar"));
            Http.Reply reload = api.act("chat-website", "reload");
            assertEquals(409, reload.status(), reload.body());
            assertEquals(running, reload.json().get("plugin").get("version").asText());
            assertEquals("STARTED", api.plugin("chat-website").get("state").asText());
            JsonNode refused = api.file("chat-website-9.0.0.jar").orElseThrow();
            assertEquals("REFUSED", refused.get("state").asText());
            assertTrue(refused.get("error").asText().contains("java.lang.LinkageError: built for another host"),
                    refused.toString());
            assertEquals(200, http.get("/plugins/chat-website/api/settings-schema", TestHost.ADMIN_TOKEN).status());
        }
    }

    private static JsonNode entry(JsonNode health, String id) {
        for (JsonNode p : health.get("plugins")) {
            if (id.equals(p.get("id").asText())) {
                return p;
            }
        }
        throw new AssertionError("no " + id + " in " + health);
    }

    private static String state(JsonNode health, String id) {
        return entry(health, id).get("state").asText();
    }

    private static String error(JsonNode health, String id) {
        return entry(health, id).get("error").asText();
    }
}
