package com.chatwebsite.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.PostgresSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes' buses on one real PostgreSQL, as two hosts of a cluster have them. */
class ClusterBusTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    static EmbeddedPostgres pg;

    private HostEventBus a;
    private HostEventBus b;
    private final List<HostEvent> heardByA = new CopyOnWriteArrayList<>();
    private final List<HostEvent> heardByB = new CopyOnWriteArrayList<>();

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

    @BeforeEach
    void twoNodes() {
        a = node("node-a", heardByA);
        b = node("node-b", heardByB);
        Poll.until(DEADLINE, "both nodes listen", () -> listeners() == 2);
    }

    @AfterEach
    void stopNodes() {
        a.close();
        b.close();
    }

    private HostEventBus node(String id, List<HostEvent> heard) {
        DataSource pool = pg.getPostgresDatabase();
        String url = PostgresSupport.jdbcUrl(pg) + "&ApplicationName=listen-" + id;
        HostEventBus bus = new HostEventBus();
        bus.subscribe("test.*", heard::add);
        bus.subscribe(EventBus.RESYNC, heard::add);
        bus.join(new PgNotifyLink(id, pool, () -> DriverManager.getConnection(url), Clock.systemUTC()));
        return bus;
    }

    @Test
    void anEventReachesTheOtherNodeOnceAndIsNotEchoed() {
        a.publish(new HostEvent("test.ping", Map.of("seq", 7, "id", "s-1"), Instant.parse("2025-01-02T03:04:05Z")));
        assertEquals(1, heardByA.size(), "delivered locally at once, on the publisher's thread");

        Poll.until(DEADLINE, "node-b hears the ping", () -> !heardByB.isEmpty());
        HostEvent got = heardByB.get(0);
        assertEquals("test.ping", got.topic());
        assertEquals(7, ((Number) got.data().get("seq")).intValue());
        assertEquals("s-1", got.data().get("id"));
        assertEquals(Instant.parse("2025-01-02T03:04:05Z"), got.at());

        b.publish(new HostEvent("test.pong", Map.of(), Instant.now()));
        Poll.until(DEADLINE, "node-a hears the pong", () -> heardByA.size() == 2);
        assertEquals("test.pong", heardByA.get(1).topic());
        assertEquals(List.of("test.ping", "test.pong"), heardByB.stream().map(HostEvent::topic).toList(),
                "node-b got its own pong once, locally, and no echo of it");
    }

    @Test
    void manyEventsArriveInOrder() {
        for (int i = 0; i < 500; i++) {
            a.publish(new HostEvent("test.n", Map.of("i", i), Instant.now()));
        }
        Poll.until(DEADLINE, "node-b hears all 500", () -> heardByB.size() >= 500);
        for (int i = 0; i < 500; i++) {
            assertEquals(i, ((Number) heardByB.get(i).data().get("i")).intValue());
        }
    }

    @Test
    void aNodeWhoseListenConnectionIsKilledReconnectsAndResyncs() throws SQLException {
        assertEquals(1, terminate("listen-node-b"));
        Poll.until(DEADLINE, "node-b publishes RESYNC after reconnecting",
                () -> heardByB.stream().anyMatch(e -> e.topic().equals(EventBus.RESYNC)));
        assertTrue(heardByA.stream().noneMatch(e -> e.topic().equals(EventBus.RESYNC)), "only node-b resyncs");

        Poll.until(DEADLINE, "node-b listens again", () -> listeners() == 2);
        a.publish(new HostEvent("test.after", Map.of(), Instant.now()));
        Poll.until(DEADLINE, "node-b hears events again",
                () -> heardByB.stream().anyMatch(e -> e.topic().equals("test.after")));
    }

    private static int terminate(String applicationName) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = '" + applicationName + "'")) {
            int n = 0;
            while (rs.next()) {
                n += rs.getBoolean(1) ? 1 : 0;
            }
            return n;
        }
    }

    private static int listeners() {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE application_name LIKE 'listen-node-%'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
