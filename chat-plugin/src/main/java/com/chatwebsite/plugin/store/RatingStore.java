package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.rating.Rating;
import com.chatwebsite.plugin.rating.RatingAverages;
import com.chatwebsite.plugin.rating.RatingRepository;
import com.chatwebsite.plugin.webhook.WebhookEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ratings in {@code cw_rating}, one row per rated chat; averages joined with {@code cw_session}. */
public final class RatingStore implements RatingRepository {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int IN_CHUNK = 500;

    private final Db db;

    public RatingStore(Db db) {
        this.db = db;
    }

    @Override
    public boolean insertFirst(Rating rating) {
        try {
            return db.tx(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_rating (session_id, score, comment_text, "
                        + "rated_at) SELECT ?, ?, ?, ? FROM cw_session s WHERE s.id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM cw_rating r WHERE r.session_id = ?)")) {
                    ps.setString(1, rating.sessionId());
                    ps.setInt(2, rating.score());
                    ps.setString(3, rating.comment().orElse(null));
                    ps.setObject(4, Db.utc(rating.ratedAt()));
                    ps.setString(5, rating.sessionId());
                    ps.setString(6, rating.sessionId());
                    if (ps.executeUpdate() != 1) {
                        return false;
                    }
                }
                WebhookOutbox.enqueue(c, WebhookEvents.rated(rating.sessionId(), rating.score(), rating.comment(),
                        rating.ratedAt()));
                return true;
            });
        } catch (Db.StoreException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false; // a concurrent first rating won
            }
            throw e;
        }
    }

    @Override
    public Optional<Rating> find(String sessionId) {
        Map<String, Rating> found = forSessions(List.of(sessionId));
        return Optional.ofNullable(found.get(sessionId));
    }

    @Override
    public Map<String, Rating> forSessions(Collection<String> sessionIds) {
        List<String> ids = List.copyOf(sessionIds);
        return db.tx(c -> {
            Map<String, Rating> out = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT session_id, score, comment_text, rated_at "
                        + "FROM cw_rating WHERE session_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), new Rating(rs.getString(1), rs.getInt(2),
                                    Optional.ofNullable(rs.getString(3)), Db.instant(rs.getObject(4))));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public RatingAverages averages(Optional<String> websiteId, Optional<Instant> from, Optional<Instant> to) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        websiteId.ifPresent(id -> {
            where.append(" AND s.website_id = ?");
            args.add(id);
        });
        from.ifPresent(t -> {
            where.append(" AND r.rated_at >= ?");
            args.add(Db.utc(t));
        });
        to.ifPresent(t -> {
            where.append(" AND r.rated_at < ?");
            args.add(Db.utc(t));
        });
        String base = " FROM cw_rating r JOIN cw_session s ON s.id = r.session_id" + where;
        return db.tx(c -> new RatingAverages(
                group(c, "SELECT s.website_id, SUM(r.score), COUNT(*)" + base + " GROUP BY s.website_id "
                        + "ORDER BY s.website_id", args),
                group(c, "SELECT s.agent, SUM(r.score), COUNT(*)" + base + " AND s.agent IS NOT NULL "
                        + "GROUP BY s.agent ORDER BY s.agent", args)));
    }

    private static List<RatingAverages.Average> group(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<RatingAverages.Average> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sum = rs.getLong(2);
                    int count = rs.getInt(3);
                    out.add(new RatingAverages.Average(rs.getString(1), (double) sum / count, count));
                }
            }
            return out;
        }
    }
}
