package com.chatwebsite.plugin.queue;

import com.chatwebsite.plugin.error.ThrottledWarning;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waiting customers' open streams on this node, told their queue position whenever a doorbell
 * says their website's queue moved (a chat was accepted or closed, on any node). Positions are read
 * from the database each time; this class only remembers who listens. Each pass runs on the given
 * executor (never on the bus's thread), and doorbells for a website that is already pending coalesce.
 */
public final class QueueWatch {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWatch.class);
    private static final ThrottledWarning FAILED =
            new ThrottledWarning(LOG, "telling waiting customers their queue position", Duration.ofSeconds(30));

    /** One stream of a waiting chat; tells its listener only newer, different positions. */
    private static final class Watcher {
        final String sessionId;
        final Consumer<QueuePosition> listener;
        long version = -1; // guarded by this
        QueuePosition last; // guarded by this

        Watcher(String sessionId, Consumer<QueuePosition> listener) {
            this.sessionId = sessionId;
            this.listener = listener;
        }

        synchronized void tell(long computedAt, QueuePosition position) {
            if (computedAt <= version) {
                return; // a later reading was sent already
            }
            version = computedAt;
            if (!position.equals(last)) {
                last = position;
                listener.accept(position);
            }
        }
    }

    private final WaitingQueue queue;
    private final Executor executor;
    private final Map<String, Set<Watcher>> byWebsite = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong readings = new AtomicLong();

    public QueueWatch(WaitingQueue queue, Executor executor) {
        this.queue = queue;
        this.executor = executor;
    }

    /**
     * Tells a waiting chat's stream its position now, then whenever it changes.
     *
     * @param websiteId the chat's website
     * @param sessionId the chat
     * @param listener the stream; must not block
     * @return stops watching
     */
    public Runnable watch(String websiteId, String sessionId, Consumer<QueuePosition> listener) {
        Watcher w = new Watcher(sessionId, listener);
        byWebsite.computeIfAbsent(websiteId, k -> new CopyOnWriteArraySet<>()).add(w);
        long version = readings.incrementAndGet();
        Optional<QueuePosition> now = queue.positionOf(websiteId, sessionId);
        now.ifPresent(p -> w.tell(version, p));
        return () -> byWebsite.computeIfPresent(websiteId, (k, set) -> {
            set.remove(w);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * A website's queue moved (a doorbell from any node): its watched chats are told their new
     * positions, on the executor.
     *
     * @param websiteId the website
     */
    public void changed(String websiteId) {
        if (byWebsite.containsKey(websiteId) && pending.add(websiteId)) {
            executor.execute(() -> {
                pending.remove(websiteId);
                refresh(websiteId);
            });
        }
    }

    /** Every watched website again, after doorbells may have been lost. */
    public void changedAll() {
        byWebsite.keySet().forEach(this::changed);
    }

    private void refresh(String websiteId) {
        Set<Watcher> watchers = byWebsite.get(websiteId);
        if (watchers == null || watchers.isEmpty()) {
            return;
        }
        try {
            long version = readings.incrementAndGet();
            Map<String, QueuePosition> positions = queue.positions(websiteId);
            for (Watcher w : watchers) {
                QueuePosition p = positions.get(w.sessionId);
                if (p != null) {
                    w.tell(version, p);
                }
            }
        } catch (RuntimeException e) {
            FAILED.warn(e); // the next doorbell, or the stream's reconnect, brings it again
        }
    }

    /** How many streams are watched on this node, for tests. */
    public int watcherCount() {
        return byWebsite.values().stream().mapToInt(Set::size).sum();
    }
}
