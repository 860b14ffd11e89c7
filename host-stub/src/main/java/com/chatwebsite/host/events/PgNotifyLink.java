package com.chatwebsite.host.events;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.host.health.ThrottledLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries bus events between the nodes sharing one PostgreSQL, as doorbells: a sender thread
 * packs queued events into {@code pg_notify('host_events', …)} calls, and a listener thread on its
 * own connection ({@code LISTEN host_events}) delivers the other nodes' events here. When that
 * connection is lost it reconnects with backoff and publishes {@link EventBus#RESYNC} on this
 * node, since events may have been missed meanwhile.
 *
 * <p>Threads {@code host-bus-send} and {@code host-bus-listen}; {@link #close} stops them through a
 * flag and the timeouts of their waits, never by interrupting JDBC.
 */
public final class PgNotifyLink implements AutoCloseable {

    /** The PostgreSQL channel. */
    public static final String CHANNEL = "host_events";

    private static final Logger LOG = LoggerFactory.getLogger(PgNotifyLink.class);
    private static final int QUEUE_LIMIT = 10_000;
    private static final int MAX_EVENTS_PER_ROUND = 1_000;
    private static final long POLL_MILLIS = 250;
    private static final long CHECK_IDLE_MILLIS = 5_000;
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    /** Opens the listener's dedicated connection. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final String nodeId;
    private final DataSource pool;
    private final ConnectionOpener listenConnections;
    private final Clock clock;
    private final ThrottledLog throttled = new ThrottledLog(LOG, Duration.ofSeconds(30));
    private final LinkedBlockingQueue<HostEvent> outbox = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final Set<String> oversizedTopics = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean othersMissedEvents;
    private Consumer<HostEvent> local = e -> { };
    private Thread sender;
    private Thread listener;

    /**
     * A link, not yet started.
     *
     * @param nodeId this node's id, tagged on what it sends
     * @param pool where the sender gets connections
     * @param listenConnections opens the listener's own connection
     * @param clock the time of the {@link EventBus#RESYNC} events
     */
    public PgNotifyLink(String nodeId, DataSource pool, ConnectionOpener listenConnections, Clock clock) {
        this.nodeId = nodeId;
        this.pool = pool;
        this.listenConnections = listenConnections;
        this.clock = clock;
    }

    /**
     * Starts the threads.
     *
     * @param localDelivery delivers an event to this node's listeners
     */
    synchronized void start(Consumer<HostEvent> localDelivery) {
        if (running) {
            throw new IllegalStateException("started already");
        }
        local = localDelivery;
        running = true;
        sender = new Thread(this::sendLoop, "host-bus-send");
        listener = new Thread(this::listenLoop, "host-bus-listen");
        sender.setDaemon(true);
        listener.setDaemon(true);
        sender.start();
        listener.start();
    }

    /**
     * Queues an event for the other nodes; returns at once.
     *
     * @param event the event
     */
    void send(HostEvent event) {
        if (!outbox.offer(event)) {
            othersMissedEvents = true;
            throttled.warn("cluster bus: queue full, events dropped", "the other nodes will resync");
        }
    }

    private void sendLoop() {
        while (running) {
            HostEvent first;
            try {
                first = outbox.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first != null || othersMissedEvents) {
                sendRound(first);
            }
        }
        if (!outbox.isEmpty()) {
            sendRound(null); // what was published before close
        }
    }

    private void sendRound(HostEvent first) {
        List<HostEvent> batch = new ArrayList<>();
        if (first != null) {
            batch.add(first);
        }
        outbox.drainTo(batch, MAX_EVENTS_PER_ROUND);
        List<String> payloads = new ArrayList<>();
        boolean resync = othersMissedEvents;
        if (resync) {
            payloads.add(NotifyPayloads.resync(nodeId));
        }
        payloads.addAll(NotifyPayloads.encode(nodeId, batch, this::tooLarge));
        try (Connection c = pool.getConnection();
                PreparedStatement notify = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            for (String payload : payloads) {
                notify.setString(1, payload);
                notify.execute();
            }
            if (resync) {
                othersMissedEvents = false;
            }
        } catch (SQLException | RuntimeException e) {
            othersMissedEvents = true;
            throttled.warn("cluster bus: sending to the other nodes failed, " + batch.size() + " event(s) dropped",
                    String.valueOf(e.getMessage()));
        }
    }

    private void tooLarge(HostEvent event) {
        if (oversizedTopics.add(event.topic())) {
            LOG.warn("cluster bus: an event of {} is too large for one notification (or not JSON) and stays on "
                    + "this node; further ones of this topic are dropped without a line", event.topic());
        }
    }

    private void listenLoop() {
        Connection connection = null;
        boolean missed = false;
        long backoff = MIN_BACKOFF_MILLIS;
        long lastHeard = System.nanoTime();
        while (running) {
            if (connection == null) {
                try {
                    connection = listenConnections.open();
                    try (Statement s = connection.createStatement()) {
                        s.execute("LISTEN " + CHANNEL);
                    }
                } catch (SQLException | RuntimeException e) {
                    closeQuietly(connection);
                    connection = null;
                    missed = true;
                    throttled.warn("cluster bus: cannot listen, retrying", String.valueOf(e.getMessage()));
                    pause(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                    continue;
                }
                backoff = MIN_BACKOFF_MILLIS;
                lastHeard = System.nanoTime();
                if (missed) {
                    LOG.info("cluster bus: listening again; publishing {} on this node", EventBus.RESYNC);
                    resyncHere();
                    missed = false;
                }
            }
            try {
                PGNotification[] notifications = connection.unwrap(PGConnection.class)
                        .getNotifications((int) POLL_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    lastHeard = System.nanoTime();
                    for (PGNotification n : notifications) {
                        receive(n.getParameter());
                    }
                } else if (System.nanoTime() - lastHeard > CHECK_IDLE_MILLIS * 1_000_000) {
                    if (!connection.isValid(2)) {
                        throw new SQLException("the listen connection does not answer", "08006");
                    }
                    lastHeard = System.nanoTime();
                }
            } catch (SQLException e) {
                missed = true;
                throttled.warn("cluster bus: listen connection lost, reconnecting", String.valueOf(e.getMessage()));
                closeQuietly(connection);
                connection = null;
            }
        }
        closeQuietly(connection);
    }

    private void receive(String payload) {
        NotifyPayloads.Notification n;
        try {
            n = NotifyPayloads.decode(payload);
        } catch (IllegalArgumentException e) {
            throttled.warn("cluster bus: unreadable notification ignored", e.getMessage());
            return;
        }
        if (n.node().equals(nodeId)) {
            return;
        }
        if (n.resync()) {
            resyncHere();
        }
        n.events().forEach(local);
    }

    private void resyncHere() {
        local.accept(new HostEvent(EventBus.RESYNC, Map.of(), clock.instant()));
    }

    private void pause(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // the connection is gone already
            }
        }
    }

    /** Stops both threads, after the sender has tried to send what is queued. */
    @Override
    public void close() {
        Thread s;
        Thread l;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            s = sender;
            l = listener;
        }
        stopping.countDown();
        join(s);
        join(l);
    }

    private static void join(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("{} did not stop within 10 s", t.getName());
        }
    }
}
