package com.chatwebsite.plugin.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.plugin.store.Db;
import com.chatwebsite.plugin.store.JdbcEventLogStore;
import com.chatwebsite.plugin.store.PluginMigrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' event logs on one database: a stream on node B gets what node A writes from the
 * database by sequence, mixed with what B writes itself, each event once and in order.
 */
class SessionFeedsTest {

    private static final String SESSION = "11111111-1111-1111-1111-111111111111";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private JdbcEventLogStore store;
    private final List<EventLog> logs = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
        new PluginMigrations(h2, PluginMigrations.class.getClassLoader()).migrate();
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO cw_website (id, public_key, name, config, created_at, updated_at) VALUES "
                    + "('w1', 'k1', 'Shop', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO cw_session (id, website_id, token_hash, state, form_fields, variables, last_seq, "
                    + "created_at, last_activity_at) VALUES ('" + SESSION + "', 'w1', 'h', 'active', '{}', '{}', 0, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO cw_session_head (session_id, last_seq, last_activity_at) VALUES ('" + SESSION
                    + "', 0, CURRENT_TIMESTAMP)");
        }
        store = new JdbcEventLogStore(new Db(h2), new NoBus());
    }

    @AfterEach
    void close() {
        logs.forEach(EventLog::close);
    }

    /** One node: its feeds hear its own commits directly, and other nodes' only by doorbell. */
    private record Node(EventLog log, SessionFeeds feeds) {
        long write(String text) {
            return log.append(SESSION, Optional.empty(), (s, now) -> new EventLog.Decision(
                    List.of(NewEvent.system(text)), s, true)).events().get(0).seq();
        }
    }

    private Node node(String name) {
        SessionFeeds feeds = new SessionFeeds(store);
        EventLog log = new EventLog(store, Clock.systemUTC(),
                (events, forHost) -> events.forEach(feeds::committed), "test-" + name);
        logs.add(log);
        return new Node(log, feeds);
    }

    @Test
    void aStreamGetsAnotherNodesEventsFromTheDatabaseBetweenItsOwn() throws Exception {
        Node a = node("a");
        Node b = node("b");
        List<Long> got = Collections.synchronizedList(new ArrayList<>());
        b.feeds().subscribe(SESSION, 0, e -> got.add(e.seq()));

        long first = b.write("from b"); // cached on b
        long second = a.write("from a"); // only in the database, as far as b knows
        b.feeds().advanced(SESSION, second); // a's doorbell
        until(() -> got.size() == 2); // with nothing more written on b
        long third = b.write("from b again");
        until(() -> got.size() == 3);
        assertEquals(List.of(first, second, third), got);
    }

    @Test
    void aLostDoorbellIsMadeUpByTheCheckOfTheHeads() throws Exception {
        Node a = node("a");
        Node b = node("b");
        List<Long> got = Collections.synchronizedList(new ArrayList<>());
        b.feeds().subscribe(SESSION, 0, e -> got.add(e.seq()));
        long written = a.write("doorbell lost");
        b.feeds().checkAll();
        until(() -> got.size() == 1);
        assertEquals(List.of(written), got);
    }

    @Test
    void aStreamThatResumesGetsWhatItMissedOnceInOrder() throws Exception {
        Node a = node("a");
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(a.write("m" + i));
        }
        Node b = node("b");
        List<Long> got = Collections.synchronizedList(new ArrayList<>());
        b.feeds().subscribe(SESSION, written.get(1), e -> got.add(e.seq()));
        written.add(b.write("live"));
        until(() -> got.size() == 4);
        assertEquals(written.subList(2, 6), got);
    }

    private static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT);
            }
            Thread.sleep(10); // polling with a deadline
        }
    }

    private static final class NoBus implements EventBus {
        @Override
        public void publish(HostEvent event) {
        }

        @Override
        public Subscription subscribe(String topic, Consumer<HostEvent> listener) {
            return () -> { };
        }
    }
}
