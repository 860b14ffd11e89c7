package com.chatwebsite.plugin.session;

import com.google.common.util.concurrent.Striped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * Live delivery of session events to the customers' open streams, in sequence order.
 *
 * <p>Every change to a session runs under that session's lock, from its database transaction to
 * the delivery of its events; a stream subscribes under the same lock after replaying what it
 * missed. So each stream sees every event once, in order.
 */
public final class SessionHub {

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

    private final Striped<Lock> locks = Striped.lock(1024);
    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();

    /**
     * Runs work holding the session's lock.
     *
     * @param sessionId the session
     * @param work the work
     * @param <T> its result
     * @return the result
     */
    public <T> T locked(String sessionId, Supplier<T> work) {
        Lock lock = locks.get(sessionId);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Delivers events to the session's listeners; call while holding its lock. */
    void deliver(String sessionId, List<SessionEvent> events) {
        Set<Listener> set = listeners.get(sessionId);
        if (set == null) {
            return;
        }
        for (SessionEvent e : events) {
            for (Listener l : set) {
                if (!l.deliver(e)) {
                    set.remove(l);
                }
            }
        }
    }

    /**
     * Adds a listener; call while holding the session's lock, after replaying the missed events.
     *
     * @param sessionId the session
     * @param listener the listener
     * @return removes the listener
     */
    Runnable subscribe(String sessionId, Listener listener) {
        listeners.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(sessionId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many streams listen, for tests and benchmarks. */
    public int listenerCount() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}
