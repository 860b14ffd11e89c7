package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.host.HostConfig.JdbcSettings;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host on PostgreSQL while its database goes away and comes back. */
class DatabaseOutageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private EmbeddedPostgres pg;

    @AfterEach
    void stopPostgres() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "PostgreSQL refuses to run as root");
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    @Test
    void apiAnswers503WhileTheDatabaseIsDownAndRecoversByItself() throws IOException {
        int port = freePort();
        pg = startPostgres(port);
        HostConfig config = TestHost.config(dir,
                Optional.of(new JdbcSettings(PostgresSupport.jdbcUrl(pg), "postgres", "")), Optional.empty());
        try (HostStub host = HostStub.start(config, Clock.systemUTC())) {
            List<HostEvent> resyncs = new CopyOnWriteArrayList<>();
            host.events().subscribe(EventBus.RESYNC, resyncs::add);
            Http http = new Http(host.baseUrl());
            assertEquals(200, http.get("/plugins/chat-website/api/websites", TestHost.ADMIN_TOKEN).status());
            assertEquals(200, contacts(http).status());
            JsonNode health = http.get("/health", null).json();
            assertEquals("UP", health.get("status").asText());
            assertEquals("UP", health.get("database").asText());
            assertEquals(config.nodeId(), health.get("node").asText());

            pg.close();
            pg = null;

            assertUnavailable(http.get("/plugins/chat-website/api/websites", TestHost.ADMIN_TOKEN));
            assertUnavailable(contacts(http));
            Poll.until(DEADLINE, "/health says the database is down",
                    () -> "DOWN".equals(http.get("/health", null).json().get("database").asText()));
            Http.Reply down = http.get("/health", null);
            assertEquals(503, down.status());
            assertEquals("DOWN", down.json().get("status").asText());

            pg = startPostgres(port);

            Poll.until(DEADLINE, "the plugin's routes answer again",
                    () -> http.get("/plugins/chat-website/api/websites", TestHost.ADMIN_TOKEN).status() == 200);
            Poll.until(DEADLINE, "the host's routes answer again", () -> contacts(http).status() == 200);
            Poll.until(DEADLINE, "/health is UP again",
                    () -> "UP".equals(http.get("/health", null).json().get("status").asText()));
            Poll.until(DEADLINE, "the bus listens again and publishes RESYNC", () -> !resyncs.isEmpty());
        }
    }

    private static Http.Reply contacts(Http http) {
        return http.get("/api/contacts?field=email&value=nobody@example.com", TestHost.ADMIN_TOKEN);
    }

    private static void assertUnavailable(Http.Reply reply) {
        assertEquals(503, reply.status(), reply.body());
        assertEquals("database_unavailable", reply.json().get("error").asText());
        assertTrue(reply.json().get("message").asText().length() > 0);
        assertNotNull(reply.header("Retry-After"), "Retry-After");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
