package com.chatwebsite.host.routing;

import com.chatwebsite.host.HostConfig.JdbcSettings;
import com.chatwebsite.host.PostgresSupport;
import com.chatwebsite.host.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Routing and agent streams on PostgreSQL, a fresh database per test. */
class RoutingOnPostgresTest extends RoutingInDatabaseTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
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

    @Override
    Database openDatabase() throws Exception {
        String url = PostgresSupport.createDatabase(pg, "routing" + DATABASES.incrementAndGet());
        return Database.open(Optional.of(new JdbcSettings(url, "postgres", "")), dir);
    }
}
