package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.Http;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin's paths answer before its routes are mounted, and after it stopped. */
class StartupGateTest {

    @TempDir
    Path dir;

    private final RouteTable routes = new RouteTable();
    private HostHandler handler;
    private Server server;
    private Http http;

    @BeforeEach
    void startServer() throws Exception {
        handler = new HostHandler(routes, new Authenticator("admin", List.of()), dir);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        http = new Http(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
    }

    @Test
    void beforeThePluginHostExistsEveryPluginPathIsStarting() {
        Http.Reply reply = http.get("/plugins/chat-website/widget/abc/config", null);
        assertEquals(503, reply.status());
        assertEquals("starting", reply.json().get("error").asText());
        assertEquals("2", reply.header("Retry-After"));
        assertEquals(404, http.get("/api/nothing", null).status(), "host paths are not gated");
    }

    @Test
    void answersFollowThePluginsAvailability() {
        handler.pluginAvailability(id -> switch (id) {
            case "starting" -> PluginAvailability.STARTING;
            case "stopped" -> PluginAvailability.UNAVAILABLE;
            default -> routes.mounted(id) ? PluginAvailability.SERVING : PluginAvailability.UNKNOWN;
        });
        assertEquals("starting", http.get("/plugins/starting/x", null).json().get("error").asText());
        Http.Reply stopped = http.get("/plugins/stopped/api/x", null);
        assertEquals(503, stopped.status());
        assertEquals("plugin_unavailable", stopped.json().get("error").asText());
        assertEquals("10", stopped.header("Retry-After"));
        assertEquals(404, http.get("/plugins/unknown/x", null).status());

        routes.mount("ready", "/plugins/ready", List.of(WebRoute.of("GET", "/ping", RouteAccess.PUBLIC,
                r -> WebResponse.json(200, "{\"pong\":true}"))));
        assertEquals(200, http.get("/plugins/ready/ping", null).status());
        assertEquals(404, http.get("/plugins/ready/other", null).status(), "a serving plugin's unknown path");
    }
}
