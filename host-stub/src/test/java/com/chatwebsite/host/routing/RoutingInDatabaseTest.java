package com.chatwebsite.host.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.InteractionTopics;
import com.chatwebsite.api.host.OfferOutcome;
import com.chatwebsite.api.web.ServerSentEvent;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.contact.JdbcContactManager;
import com.chatwebsite.host.db.Database;
import com.chatwebsite.host.db.Jdbc;
import com.chatwebsite.host.events.HostEventBus;
import com.chatwebsite.host.routing.HostInteractionRouterTest.RecordingChannel;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing and the agents' event streams kept in the database: shared by several router instances
 * (the nodes of a cluster) and surviving a restart. Runs on H2 and on PostgreSQL.
 */
abstract class RoutingInDatabaseTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final List<Agent> AGENTS = List.of(new Agent("ann", "t1", 3), new Agent("ben", "t2", 2));

    final RecordingChannel channel = new RecordingChannel();
    final List<AgentEventLog> logs = new ArrayList<>();
    Database db;
    Jdbc jdbc;

    /** A fresh, migrated database. */
    abstract Database openDatabase() throws Exception;

    @BeforeEach
    void openDb() throws Exception {
        db = openDatabase();
        jdbc = new Jdbc(db.dataSource());
    }

    @AfterEach
    void closeDb() {
        logs.forEach(AgentEventLog::close);
        if (db != null) {
            db.close();
        }
    }

    /** One node: a router and an agent event log on its own bus, over the shared database. */
    record Node(HostInteractionRouter router, AgentEventLog log, HostEventBus bus) {
    }

    Node node() {
        HostEventBus bus = new HostEventBus();
        HostInteractionRouter router = new HostInteractionRouter(jdbc, AGENTS,
                id -> id.equals("chat") ? Optional.of(channel) : Optional.empty(), bus,
                new JdbcContactManager(jdbc, Clock.systemUTC()), Clock.systemUTC());
        AgentEventLog log = new AgentEventLog(jdbc, bus, Clock.systemUTC());
        bus.recorder(log);
        logs.add(log);
        return new Node(router, log, bus);
    }

    static InteractionOffer offer(String id) {
        return HostInteractionRouterTest.offer(id);
    }

    @Test
    void parallelAcceptsOnTwoNodesNeverExceedTheAgentsCapacity() throws Exception {
        Node a = node();
        Node b = node();
        a.router().setAvailable("ann", true);
        int offers = 12;
        for (int i = 0; i < offers; i++) {
            assertEquals(OfferOutcome.OFFERED, (i % 2 == 0 ? a : b).router().offer(offer("i" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(offers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < offers; i++) {
                String id = "i" + i;
                HostInteractionRouter router = (i % 2 == 0 ? a : b).router();
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        router.accept("ann", id);
                    } catch (InteractionException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, channel.accepted.size(), "the channel was asked only within ann's capacity of 3");
        assertEquals(offers - 3, refused.get());
        long held = b.router().interactionsOf("ann").stream().filter(RoutedInteraction::assigned).count();
        assertEquals(3, held);
        assertFalse(a.router().availableAgents().contains("ann"), "ann is full");
    }

    @Test
    void offersAndAssignmentsSurviveANewRouter() {
        Node before = node();
        before.router().setAvailable("ann", true);
        before.router().offer(offer("i1"));
        before.router().offer(offer("i2"));
        before.router().accept("ann", "i1");

        Node after = node();
        assertEquals(Optional.of("ann"), after.router().assignedAgent("i1"));
        assertEquals(List.of("i2"), after.router().openOffers().stream().map(InteractionOffer::interactionId).toList());
        assertTrue(after.router().isAvailable("ann"), "availability is kept too");
        assertEquals(OfferOutcome.OFFERED, after.router().offer(offer("i1")), "offering it again changes nothing");
        assertEquals(Optional.of("ann"), after.router().assignedAgent("i1"));
        assertFalse(after.router().resume(offer("i2"), "ben"), "already routed");
        assertTrue(after.router().resume(offer("i3"), "ben"));
        assertEquals(Optional.of("ben"), before.router().assignedAgent("i3"), "the other node sees it");
        after.router().finish("i1", "Solved");
        assertTrue(before.router().assignedAgent("i1").isEmpty());
    }

    @Test
    void aStreamResumedAfterARestartGetsExactlyTheMissedEventsWithTheSameIds() {
        Node first = node();
        first.router().setAvailable("ann", true);
        CollectingStream live = new CollectingStream();
        first.log().open("ann", live, Optional.empty());
        first.router().offer(offer("i1"));
        first.router().offer(offer("i2"));
        Poll.until(WAIT, "two offers", () -> live.size() == 2);
        String lastSeen = live.ids().get(1);
        live.close();
        first.log().close();

        Node second = node();
        second.router().withdraw("i1");
        second.router().accept("ann", "i2");
        second.router().offer(offer("i3"));

        CollectingStream resumed = new CollectingStream();
        second.log().open("ann", resumed, Optional.of(lastSeen));
        Poll.until(WAIT, "the missed events", () -> resumed.size() >= 2);
        assertEquals(List.of("withdrawn", "offered"), resumed.types(), "i1 withdrawn, i3 offered; nothing twice");
        assertEquals(List.of(next(lastSeen, 1), next(lastSeen, 2)), resumed.ids());

        CollectingStream fresh = new CollectingStream();
        second.log().open("ann", fresh, Optional.of("lx3k2a-17"));
        Poll.until(WAIT, "everything kept", () -> fresh.size() >= 4);
        assertEquals(live.ids(), fresh.ids().subList(0, 2), "the same ids as before the restart");
        assertEquals(resumed.ids(), fresh.ids().subList(2, 4));
    }

    @Test
    void eventsRecordedInATransactionThatRollsBackNeverAppear() throws Exception {
        Node n = node();
        assertTrue(n.router().resume(offer("i1"), "ann"));
        CollectingStream stream = new CollectingStream();
        n.log().open("ann", stream, Optional.empty());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            n.bus().record(c, List.of(message("i1", 1, "rolled back")));
            c.rollback();
        }
        jdbc.inTransaction(c -> {
            n.bus().record(c, List.of(message("i1", 2, "kept")));
            return null;
        });
        n.bus().publish(message("i1", 2, "kept"));
        Poll.until(WAIT, "the committed message", () -> stream.size() >= 1);
        HostEvent closed = new HostEvent(InteractionTopics.CLOSED, Map.of("interactionId", "i1",
                "disposition", "Solved"), Instant.now());
        jdbc.inTransaction(c -> {
            n.bus().record(c, List.of(closed));
            return null;
        });
        n.bus().publish(closed);
        Poll.until(WAIT, "the close", () -> stream.size() >= 2);
        List<ServerSentEvent> got = stream.sent();
        assertEquals(List.of("message", "closed"), stream.types(), "the published message was stored once");
        assertTrue(got.get(0).data().contains("\"kept\""));
        assertEquals(List.of("1", "2"), stream.ids(), "the rolled back event left no gap");
    }

    @Test
    void anEventCommittedWithoutADoorbellStillReachesAnOpenStream() {
        Node n = node();
        n.router().resume(offer("i1"), "ann");
        CollectingStream stream = new CollectingStream();
        n.log().open("ann", stream, Optional.empty());
        Node other = node();
        jdbc.inTransaction(c -> {
            other.bus().record(c, List.of(message("i1", 7, "from another node")));
            return null;
        });
        Poll.until(WAIT, "the safety catch-up delivers it", () -> stream.size() == 1);
        assertTrue(stream.sent().get(0).data().contains("from another node"));
    }

    @Test
    void closedGoesToTheNotifiedAgentsOnce() {
        Node n = node();
        n.router().setAvailable("ann", true);
        n.router().setAvailable("ben", true);
        n.router().offer(offer("i1"));
        CollectingStream ben = new CollectingStream();
        n.log().open("ben", ben, Optional.empty());
        Poll.until(WAIT, "ben's offer", () -> ben.size() == 1);
        HostEvent closed = new HostEvent(InteractionTopics.CLOSED, Map.of("interactionId", "i1",
                "disposition", "CustomerClosed"), Instant.now());
        jdbc.inTransaction(c -> {
            n.bus().record(c, List.of(closed));
            return null;
        });
        n.bus().publish(closed);
        n.router().finish("i1", "CustomerClosed");
        n.router().offer(offer("i2"));
        Poll.until(WAIT, "ben's next offer", () -> ben.size() >= 3);
        assertEquals(List.of("offered", "closed", "offered"), ben.types(),
                "the published close was stored once, and finishing withdrew nothing more");
    }

    @Test
    void pruningKeepsOnlyTheLastEventsOfEachAgentAndNoneTooOld() {
        Node n = node();
        AgentEventStore store = new AgentEventStore();
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        Instant now = Instant.now();
        jdbc.inTransaction(c -> {
            store.append(c, "ben", "message", Optional.empty(), Map.of("n", 0), old);
            for (int i = 1; i <= 5; i++) {
                store.append(c, "ann", "message", Optional.empty(), Map.of("n", i), now);
            }
            return null;
        });
        int deleted = jdbc.inTransaction(c -> store.prune(c, now.minus(AgentEventLog.MAX_AGE), 3));
        assertEquals(3, deleted, "ben's old event and ann's first two");
        CollectingStream ann = new CollectingStream();
        n.log().open("ann", ann, Optional.empty());
        Poll.until(WAIT, "what is kept", () -> ann.size() == 3);
        assertEquals(List.of("3", "4", "5"), ann.ids());
    }

    private static HostEvent message(String interactionId, long seq, String text) {
        return new HostEvent(InteractionTopics.MESSAGE, Map.of("interactionId", interactionId, "seq", seq,
                "from", "customer", "text", text, "at", Instant.now().toString()), Instant.now());
    }

    private static String next(String id, int plus) {
        return Long.toString(Long.parseLong(id) + plus);
    }
}
