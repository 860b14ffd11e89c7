package com.chatwebsite.host.health;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** Tells a failure caused by an unreachable database from other errors, by its cause chain. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * The first exception in the cause chain saying the database cannot be reached: a connection
     * exception (SQLState class {@code 08}), the server shutting down or starting ({@code 57P01},
     * {@code 57P02}, {@code 57P03}), the pool timing out waiting for a connection, or the pool's
     * "Connection is closed" for a connection it evicted as broken under its user (what a rollback
     * after a lost connection throws, hiding the first failure).
     *
     * @param failure what a request or job threw
     * @return that exception, if the database is unavailable
     */
    public static Optional<SQLException> unavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return find(failure, seen);
    }

    private static Optional<SQLException> find(Throwable failure, Map<Throwable, Boolean> seen) {
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException e && isUnavailable(e)) {
                return Optional.of(e);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<SQLException> found = find(suppressed, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return evictedByPool(e);
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    private static boolean evictedByPool(SQLException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return "Connection is closed".equals(e.getMessage()) && trace.length > 0
                && trace[0].getClassName().startsWith("com.zaxxer.hikari.");
    }
}
