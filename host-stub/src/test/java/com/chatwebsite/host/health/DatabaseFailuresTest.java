package com.chatwebsite.host.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DatabaseFailuresTest {

    @Test
    void findsAConnectionFailureAnywhereInTheCauseChain() {
        SQLException broken = new SQLException("I/O error", "08006");
        RuntimeException wrapped = new IllegalStateException("database error", new RuntimeException(broken));
        assertEquals(broken, DatabaseFailures.unavailable(wrapped).orElseThrow());
        assertTrue(DatabaseFailures.unavailable(new SQLException("terminating", "57P01")).isPresent());
        assertTrue(DatabaseFailures.unavailable(new SQLTransientConnectionException("pool timeout")).isPresent());

        RuntimeException rollbackHidIt = new RuntimeException("rollback failed");
        rollbackHidIt.addSuppressed(broken);
        assertTrue(DatabaseFailures.unavailable(rollbackHidIt).isPresent(), "suppressed exceptions count");
    }

    @Test
    void otherErrorsAreNotOutages() {
        assertFalse(DatabaseFailures.unavailable(new SQLException("duplicate key", "23505")).isPresent());
        assertFalse(DatabaseFailures.unavailable(new SQLException("Connection is closed")).isPresent(),
                "only the pool's own 'Connection is closed' means it evicted a broken connection");
        assertFalse(DatabaseFailures.unavailable(new IllegalArgumentException("bad")).isPresent());
    }

    @Test
    void throttledLogWritesOneLinePerKindPerInterval() {
        AtomicLong now = new AtomicLong();
        ThrottledLog log = new ThrottledLog(LoggerFactory.getLogger(DatabaseFailuresTest.class), Duration.ofSeconds(30),
                now::get);
        assertTrue(log.warn("database unavailable", "first"));
        assertFalse(log.warn("database unavailable", "second"));
        assertTrue(log.warn("bus lost", "another kind"));
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertTrue(log.warn("database unavailable", "after the interval"));
    }
}
