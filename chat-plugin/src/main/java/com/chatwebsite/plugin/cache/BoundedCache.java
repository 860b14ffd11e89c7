package com.chatwebsite.plugin.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-memory map that keeps at most {@code maximumSize} entries, forgetting the least recently
 * used first, and optionally those unused for longer than {@code idle}. Thread-safe (one lock; each
 * operation is a few map steps). The plugin's caches are small enough for this, and it keeps
 * Guava's cache, with most of Guava's collections behind it, out of the plugin jar.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class BoundedCache<K, V> {

    private record Entry<V>(V value, long usedAt) {
    }

    private final int maximumSize;
    private final Optional<Duration> idle;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> map = new LinkedHashMap<>(16, 0.75f, true);

    private BoundedCache(int maximumSize, Optional<Duration> idle, Clock clock) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1: " + maximumSize);
        }
        this.maximumSize = maximumSize;
        this.idle = idle;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A cache bounded by size only.
     *
     * @param maximumSize the most entries kept
     * @param <K> the key
     * @param <V> the value
     * @return the cache
     */
    public static <K, V> BoundedCache<K, V> bySize(int maximumSize) {
        return new BoundedCache<>(maximumSize, Optional.empty(), Clock.systemUTC());
    }

    /**
     * A cache bounded by size that also forgets entries unused for {@code idle}.
     *
     * @param maximumSize the most entries kept
     * @param idle how long an unused entry is kept
     * @param clock where time comes from
     * @param <K> the key
     * @param <V> the value
     * @return the cache
     */
    public static <K, V> BoundedCache<K, V> bySizeAndIdle(int maximumSize, Duration idle, Clock clock) {
        return new BoundedCache<>(maximumSize, Optional.of(idle), clock);
    }

    /**
     * The value for a key, if held and not idle too long; counts as a use.
     *
     * @param key the key
     * @return the value
     */
    public synchronized Optional<V> get(K key) {
        long now = clock.millis();
        expire(now);
        Entry<V> e = map.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (idle.isPresent()) { // the access order is kept by the map; only an idle bound needs the time
            map.put(key, new Entry<>(e.value(), now));
        }
        return Optional.of(e.value());
    }

    /**
     * The value for a key, made by {@code make} when not held.
     *
     * @param key the key
     * @param make makes the value (under the cache's lock: keep it cheap)
     * @return the value
     */
    public synchronized V get(K key, Function<K, V> make) {
        Optional<V> held = get(key);
        if (held.isPresent()) {
            return held.get();
        }
        V value = Objects.requireNonNull(make.apply(key), "made value");
        put(key, value);
        return value;
    }

    /**
     * Holds a value, forgetting the least recently used entry when full.
     *
     * @param key the key
     * @param value the value
     */
    public synchronized void put(K key, V value) {
        long now = clock.millis();
        expire(now);
        map.put(key, new Entry<>(Objects.requireNonNull(value, "value"), now));
        if (map.size() > maximumSize) {
            Iterator<K> eldest = map.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /**
     * Forgets a key.
     *
     * @param key the key
     */
    public synchronized void remove(K key) {
        map.remove(key);
    }

    /** Forgets everything. */
    public synchronized void clear() {
        map.clear();
    }

    /**
     * How many entries are held, idle ones included until the next use of the cache.
     *
     * @return the count
     */
    public synchronized int size() {
        return map.size();
    }

    /** Drops idle entries: in use order, so they are at the head. */
    private void expire(long now) {
        if (idle.isEmpty()) {
            return;
        }
        long oldest = now - idle.get().toMillis();
        Iterator<Map.Entry<K, Entry<V>>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().usedAt() >= oldest) {
                return;
            }
            it.remove();
        }
    }
}
