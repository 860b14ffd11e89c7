package com.chatwebsite.host.api;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.health.DatabaseProbe;
import com.chatwebsite.host.plugins.PluginHost;
import com.chatwebsite.host.web.HostJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginWrapper;

/**
 * {@code GET /health}: {@code DOWN} (answered 503) while the database does not answer,
 * {@code DEGRADED} while a plugin is not serving, else {@code UP}; with the node's id, the
 * database's state and each plugin's.
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
        List<Map<String, Object>> list = plugins.plugins().stream().map(this::describe).toList();
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

    private Map<String, Object> describe(PluginWrapper p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.getPluginId());
        out.put("version", p.getDescriptor().getVersion());
        out.put("state", plugins.reportedState(p));
        out.put("error", p.getFailedException() == null ? null : String.valueOf(p.getFailedException().getMessage()));
        return out;
    }
}
