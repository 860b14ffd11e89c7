package com.chatwebsite.plugin.presence;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The customers' open streams on this node that take live signals. A signal reaches the streams
 * open at that moment and is never replayed; the bus brings each signal to every node.
 */
public final class LiveSignals {

    private final Map<String, Set<Predicate<LiveSignal>>> listeners = new ConcurrentHashMap<>();

    /**
     * Follows a session's live signals.
     *
     * @param sessionId the session
     * @param listener takes a signal without blocking; false when its stream is gone
     * @return stops following
     */
    public Runnable listen(String sessionId, Predicate<LiveSignal> listener) {
        listeners.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(sessionId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Hands a signal to the session's streams on this node.
     *
     * @param sessionId the session
     * @param signal the signal
     */
    public void deliver(String sessionId, LiveSignal signal) {
        Set<Predicate<LiveSignal>> set = listeners.get(sessionId);
        if (set != null) {
            set.removeIf(l -> !l.test(signal));
        }
    }

    /** The sessions followed on this node. */
    public List<String> sessions() {
        return List.copyOf(listeners.keySet());
    }
}
