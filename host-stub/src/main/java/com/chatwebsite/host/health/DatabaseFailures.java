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
     * {@code 57P02}, {@code 57P03}), or the pool timing out waiting for a connection.
     *
     * @param failure what a request or job threw
     * @return that exception, if the database is unavailable
     */
    public static Optional<SQLException> unavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException e && isUnavailable(e)) {
                return Optional.of(e);
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
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
