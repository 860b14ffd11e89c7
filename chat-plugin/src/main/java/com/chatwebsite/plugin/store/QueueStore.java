package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.queue.QueueRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The queue's readings of {@code cw_session}. */
public final class QueueStore implements QueueRepository {

    private final Db db;

    public QueueStore(Db db) {
        this.db = db;
    }

    @Override
    public List<String> waitingInOrder(String websiteId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM cw_session WHERE website_id = ? "
                    + "AND state = 'waiting' ORDER BY created_at, id")) {
                ps.setString(1, websiteId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Duration> recentWaits(String websiteId, Instant since, int limit) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at, accepted_at FROM cw_session "
                    + "WHERE website_id = ? AND accepted_at >= ? ORDER BY accepted_at DESC")) {
                ps.setString(1, websiteId);
                ps.setObject(2, Db.utc(since));
                ps.setMaxRows(limit);
                List<Duration> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Duration.between(Db.instant(rs.getObject(1)), Db.instant(rs.getObject(2))));
                    }
                }
                return out;
            }
        });
    }
}
