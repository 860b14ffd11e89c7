package com.chatwebsite.host.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Whether the database answers: a connection's validity check with a short timeout, cached for
 * about a second, so that {@code /health} polled by many clients costs one check per second.
 * While one caller checks, the others get the last answer.
 */
public final class DatabaseProbe {

    private static final int VALID_TIMEOUT_SECONDS = 1;

    private final DataSource dataSource;
    private final long cacheNanos;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Answer last;

    private record Answer(boolean up, long at) {
    }

    public DatabaseProbe(DataSource dataSource, Duration cacheFor) {
        this.dataSource = dataSource;
        this.cacheNanos = cacheFor.toNanos();
    }

    /**
     * Whether the database answered its last check.
     *
     * @return true if it is up
     */
    public boolean up() {
        Answer a = last;
        if (a != null && System.nanoTime() - a.at() < cacheNanos) {
            return a.up();
        }
        if (!checking.compareAndSet(false, true)) {
            return a == null || a.up();
        }
        try {
            boolean up = check();
            last = new Answer(up, System.nanoTime());
            return up;
        } finally {
            checking.set(false);
        }
    }

    private boolean check() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
