package com.chatwebsite.plugin.session;

import com.chatwebsite.plugin.error.ThrottledWarning;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers' open event streams on this node, fed by sequence number from the database.
 *
 * <p>Each stream has a cursor: the last sequence number it got. Whatever says that a session's log
 * grew (this node's writer after a commit, another node's doorbell, the periodic check) only moves
 * the session's known head; the stream then catches up from the log by sequence, reading recent
 * events from a small cache and anything else from the database. So a stream gets every committed
 * event once and in order, whoever wrote it and whichever node it is on. Memory is only a cache.
 */
public final class SessionFeeds {

    /** Receives a session's events. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Takes an event; must not block.
         *
         * @param event the event
         * @return false to stop listening (the stream is gone)
         */
        boolean deliver(SessionEvent event);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionFeeds.class);
    private static final int CACHED = 32;
    private static final int READ_LIMIT = 1_000;
    private static final ThrottledWarning CATCH_UP_FAILED =
            new ThrottledWarning(LOG, "a customer stream's catch-up", Duration.ofSeconds(30));

    private final EventLogStore store;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

    public SessionFeeds(EventLogStore store) {
        this.store = store;
    }

    private static final class Cursor {
        final Listener listener;
        long last;

        Cursor(Listener listener, long last) {
            this.listener = listener;
            this.last = last;
        }
    }

    private final class Feed {
        final String sessionId;
        final ReentrantLock lock = new ReentrantLock();
        final List<Cursor> cursors = new CopyOnWriteArrayList<>();
        final AtomicLong known = new AtomicLong();
        private ArrayDeque<SessionEvent> recent; // guarded by this

        Feed(String sessionId) {
            this.sessionId = sessionId;
        }

        synchronized void remember(List<SessionEvent> events) {
            if (recent == null) {
                recent = new ArrayDeque<>();
            }
            for (SessionEvent e : events) {
                if (recent.isEmpty() || e.seq() == recent.peekLast().seq() + 1) {
                    recent.addLast(e);
                } else if (e.seq() > recent.peekLast().seq()) {
                    recent.clear(); // a gap: the rest comes from the database
                    recent.addLast(e);
                }
            }
            while (recent.size() > CACHED) {
                recent.removeFirst();
            }
        }

        /**
         * The cached events after {@code after} up to at least {@code target}, or null when the cache
         * lacks any of them (events another node wrote are never cached: they come from the database).
         */
        synchronized List<SessionEvent> cachedAfter(long after, long target) {
            if (recent == null || recent.isEmpty() || recent.peekFirst().seq() > after + 1
                    || recent.peekLast().seq() < target) {
                return null;
            }
            List<SessionEvent> out = new ArrayList<>();
            for (SessionEvent e : recent) {
                if (e.seq() > after) {
                    out.add(e);
                }
            }
            return out;
        }

        void moveKnown(long seq) {
            known.accumulateAndGet(seq, Math::max);
        }

        /** Brings every cursor up to the known head; only one thread at a time, others leave it work. */
        void drain() {
            while (true) {
                if (!lock.tryLock()) {
                    return; // the holder sees the new head when it re-checks
                }
                long target;
                try {
                    target = known.get();
                    catchUp(target);
                } finally {
                    lock.unlock();
                }
                if (known.get() == target) {
                    return;
                }
            }
        }

        private void catchUp(long target) {
            for (Cursor c : cursors) {
                try {
                    while (c.last < target) {
                        List<SessionEvent> events = cachedAfter(c.last, target);
                        if (events == null) {
                            events = store.eventsAfter(sessionId, c.last, null, READ_LIMIT);
                        }
                        if (events.isEmpty()) {
                            break;
                        }
                        for (SessionEvent e : events) {
                            if (e.seq() <= c.last) {
                                continue;
                            }
                            if (!c.listener.deliver(e)) {
                                cursors.remove(c);
                                break;
                            }
                            c.last = e.seq();
                            moveKnown(e.seq());
                        }
                        if (!cursors.contains(c)) {
                            break;
                        }
                    }
                } catch (RuntimeException e) {
                    CATCH_UP_FAILED.warn(e); // it retries on the next change or check
                }
            }
        }
    }

    /**
     * Opens a stream: it gets the events after {@code after} from the log, then every new one.
     *
     * @param sessionId the session
     * @param after the last event the client has
     * @param listener the stream
     * @return removes the stream
     */
    public Runnable subscribe(String sessionId, long after, Listener listener) {
        Cursor cursor = new Cursor(listener, after);
        Feed feed = feeds.compute(sessionId, (k, f) -> {
            Feed out = f == null ? new Feed(sessionId) : f;
            out.cursors.add(cursor);
            return out;
        });
        feed.lock.lock();
        try {
            List<SessionEvent> replay;
            do {
                replay = store.eventsAfter(sessionId, cursor.last, null, READ_LIMIT);
                for (SessionEvent e : replay) {
                    if (!listener.deliver(e)) {
                        feed.cursors.remove(cursor);
                        return () -> { };
                    }
                    cursor.last = e.seq();
                    feed.moveKnown(e.seq());
                }
            } while (replay.size() == READ_LIMIT);
        } finally {
            feed.lock.unlock();
        }
        feed.drain();
        return () -> feeds.computeIfPresent(sessionId, (k, f) -> {
            f.cursors.remove(cursor);
            return f.cursors.isEmpty() ? null : f;
        });
    }

    /**
     * This node's writer committed events (in sequence order, contiguous per session).
     *
     * @param sessionId the session
     * @param events its new events
     */
    public void committed(String sessionId, List<SessionEvent> events) {
        Feed feed = feeds.get(sessionId);
        if (feed == null || events.isEmpty()) {
            return;
        }
        feed.remember(events);
        feed.moveKnown(events.get(events.size() - 1).seq());
        feed.drain();
    }

    /**
     * A session's log reached {@code seq} (a doorbell from any node).
     *
     * @param sessionId the session
     * @param seq its last sequence number
     */
    public void advanced(String sessionId, long seq) {
        Feed feed = feeds.get(sessionId);
        if (feed != null && seq > feed.known.get()) {
            feed.moveKnown(seq);
            feed.drain();
        }
    }

    /**
     * Checks every followed session's head in the database and catches up: after doorbells may
     * have been lost (another node died, the bus reconnected), and periodically.
     */
    public void checkAll() {
        List<String> ids = new ArrayList<>(feeds.keySet());
        if (ids.isEmpty()) {
            return;
        }
        store.lastSeqs(ids).forEach(this::advanced);
    }

    /** How many streams are open on this node, for tests and benchmarks. */
    public int listenerCount() {
        return feeds.values().stream().mapToInt(f -> f.cursors.size()).sum();
    }
}
