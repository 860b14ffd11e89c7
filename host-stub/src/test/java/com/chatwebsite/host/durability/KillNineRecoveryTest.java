package com.chatwebsite.host.durability;

import com.chatwebsite.host.PostgresSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's first promise from outside: the host as a child process, chats and offline forms at a
 * steady rate, {@code kill -9} mid-load, a restart on the same data; on the embedded H2 default and
 * on PostgreSQL. See {@link CrashScenario} for what is checked.
 */
class KillNineRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void onH2EveryAcknowledgedWriteSurvivesKillNineExactlyOnceAndStreamsResumeWithoutLoss() {
        try (ChildHost host = ChildHost.start(new ChildHost.Setup("crash-h2", dir.resolve("data"), Map.of()))) {
            new CrashScenario("H2", host).run();
        }
    }

    @Test
    void onPostgresEveryAcknowledgedWriteSurvivesKillNineExactlyOnceAndStreamsResumeWithoutLoss() throws Exception {
        try (EmbeddedPostgres pg = PostgresSupport.start();
                ChildHost host = ChildHost.start(new ChildHost.Setup("crash-postgres", dir.resolve("data"), Map.of(
                        "HOST_DB_URL", PostgresSupport.jdbcUrl(pg), "HOST_DB_USER", "postgres",
                        "HOST_DB_PASSWORD", "")))) {
            new CrashScenario("PostgreSQL", host).run();
        }
    }
}
