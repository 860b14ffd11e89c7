package com.chatwebsite.host.db;

import com.chatwebsite.host.HostConfig.JdbcSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The host's database: an H2 file in the data folder by default, or PostgreSQL by JDBC URL, behind
 * a HikariCP pool that fails fast while the database is unreachable. Runs the host's own migrations
 * on open.
 */
public final class Database implements AutoCloseable {

    /**
     * H2 writes each commit to the file before the commit returns (the default delays it by up to
     * 500 ms), so an acknowledged write survives the process being killed; see README "Durability".
     */
    static final String H2_SETTINGS = ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";

    /** Sized for a 2-core machine, with room for the plugins' background jobs and event streams. */
    static final int MAX_CONNECTIONS = 10;

    /** How long a request waits for a connection before it is answered 503. */
    static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    private final HikariDataSource pool;
    private final String description;
    private final Optional<JdbcSettings> postgres;

    private Database(HikariDataSource pool, String description, Optional<JdbcSettings> postgres) {
        this.pool = pool;
        this.description = description;
        this.postgres = postgres;
    }

    /**
     * Opens the database and migrates the host's tables.
     *
     * @param jdbc a JDBC database, or empty for the H2 file
     * @param dataDir the data folder holding the H2 file
     * @return the open database
     */
    public static Database open(Optional<JdbcSettings> jdbc, Path dataDir) {
        Database db = jdbc.map(Database::postgres).orElseGet(() -> h2File(dataDir));
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(db.dataSource())
                    .locations("classpath:db/host")
                    .table("host_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static Database h2File(Path dataDir) {
        String file = dataDir.resolve("host").toAbsolutePath().toString();
        HikariConfig config = poolConfig();
        config.setJdbcUrl("jdbc:h2:file:" + file + H2_SETTINGS);
        config.setUsername("sa");
        config.setPassword("");
        return new Database(new HikariDataSource(config), "H2 file " + file + ".mv.db", Optional.empty());
    }

    private static Database postgres(JdbcSettings settings) {
        if (!settings.url().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("HOST_DB_URL must be a jdbc:postgresql: URL, got " + settings.url());
        }
        HikariConfig config = poolConfig();
        config.setJdbcUrl(settings.url());
        postgresProperties(settings).forEach((k, v) -> config.addDataSourceProperty((String) k, v));
        return new Database(new HikariDataSource(config),
                "PostgreSQL " + settings.url().replaceAll("password=[^&]*", "password=***"), Optional.of(settings));
    }

    private static HikariConfig poolConfig() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("host-db");
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        return config;
    }

    /** Credentials and short connect timeouts, unless the URL sets its own. */
    private static Properties postgresProperties(JdbcSettings settings) {
        Properties p = new Properties();
        if (!settings.user().isEmpty()) {
            p.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            p.setProperty("password", settings.password());
        }
        if (!settings.url().contains("connectTimeout=")) {
            p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        }
        if (!settings.url().contains("loginTimeout=")) {
            p.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        }
        p.setProperty("tcpKeepAlive", "true");
        return p;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Whether this is PostgreSQL, shared by the nodes of a cluster (else a node's own H2 file). */
    public boolean shared() {
        return postgres.isPresent();
    }

    /**
     * A new connection outside the pool, for a session that lives as long as the node (the event
     * bus's {@code LISTEN}). PostgreSQL only.
     *
     * @return the connection; the caller closes it
     * @throws SQLException if the database cannot be reached
     */
    public Connection openDedicated() throws SQLException {
        JdbcSettings settings = postgres.orElseThrow(() -> new IllegalStateException("not PostgreSQL"));
        Properties properties = postgresProperties(settings);
        if (!settings.url().contains("ApplicationName=")) {
            properties.setProperty("ApplicationName", "host-bus-listen");
        }
        return DriverManager.getConnection(settings.url(), properties);
    }

    /** What the database is, for the start-up banner. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }
}
