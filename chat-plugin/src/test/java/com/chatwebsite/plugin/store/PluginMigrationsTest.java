package com.chatwebsite.plugin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void refusesASchemaNewerThanItsNewestMigrationAndChangesNothing() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1");
        PluginMigrations migrations = new PluginMigrations(h2, PluginMigrations.class.getClassLoader());
        migrations.migrate();
        String newest = query(h2, "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"" + PluginMigrations.HISTORY_TABLE
                + "\"");
        // What a later plugin version leaves in the history.
        update(h2, "INSERT INTO \"" + PluginMigrations.HISTORY_TABLE + "\" (\"installed_rank\", \"version\", "
                + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                + "\"success\") SELECT MAX(\"installed_rank\") + 1, '99', 'from a later plugin', 'SQL', "
                + "'V99__from_a_later_plugin.sql', 0, 'test', 0, TRUE FROM \"" + PluginMigrations.HISTORY_TABLE + "\"");
        String history = query(h2, "SELECT LISTAGG(\"installed_rank\" || ':' || \"version\", ',') WITHIN GROUP "
                + "(ORDER BY \"installed_rank\") FROM \"" + PluginMigrations.HISTORY_TABLE + "\"");

        PluginMigrations.SchemaTooNewException refused = assertThrows(PluginMigrations.SchemaTooNewException.class,
                migrations::migrate);
        assertEquals("the database schema is at version 99 (chat_website_schema_history), newer than this plugin's "
                + newest + ": upgrade the plugin", refused.getMessage());
        assertEquals(history, query(h2, "SELECT LISTAGG(\"installed_rank\" || ':' || \"version\", ',') WITHIN GROUP "
                + "(ORDER BY \"installed_rank\") FROM \"" + PluginMigrations.HISTORY_TABLE + "\""), "nothing changed");
    }

    private static String query(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static void update(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
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
