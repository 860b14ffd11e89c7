package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugin refuses to start on a database that a newer version of it has migrated (a downgrade,
 * or an old node joining an upgraded cluster): it is FAILED with the reason, and it changes nothing.
 */
class PluginSchemaGuardTest {

    private static final String PLUGIN = "chat-website";
    private static final String HISTORY = "\"chat_website_schema_history\"";

    @TempDir
    Path dir;

    @Test
    void aSchemaNewerThanThePluginIsRefusedAtStartWithTheReasonAndNothingChanges() throws SQLException {
        int newest;
        int later;
        List<String> history;
        try (HostStub host = TestHost.start(dir)) {
            DataSource db = host.services().dataSource();
            assertTrue(host.plugins().unload(PLUGIN));
            newest = StoredSessions.queryInt(db, "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM " + HISTORY);
            later = newest + 2;
            // What a later version of the plugin leaves in the history.
            update(db, "INSERT INTO " + HISTORY + " (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") SELECT "
                    + "MAX(\"installed_rank\") + 1, '" + later + "', 'from a later plugin', 'SQL', 'V" + later
                    + "__from_a_later_plugin.sql', 0, 'test', 0, TRUE FROM " + HISTORY);
            history = history(db);
        }
        String reason = "the database schema is at version " + later + " (chat_website_schema_history), newer than "
                + "this plugin's " + newest + ": upgrade the plugin";

        // The host starts with the older plugin in its folder.
        try (HostStub host = TestHost.start(dir)) {
            Http http = new Http(host.baseUrl());
            DataSource db = host.services().dataSource();
            PluginWrapper plugin = host.plugins().plugins().get(0);
            assertEquals(PluginState.FAILED, plugin.getPluginState());
            assertEquals(reason, plugin.getFailedException().getMessage());

            assertEquals(history, history(db), "the history is as it was");
            assertEquals(0, StoredSessions.queryInt(db, "SELECT COUNT(*) FROM cw_node"), "no heartbeat was written");
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(
                    "chat-website-")), "no thread of the plugin runs");
            assertNotEquals(200, http.get(ChatApi.PLUGIN + "/api/settings-schema", TestHost.ADMIN_TOKEN).status(),
                    "its routes are not mounted");
            assertEquals(200, http.get("/api/settings", TestHost.ADMIN_TOKEN).status(), "the host answers");

            // Loaded again and started by hand: refused the same way.
            assertTrue(host.plugins().unload(PLUGIN));
            String id = host.plugins().load(host.config().pluginsDir().resolve("chat-website-plugin.jar"));
            assertEquals(PluginState.FAILED, host.plugins().start(id), "a start by hand never throws into the host");
            String error = host.plugins().status(id).orElseThrow().error().orElseThrow();
            assertTrue(error.contains(reason), error);
            assertEquals(history, history(db), "the history is still as it was");

            // Once the history holds nothing newer than the plugin (as after installing the newer jar), it starts.
            update(db, "DELETE FROM " + HISTORY + " WHERE \"version\" = '" + later + "'");
            assertTrue(host.plugins().unload(PLUGIN));
            assertEquals(PluginState.STARTED, host.plugins().start(host.plugins().load(
                    host.config().pluginsDir().resolve("chat-website-plugin.jar"))));
            assertEquals(200, http.get(ChatApi.PLUGIN + "/api/settings-schema", TestHost.ADMIN_TOKEN).status());
        }
    }

    private static List<String> history(DataSource db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT \"installed_rank\", "
                + "\"version\", \"checksum\", \"success\" FROM " + HISTORY + " ORDER BY \"installed_rank\"");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
            }
        }
        return rows;
    }

    private static void update(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
