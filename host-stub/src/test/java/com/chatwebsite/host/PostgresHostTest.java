package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.HostConfig.JdbcSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host and the packaged plugin on a real PostgreSQL given by HOST_DB_URL. */
class PostgresHostTest {

    static EmbeddedPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        pg = PostgresSupport.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private HostStub startHost() {
        HostConfig config = TestHost.config(dir,
                Optional.of(new JdbcSettings(PostgresSupport.jdbcUrl(pg), "postgres", "")), Optional.empty());
        return HostStub.start(config, Clock.systemUTC());
    }

    @Test
    void pluginMigratesOnPostgresAndASecondStartRunsNothingAgain() throws SQLException {
        List<String> history;
        try (HostStub host = startHost()) {
            assertTrue(host.databaseDescription().startsWith("PostgreSQL"));
            Http http = new Http(host.baseUrl());
            assertEquals("STARTED", http.get("/health", null).json().get("plugins").get(0).get("state").asText());
            assertEquals(200, http.get("/plugins/chat-website/api/settings-schema", TestHost.ADMIN_TOKEN).status());
            history = history();
            assertTrue(history.contains("1:websites"), history.toString());
            assertTrue(tableExists("cw_website"));
            assertTrue(tableExists("host_contact"));
        }
        try (HostStub again = startHost()) {
            assertEquals(history, history(), "no migration ran a second time");
            assertEquals(200, new Http(again.baseUrl()).get("/health", null).status());
        }
    }

    @Test
    void contactsAndSettingsLiveInPostgres() {
        try (HostStub host = startHost()) {
            Contact created = host.services().contacts().create(Map.of("email", "Ada@Example.com", "firstName", "Ada"));
            List<Contact> found = host.services().contacts().findByField("email", "ada@example.COM");
            assertEquals(List.of(created), found);
            Http http = new Http(host.baseUrl());
            assertEquals(200, http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN,
                    "{\"chatTimeoutSeconds\": 77}").status());
        }
        try (HostStub host = startHost()) {
            assertEquals(77, host.services().settings().chatTimeoutSeconds(), "settings survive a restart");
            assertEquals(1, host.services().contacts().findByField("email", "ada@example.com").size());
        }
    }

    private static List<String> history() throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, description, success FROM chat_website_schema_history "
                        + "ORDER BY installed_rank")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                assertTrue(rs.getBoolean(3));
                out.add(rs.getString(1) + ":" + rs.getString(2).toLowerCase());
            }
            return out;
        }
    }

    private static boolean tableExists(String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                ResultSet rs = c.getMetaData().getTables(null, "public", name, null)) {
            return rs.next();
        }
    }
}
