package com.chatwebsite.plugin.store;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

/**
 * A lease in {@code cw_lease}: work that must run on one node of the cluster at a time runs on the
 * node holding it. The holder renews it on every pass; when the holder dies, it expires and another
 * node takes it.
 */
public final class Lease {

    private final Db db;
    private final String name;
    private final String holder;
    private final Duration ttl;

    public Lease(Db db, String name, String holder, Duration ttl) {
        this.db = db;
        this.name = name;
        this.holder = holder;
        this.ttl = ttl;
    }

    /**
     * Renews the lease if this node holds it, or takes it if it expired.
     *
     * @param now the time
     * @return true if this node holds it until {@code now + ttl}
     */
    public boolean holdOrTake(Instant now) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_lease SET holder = ?, expires_at = ? "
                    + "WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
                ps.setString(1, holder);
                ps.setObject(2, Db.utc(now.plus(ttl)));
                ps.setString(3, name);
                ps.setString(4, holder);
                ps.setObject(5, Db.utc(now));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Gives the lease up, so another node takes it at once. */
    public void release() {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_lease SET holder = '', "
                    + "expires_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00' WHERE name = ? AND holder = ?")) {
                ps.setString(1, name);
                ps.setString(2, holder);
                return ps.executeUpdate();
            }
        });
    }
}
