package com.chatwebsite.plugin.session;

import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.InteractionTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions' event logs, written with group commit: every change to a session (a message, an
 * accept, a close) is queued, and a writer thread stores a batch of them from many sessions in
 * one transaction, so one commit (one fsync) makes the whole batch durable. Each caller waits for
 * the commit of its batch: what it returns is durable.
 *
 * <p>Inside the transaction the writer locks the heads of the batch's sessions in sorted order, so
 * writers on several nodes serialize per session and never deadlock; the head's sequence number
 * numbers the events, so a number is never given twice. After the commit the callers are answered
 * and the stored events go to the {@link Committed} sink (streams, bus) on a publisher thread, batch
 * after batch, so each session's events arrive in sequence order.
 */
public final class EventLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final int MAX_BATCH = 512;
    private static final int MAX_QUEUED = 100_000;
    private static final long POLL_MILLIS = 100;
    private static final int LINGER_BELOW = 8;
    private static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(
            Long.getLong("chat-website.commit-linger-micros", 1_000));

    /** What one request does to its session, decided inside the writer's transaction. */
    @FunctionalInterface
    public interface Change {
        /**
         * Decides the change against the session as it is now.
         *
         * @param current the session's status, under its head lock
         * @param now the time of the batch
         * @return what to store
         * @throws ChatException to refuse (nothing of this request is stored)
         */
        Decision decide(SessionStatus current, Instant now);
    }

    /**
     * What a change stores.
     *
     * @param events events to append, in order
     * @param status the session's status afterwards
     * @param activity whether the events count as the chat's activity (for the timeout)
     */
    public record Decision(List<NewEvent> events, SessionStatus status, boolean activity) {
        public Decision {
            events = List.copyOf(events);
        }
    }

    /**
     * The outcome of a request.
     *
     * @param events the stored events (for an idempotent retry, the message stored the first time)
     */
    public record Appended(List<SessionEvent> events) {
    }

    /**
     * A sender's idempotency key.
     *
     * @param sender who sends
     * @param clientMessageId the sender's id
     */
    public record Key(String sender, String clientMessageId) {
    }

    /** Receives what a batch stored, after its commit, on the lane's publisher thread. */
    public interface Committed {
        /**
         * Called once per committed batch.
         *
         * @param events the batch's events, grouped by session, each session's in sequence order
         * @param forHost the events recorded for the host's agents, to publish as doorbells
         */
        void committed(Map<String, List<SessionEvent>> events, List<HostEvent> forHost);
    }

    private record Request(String sessionId, Optional<EventLogStore.MessageKey> key, Change change,
            CompletableFuture<Appended> done) {
    }

    private final EventLogStore store;
    private final Clock clock;
    private final Committed sink;
    private final List<BlockingQueue<Request>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private final List<ExecutorService> publishers = new ArrayList<>();
    private volatile boolean running = true;

    public EventLog(EventLogStore store, Clock clock, Committed sink, String threadName) {
        this(store, clock, sink, threadName, 1);
    }

    /**
     * A log with several writer lanes: each session's changes always go to the same lane (so they
     * stay in order), and the lanes commit in parallel on their own connections.
     *
     * @param store the storage
     * @param clock the time source
     * @param sink receives what each batch stored
     * @param threadName the writer threads' name
     * @param lanes how many writers
     */
    public EventLog(EventLogStore store, Clock clock, Committed sink, String threadName, int lanes) {
        this.store = store;
        this.clock = clock;
        this.sink = sink;
        for (int lane = 0; lane < lanes; lane++) {
            String name = threadName + (lanes == 1 ? "" : "-" + lane);
            queues.add(new LinkedBlockingQueue<>(MAX_QUEUED / lanes));
            publishers.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name + "-publisher");
                t.setDaemon(true);
                return t;
            }));
            int index = lane;
            Thread writer = new Thread(() -> run(index), name);
            writer.setDaemon(true);
            writers.add(writer);
        }
        writers.forEach(Thread::start);
    }

    /**
     * Applies a change to a session and waits until it is durable.
     *
     * @param sessionId the session
     * @param key an idempotency key: if a message with it is stored, that message is the result
     * @param change the change
     * @return what was stored
     * @throws ChatException when the change is refused, or the session does not exist
     * @throws RuntimeException a database failure (nothing was stored)
     */
    public Appended append(String sessionId, Optional<Key> key, Change change) {
        Request r = new Request(sessionId,
                key.map(k -> new EventLogStore.MessageKey(sessionId, k.sender(), k.clientMessageId())), change,
                new CompletableFuture<>());
        if (!running) {
            throw new ChatException(Kind.UNAVAILABLE, "stopping", "The chat service is stopping.");
        }
        if (!queues.get(Math.floorMod(sessionId.hashCode(), queues.size())).offer(r)) {
            throw new ChatException(Kind.UNAVAILABLE, "overloaded", "Too many writes are queued.");
        }
        try {
            return r.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private void run(int lane) {
        BlockingQueue<Request> queue = queues.get(lane);
        ExecutorService publisher = publishers.get(lane);
        List<Request> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            Request first;
            try {
                first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            if (batch.size() < LINGER_BELOW) {
                linger(queue, batch);
            }
            try {
                commit(batch, publisher);
            } catch (RuntimeException | Error e) {
                LOG.error("the event log writer failed on a batch", e);
                batch.forEach(r -> r.done().completeExceptionally(e));
            }
            batch.clear();
        }
        Request left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new ChatException(Kind.UNAVAILABLE, "stopping",
                    "The chat service is stopping."));
        }
    }

    /**
     * A commit costs about the same for one change as for dozens (the database writes its changed
     * pages once per commit), so a small batch waits up to {@link #LINGER_NANOS} for company, as
     * PostgreSQL's {@code commit_delay} does.
     */
    private void linger(BlockingQueue<Request> queue, List<Request> batch) {
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < LINGER_BELOW) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Request next;
            try {
                next = queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void commit(List<Request> batch, ExecutorService publisher) {
        Result result;
        try {
            // A batch does not look its idempotency keys up: the unique index refuses a repeated key,
            // and then each request goes alone, looking its key up first.
            boolean lookUp = batch.size() == 1;
            result = store.inTransaction(tx -> apply(tx, batch, lookUp));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            // A repeated key or one bad request broke the batch (or it lost a deadlock): each goes alone.
            for (Request r : batch) {
                commit(List.of(r), publisher);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Object o = result.outcomes()[i];
            if (o instanceof Appended a) {
                batch.get(i).done().complete(a);
            } else {
                batch.get(i).done().completeExceptionally((RuntimeException) o);
            }
        }
        if (!result.events().isEmpty() || !result.forHost().isEmpty()) {
            // Delivery runs beside the next batch's transaction, batches in commit order.
            try {
                publisher.execute(() -> {
                    try {
                        sink.committed(result.events(), result.forHost());
                    } catch (RuntimeException e) {
                        LOG.warn("delivering committed events failed; streams catch up from the database", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                // Stopped past its grace: the batch is stored all the same, and streams read it from the database.
                LOG.debug("the event log stopped before delivering a committed batch", e);
            }
        }
    }

    private record Result(Object[] outcomes, Map<String, List<SessionEvent>> events, List<HostEvent> forHost) {
    }

    private Result apply(EventLogStore.Tx tx, List<Request> batch, boolean lookUpKeys) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(new TreeSet<>(batch.stream().map(Request::sessionId).toList()));
        Map<String, Long> heads = new HashMap<>(tx.lockHeads(ids));
        Map<String, SessionStatus> statuses = new HashMap<>(tx.statuses(heads.keySet()));
        Map<EventLogStore.MessageKey, SessionEvent> keyed = new HashMap<>(tx.byClientMessageIds(batch.stream()
                .filter(r -> lookUpKeys)
                .flatMap(r -> r.key().stream())
                .toList()));
        List<EventLogStore.Stored> inserts = new ArrayList<>();
        Map<String, EventLogStore.Head> headUpdates = new LinkedHashMap<>();
        Map<String, SessionStatus> statusUpdates = new LinkedHashMap<>();
        Map<String, List<SessionEvent>> byId = new LinkedHashMap<>();
        List<HostEvent> forHost = new ArrayList<>();
        Object[] outcomes = new Object[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Request r = batch.get(i);
            String id = r.sessionId();
            try {
                if (!heads.containsKey(id)) {
                    throw new ChatException(Kind.NOT_FOUND, "session_not_found", "No such session.");
                }
                SessionStatus before = statuses.get(id);
                Optional<EventLogStore.MessageKey> key = r.key();
                if (key.isPresent() && keyed.containsKey(key.get())) {
                    outcomes[i] = new Appended(List.of(keyed.get(key.get())));
                    continue;
                }
                Decision d = r.change().decide(before, now);
                long seq = heads.get(id);
                List<SessionEvent> stored = new ArrayList<>();
                for (NewEvent e : d.events()) {
                    seq++;
                    Map<String, Object> data = new LinkedHashMap<>(e.data());
                    if (e.type().equals(SessionEvent.MESSAGE)) {
                        data.put("seq", seq);
                        data.put("at", now.toString());
                    }
                    SessionEvent se = new SessionEvent(id, seq, e.type(), data, now);
                    stored.add(se);
                    inserts.add(new EventLogStore.Stored(se, e.sender(), e.clientMessageId()));
                    if (se.type().equals(SessionEvent.MESSAGE)) {
                        Map<String, Object> hostData = new LinkedHashMap<>(data);
                        hostData.put("interactionId", id);
                        forHost.add(new HostEvent(InteractionTopics.MESSAGE, hostData, now));
                    }
                }
                heads.put(id, seq);
                EventLogStore.Head previous = headUpdates.get(id);
                Optional<Instant> activity = d.activity() ? Optional.of(now)
                        : previous == null ? Optional.empty() : previous.activityAt();
                headUpdates.put(id, new EventLogStore.Head(seq, activity));
                if (!d.status().equals(before)) {
                    statuses.put(id, d.status());
                    statusUpdates.put(id, d.status());
                    if (before.isOpen() && !d.status().isOpen()) {
                        forHost.add(new HostEvent(InteractionTopics.CLOSED, Map.of("interactionId", id,
                                "disposition", d.status().disposition().orElse("")), now));
                    }
                }
                if (key.isPresent() && !stored.isEmpty()) {
                    keyed.put(key.get(), stored.get(0)); // a retry in the same batch gets this one
                }
                byId.computeIfAbsent(id, k -> new ArrayList<>()).addAll(stored);
                outcomes[i] = new Appended(List.copyOf(stored));
            } catch (ChatException e) {
                outcomes[i] = e;
            }
        }
        tx.insert(inserts);
        tx.advanceHeads(headUpdates);
        statusUpdates.forEach(tx::updateStatus);
        tx.recordForHost(forHost);
        return new Result(outcomes, byId, forHost);
    }

    /** Stops taking changes, lets the writers finish what is queued, and waits up to 10 s for them (no interrupt). */
    @Override
    public void close() {
        List<String> running = close(Duration.ofSeconds(10));
        if (!running.isEmpty()) {
            LOG.warn("the event log's {} did not stop within 10 s; they end by themselves", running);
        }
    }

    /**
     * Stops taking changes (an append from now on is refused as {@code stopping}), then waits, up to
     * {@code grace} in all, for the writers to store what is queued and for the publishers to deliver
     * what was committed. Nothing is interrupted: a writer may be inside the host's database, and an
     * interrupt there can break the host's connection or file.
     *
     * @param grace how long to wait in all
     * @return the names of the threads still running when the grace ran out (empty when all ended)
     */
    public List<String> close(Duration grace) {
        running = false;
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> late = new ArrayList<>();
        for (Thread writer : writers) {
            try {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (writer.isAlive()) {
                late.add(writer.getName());
            }
        }
        publishers.forEach(ExecutorService::shutdown); // each delivers what was committed, then ends
        for (int lane = 0; lane < publishers.size(); lane++) {
            try {
                if (!publishers.get(lane).awaitTermination(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS)) {
                    late.add(writers.get(lane).getName() + "-publisher");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                late.add(writers.get(lane).getName() + "-publisher");
            }
        }
        return late;
    }
}
