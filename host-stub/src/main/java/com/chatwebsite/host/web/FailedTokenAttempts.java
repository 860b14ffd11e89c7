package com.chatwebsite.host.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wrong bearer tokens per client address, in fixed windows: after {@link #LIMIT} in one
 * {@link #WINDOW}, that address is refused until its window ends. At most {@link #MAX_ADDRESSES}
 * addresses are remembered; the least recently seen is forgotten first.
 */
final class FailedTokenAttempts {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /** One address's failures since {@code start}. */
    private static final class Window {
        final Instant start;
        int failures;

        Window(Instant start) {
            this.start = start;
        }
    }

    FailedTokenAttempts(Clock clock) {
        this.clock = clock;
    }

    /**
     * How long an address must still wait, if it is refused now.
     *
     * @param address the client address
     * @return the time left in its window, when it has used up its attempts
     */
    synchronized Optional<Duration> blocked(String address) {
        Window w = windows.get(address);
        Instant now = clock.instant();
        if (w == null || w.failures < LIMIT || !now.isBefore(w.start.plus(WINDOW))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.start.plus(WINDOW)));
    }

    /**
     * Counts a wrong token from an address.
     *
     * @param address the client address
     */
    synchronized void failed(String address) {
        Instant now = clock.instant();
        Window w = windows.get(address);
        if (w == null || !now.isBefore(w.start.plus(WINDOW))) {
            w = new Window(now);
            windows.put(address, w);
        }
        w.failures++;
    }
}
