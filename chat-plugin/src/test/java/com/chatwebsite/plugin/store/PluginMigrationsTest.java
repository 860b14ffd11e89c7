package com.chatwebsite.plugin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's migrations share the host's schema, keep their own history, and run once. */
class PluginMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void migratesOnceOnH2BesideTheHostsTables() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1");
        check(h2);
    }

    @Test
    void migratesOnceOnPostgresBesideTheHostsTables() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "PostgreSQL refuses to run as root: run the tests as a normal user (bash .ci/run does)");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            check(pg.getPostgresDatabase());
        }
    }

    private void check(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE host_thing (id INTEGER PRIMARY KEY)"); // the host's tables come first
        }
        PluginMigrations migrations = new PluginMigrations(ds, PluginMigrations.class.getClassLoader());
        assertTrue(migrations.migrate() >= 1, "the first run applies the scripts");
        assertEquals(0, migrations.migrate(), "the second run does nothing");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cw_website")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + PluginMigrations.HISTORY_TABLE + "\""
                    + " WHERE \"success\" = TRUE AND \"version\" = '1'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
