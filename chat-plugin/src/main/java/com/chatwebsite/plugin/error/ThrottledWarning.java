package com.chatwebsite.plugin.error;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning logged at most once per period, with how many were left out since, so a failure that
 * repeats every second (the database is down) writes one line, not a stack trace each time.
 */
public final class ThrottledWarning {

    private final Logger log;
    private final String what;
    private final long periodNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public ThrottledWarning(Logger log, String what, java.time.Duration period) {
        this.log = log;
        this.what = what;
        this.periodNanos = period.toNanos();
    }

    /**
     * Logs the failure unless one was logged within the period.
     *
     * @param failure what went wrong
     */
    public void warn(Throwable failure) {
        long now = System.nanoTime();
        long due = next.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && next.compareAndSet(due, now + periodNanos)) {
            long left = suppressed.getAndSet(0);
            log.warn("{} failed: {}{}", what, failure.toString(), left == 0 ? "" : " (" + left + " more since)");
            log.debug("{} failed", what, failure);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
