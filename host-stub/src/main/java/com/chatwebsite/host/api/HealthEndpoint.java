package com.chatwebsite.host.api;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.health.DatabaseProbe;
import com.chatwebsite.host.plugins.PluginHost;
import com.chatwebsite.host.plugins.PluginStatus;
import com.chatwebsite.host.web.HostJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: {@code DOWN} (answered 503) while the database does not answer,
 * {@code DEGRADED} while a plugin is not serving (stopped, failed, or every jar of it refused),
 * else {@code UP}; with the node's id, the database's state and each plugin's, with its error.
 */
public final class HealthEndpoint {

    private final PluginHost plugins;
    private final DatabaseProbe database;
    private final String nodeId;

    public HealthEndpoint(PluginHost plugins, DatabaseProbe database, String nodeId) {
        this.plugins = plugins;
        this.database = database;
        this.nodeId = nodeId;
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.of("GET", "/health", RouteAccess.PUBLIC, r -> health()));
    }

    private WebResponse health() {
        boolean databaseUp = database.up();
        List<Map<String, Object>> list = plugins.byId().stream().map(HealthEndpoint::describe).toList();
        boolean allStarted = list.stream().allMatch(p -> "STARTED".equals(p.get("state")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !databaseUp ? "DOWN" : allStarted ? "UP" : "DEGRADED");
        body.put("node", nodeId);
        body.put("database", databaseUp ? "UP" : "DOWN");
        body.put("plugins", list);
        if (databaseUp) {
            return HostJson.response(200, body);
        }
        body.put("error", "database_unavailable");
        body.put("message", "The database cannot be reached.");
        return HostJson.response(503, body).withHeader("Retry-After", "5");
    }

    private static Map<String, Object> describe(PluginStatus p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id().orElse(null));
        out.put("version", p.version().orElse(null));
        out.put("state", p.state().name());
        out.put("error", p.error().orElse(null));
        return out;
    }
}
