package com.chatwebsite.host.routing;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.InteractionTopics;
import com.chatwebsite.api.web.EventStream;
import com.chatwebsite.api.web.ServerSentEvent;
import com.chatwebsite.host.db.Jdbc;
import com.chatwebsite.host.events.EventRecorder;
import com.chatwebsite.host.routing.AgentEventStore.StoredEvent;
import com.chatwebsite.host.routing.RoutingStore.Routed;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each agent's event stream: {@code offered}, {@code withdrawn}, {@code message} and
 * {@code closed}, numbered per agent in the database ({@code host_agent_event}), so ids stay valid
 * across restarts and on every node.
 *
 * <p>The router appends {@code offered} and {@code withdrawn} in its transactions; this log
 * {@linkplain #record records} {@code message} (for the holder) and {@code closed} (for the
 * notified agents and the holder) in the chat channel's transaction. Open streams are fed only by
 * reading the database by sequence: bus events ring the doorbell (coalesced into one catch-up at a
 * time), and a catch-up also runs every {@link #SAFETY_PERIOD}, so an event committed on another
 * node or without a doorbell still arrives. The last {@link #KEPT} events of each agent, at most
 * {@link #MAX_AGE} old, are kept.
 *
 * <p>The customer's {@code read} receipts are recorded like messages, for the holder. The
 * customer's {@code typing} is live only: the bus brings it to every node, and each sends it to the
 * holder's streams open there as an event without an id, never stored nor replayed.
 */
public final class AgentEventLog implements EventRecorder {

    static final int KEPT = 5_000;
    static final Duration MAX_AGE = Duration.ofDays(1);
    static final Duration SAFETY_PERIOD = Duration.ofSeconds(1);
    private static final Duration PRUNE_PERIOD = Duration.ofMinutes(10);
    private static final int PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AgentEventLog.class);

    private final Jdbc jdbc;
    private final Clock clock;
    private final RoutingStore routing = new RoutingStore();
    private final AgentEventStore store = new AgentEventStore();
    private final Map<String, Set<Reader>> readers = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-events");
        t.setDaemon(true);
        return t;
    });
    private final List<EventBus.Subscription> subscriptions;

    /** An open stream and the last sequence number it got; only the worker thread sends to it. */
    private static final class Reader {
        final EventStream stream;
        long delivered;

        Reader(EventStream stream, long delivered) {
            this.stream = stream;
            this.delivered = delivered;
        }
    }

    public AgentEventLog(Jdbc jdbc, EventBus events, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.subscriptions = List.of(
                events.subscribe(HostInteractionRouter.OFFERED_TOPIC, e -> ring()),
                events.subscribe(HostInteractionRouter.OFFER_GONE_TOPIC, e -> ring()),
                events.subscribe(HostInteractionRouter.AVAILABILITY_TOPIC, e -> ring()),
                events.subscribe(EventBus.RESYNC, e -> ring()),
                events.subscribe(InteractionTopics.MESSAGE, e -> ring()),
                events.subscribe(InteractionTopics.CLOSED, e -> ring()),
                events.subscribe(InteractionTopics.READ, e -> ring()),
                events.subscribe(InteractionTopics.TYPING, this::typing));
        long safety = SAFETY_PERIOD.toMillis();
        worker.scheduleWithFixedDelay(this::ring, safety, safety, TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::prune, PRUNE_PERIOD.toMillis(), PRUNE_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Opens an agent's stream: replays the events after {@code lastEventId} that are still kept
     * (all of them for an id that is not a sequence number), then stays live.
     *
     * @param agent the agent
     * @param stream the stream
     * @param lastEventId the last id the console has
     */
    public void open(String agent, EventStream stream, Optional<String> lastEventId) {
        Reader reader = new Reader(stream, lastEventId.map(AgentEventLog::parse).orElse(0L));
        readers.compute(agent, (a, set) -> {
            Set<Reader> out = set == null ? ConcurrentHashMap.newKeySet() : set;
            out.add(reader);
            return out;
        });
        stream.onClose(() -> readers.computeIfPresent(agent, (a, set) -> {
            set.remove(reader);
            return set.isEmpty() ? null : set;
        }));
        ring();
    }

    /**
     * Stores {@code message} events for the agent who holds the interaction and {@code closed}
     * events for the agents notified of it and its holder, who are then notified no more. Locks the
     * interactions' routing rows, then the agents' rows, each in name order.
     */
    @Override
    public void record(Connection transaction, List<HostEvent> events) throws SQLException {
        store(transaction, events);
    }

    private void store(Connection c, List<HostEvent> events) throws SQLException {
        List<HostEvent> kept = events.stream()
                .filter(e -> e.topic().equals(InteractionTopics.MESSAGE) || e.topic().equals(InteractionTopics.CLOSED)
                        || e.topic().equals(InteractionTopics.READ))
                .filter(e -> e.data().get("interactionId") instanceof String)
                .toList();
        if (kept.isEmpty()) {
            return;
        }
        // A close changes who is notified, so its routing row is locked; a message only reads the holder.
        TreeSet<String> closing = new TreeSet<>();
        TreeSet<String> writing = new TreeSet<>();
        for (HostEvent e : kept) {
            (e.topic().equals(InteractionTopics.CLOSED) ? closing : writing).add(interactionId(e));
        }
        writing.removeAll(closing);
        Map<String, String> holders = new HashMap<>(routing.holders(c, closing, true));
        holders.putAll(routing.holders(c, writing, false));
        Map<String, TreeSet<String>> notified = new HashMap<>();
        for (String id : closing) {
            notified.put(id, routing.notified(c, id));
        }
        Map<String, List<AgentEventStore.NewAgentEvent>> byAgent = new TreeMap<>(); // agents locked in name order
        for (HostEvent e : kept) {
            String id = interactionId(e);
            boolean closed = e.topic().equals(InteractionTopics.CLOSED);
            Set<String> to = new LinkedHashSet<>(closed ? notified.get(id) : Set.of());
            Optional.ofNullable(holders.get(id)).ifPresent(to::add);
            for (String agent : to) {
                byAgent.computeIfAbsent(agent, a -> new ArrayList<>())
                        .add(new AgentEventStore.NewAgentEvent(type(e), key(e), e.data()));
            }
        }
        for (Map.Entry<String, List<AgentEventStore.NewAgentEvent>> a : byAgent.entrySet()) {
            store.appendAll(c, a.getKey(), a.getValue(), kept.get(0).at());
        }
        for (String id : closing) {
            routing.clearNotified(c, id);
        }
    }

    private static String type(HostEvent e) {
        return switch (e.topic()) {
            case InteractionTopics.CLOSED -> "closed";
            case InteractionTopics.READ -> "read";
            default -> "message";
        };
    }

    /** Identifies a message by interaction and sequence, a close by interaction, a receipt by both seen sequences. */
    private static Optional<String> key(HostEvent e) {
        if (e.topic().equals(InteractionTopics.CLOSED)) {
            return Optional.of("closed:" + interactionId(e));
        }
        if (e.topic().equals(InteractionTopics.READ)) {
            return e.data().get("customerReadSeq") instanceof Number n
                    ? Optional.of("read:" + interactionId(e) + ":" + n.longValue() + ":"
                            + e.data().get("agentReadSeq")) : Optional.empty();
        }
        return e.data().get("seq") instanceof Number n
                ? Optional.of("message:" + interactionId(e) + ":" + n.longValue()) : Optional.empty();
    }

    /**
     * The customer's typing, from the bus (any node): sent on the worker thread to the streams of
     * the interaction's holder open on this node, without an id.
     */
    private void typing(HostEvent e) {
        if (!(e.data().get("interactionId") instanceof String id) || !(e.data().get("typing") instanceof Boolean on)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interactionId", id);
        data.put("typing", on);
        if (e.data().get("draft") instanceof String draft) {
            data.put("draft", draft);
        }
        try {
            worker.execute(() -> sendTyping(id, data));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // stopping
        }
    }

    private void sendTyping(String interactionId, Map<String, Object> data) {
        if (readers.isEmpty()) {
            return;
        }
        try {
            String holder = jdbc.inTransaction(c -> routing.holders(c, List.of(interactionId), false)).get(interactionId);
            Set<Reader> set = holder == null ? null : readers.get(holder);
            if (set == null) {
                return;
            }
            ServerSentEvent sse = new ServerSentEvent(Optional.empty(), Optional.of("typing"), AgentEventStore.json(data));
            set.forEach(r -> r.stream.send(sse));
        } catch (RuntimeException ex) {
            LOG.debug("typing not delivered", ex); // live only: the next one comes within seconds
        }
    }

    /** Asks for a catch-up of the open streams; at most one runs at a time, and one more if rung meanwhile. */
    private void ring() {
        dirty.set(true);
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false); // closed
            }
        }
    }

    private void drain() {
        try {
            while (dirty.getAndSet(false)) {
                catchUp();
            }
        } catch (RuntimeException e) {
            LOG.warn("agent streams could not catch up; retrying within {}", SAFETY_PERIOD, e);
        } finally {
            scheduled.set(false);
            if (dirty.get()) {
                ring();
            }
        }
    }

    private void catchUp() {
        // streams taken before the heads are read, so an id a stream got is never above its head
        Map<String, List<Reader>> open = new LinkedHashMap<>();
        readers.forEach((agent, set) -> open.put(agent, new ArrayList<>(set)));
        if (open.isEmpty()) {
            return;
        }
        Map<String, Long> heads = jdbc.inTransaction(store::lastSeqs);
        open.forEach((agent, set) -> {
            long head = heads.getOrDefault(agent, 0L);
            long from = Long.MAX_VALUE;
            for (Reader r : set) {
                if (r.delivered > head) {
                    r.delivered = 0; // an id this database never gave: replay what is kept
                }
                from = Math.min(from, r.delivered);
            }
            while (from < head && !set.isEmpty()) {
                long after = from;
                List<StoredEvent> page = jdbc.inTransaction(c -> store.between(c, agent, after, head, PAGE));
                if (page.isEmpty()) {
                    break;
                }
                for (StoredEvent e : page) {
                    ServerSentEvent sse = ServerSentEvent.of(Long.toString(e.seq()), e.type(), e.payload());
                    for (Reader r : set) {
                        if (e.seq() > r.delivered && r.stream.send(sse)) {
                            r.delivered = e.seq();
                        }
                    }
                }
                from = page.get(page.size() - 1).seq();
            }
        });
    }

    private void prune() {
        try {
            int deleted = jdbc.inTransaction(c -> store.prune(c, clock.instant().minus(MAX_AGE), KEPT));
            LOG.debug("pruned {} agent events", deleted);
        } catch (RuntimeException e) {
            LOG.warn("could not prune agent events", e);
        }
    }

    /** Stops listening to the bus and feeding streams. */
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String interactionId(HostEvent e) {
        return (String) e.data().get("interactionId");
    }

    private static long parse(String id) {
        try {
            return Math.max(0, Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
