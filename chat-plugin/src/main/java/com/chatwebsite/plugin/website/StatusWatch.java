package com.chatwebsite.plugin.website;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Tells open widgets when their website's status changes: on a website change or delete, when its
 * number of open sessions changes, and as working hours pass ({@link #tick()}, driven by the clock).
 */
public final class StatusWatch {

    /** Receives a website's status. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Takes the new status; must not block.
         *
         * @param status the status, empty if the website was deleted
         * @return false to stop listening
         */
        boolean changed(Optional<OnlineStatus> status);
    }

    private final Function<String, Optional<Website>> websites;
    private final ToIntFunction<String> openSessions;
    private final Clock clock;
    private final Map<String, Map<Listener, Optional<OnlineStatus>>> watchers = new ConcurrentHashMap<>();

    public StatusWatch(Function<String, Optional<Website>> websites, ToIntFunction<String> openSessions, Clock clock) {
        this.websites = websites;
        this.openSessions = openSessions;
        this.clock = clock;
    }

    /**
     * The status now.
     *
     * @param website the website
     * @return its status
     */
    public OnlineStatus statusOf(Website website) {
        return OnlineStatus.of(website, openSessions.applyAsInt(website.id()), clock.instant());
    }

    /**
     * Starts watching; the listener gets the current status at once.
     *
     * @param website the website
     * @param listener the listener
     * @return stops watching
     */
    public Runnable watch(Website website, Listener listener) {
        Optional<OnlineStatus> now = Optional.of(statusOf(website));
        Map<Listener, Optional<OnlineStatus>> map = watchers.computeIfAbsent(website.id(), k -> new ConcurrentHashMap<>());
        map.put(listener, now);
        if (!listener.changed(now)) {
            map.remove(listener);
        }
        return () -> watchers.computeIfPresent(website.id(), (k, m) -> {
            m.remove(listener);
            return m.isEmpty() ? null : m;
        });
    }

    /**
     * Rechecks one website and tells its watchers if the status differs from what they have.
     *
     * @param websiteId the website
     */
    public void recheck(String websiteId) {
        Map<Listener, Optional<OnlineStatus>> map = watchers.get(websiteId);
        if (map == null || map.isEmpty()) {
            return;
        }
        Optional<OnlineStatus> now = websites.apply(websiteId).map(this::statusOf);
        for (Map.Entry<Listener, Optional<OnlineStatus>> e : Set.copyOf(map.entrySet())) {
            if (!e.getValue().equals(now)) {
                map.put(e.getKey(), now);
                if (!e.getKey().changed(now)) {
                    map.remove(e.getKey());
                }
            }
        }
    }

    /** Rechecks every watched website; run periodically so working hours take effect. */
    public void tick() {
        for (String websiteId : Set.copyOf(watchers.keySet())) {
            recheck(websiteId);
        }
    }

    /** How many widgets watch, for tests and benchmarks. */
    public int watcherCount() {
        return watchers.values().stream().mapToInt(Map::size).sum();
    }
}
