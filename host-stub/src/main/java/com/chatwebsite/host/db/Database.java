package com.chatwebsite.host.db;

import com.chatwebsite.host.HostConfig.JdbcSettings;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The host's database: an H2 file in the data folder by default, or PostgreSQL by JDBC URL, behind
 * a connection pool. Runs the host's own migrations on open.
 */
public final class Database implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 32;

    private final JdbcConnectionPool pool;
    private final String description;

    private Database(JdbcConnectionPool pool, String description) {
        this.pool = pool;
        this.description = description;
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
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations("classpath:db/host")
                .table("host_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return db;
    }

    private static Database h2File(Path dataDir) {
        JdbcDataSource h2 = new JdbcDataSource();
        String file = dataDir.resolve("host").toAbsolutePath().toString();
        h2.setURL("jdbc:h2:file:" + file + ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        h2.setUser("sa");
        h2.setPassword("");
        JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
        pool.setMaxConnections(MAX_CONNECTIONS);
        return new Database(pool, "H2 file " + file + ".mv.db");
    }

    private static Database postgres(JdbcSettings settings) {
        if (!settings.url().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("HOST_DB_URL must be a jdbc:postgresql: URL, got " + settings.url());
        }
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(settings.url());
        if (!settings.user().isEmpty()) {
            pg.setUser(settings.user());
        }
        if (!settings.password().isEmpty()) {
            pg.setPassword(settings.password());
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
        pool.setMaxConnections(MAX_CONNECTIONS);
        return new Database(pool, "PostgreSQL " + settings.url().replaceAll("password=[^&]*", "password=***"));
    }

    public DataSource dataSource() {
        return pool;
    }

    /** What the database is, for the start-up banner. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
