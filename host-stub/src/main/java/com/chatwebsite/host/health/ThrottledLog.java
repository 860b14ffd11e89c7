package com.chatwebsite.host.health;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A log that writes one line per kind of failure per interval, with how many were suppressed
 * since, instead of a stack trace per request during an outage.
 */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** What a kind has logged: when its last line was written and how many it suppressed since. */
    private static final class Window {
        long lastLogged;
        long suppressed;
        boolean logged;
    }

    public ThrottledLog(Logger log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    ThrottledLog(Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Logs a warning unless this kind was logged within the interval.
     *
     * @param kind what failed, such as {@code database unavailable}
     * @param detail the current failure's message
     * @return whether a line was written
     */
    public boolean warn(String kind, String detail) {
        Window w = windows.computeIfAbsent(kind, k -> new Window());
        long suppressed;
        synchronized (w) {
            long now = nanoTime.getAsLong();
            if (w.logged && now - w.lastLogged < intervalNanos) {
                w.suppressed++;
                return false;
            }
            suppressed = w.suppressed;
            w.suppressed = 0;
            w.lastLogged = now;
            w.logged = true;
        }
        if (suppressed > 0) {
            log.warn("{}: {} ({} more since the last line)", kind, detail, suppressed);
        } else {
            log.warn("{}: {}", kind, detail);
        }
        return true;
    }
}
