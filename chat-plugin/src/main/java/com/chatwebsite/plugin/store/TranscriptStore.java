package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.transcript.TranscriptRecord;
import com.chatwebsite.plugin.transcript.TranscriptRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Transcripts to e-mail and their delivery, in {@code cw_transcript}. */
public final class TranscriptStore implements TranscriptRepository {

    private static final OutboxClaim CLAIM = new OutboxClaim("cw_transcript", "id");
    private static final String COLUMNS = "id, session_id, email, origin, state, attempts, created_at";

    private final Db db;

    public TranscriptStore(Db db) {
        this.db = db;
    }

    @Override
    public Optional<TranscriptRecord> request(String id, String sessionId, String email, String origin, Instant now,
            int max) {
        String key = email.toLowerCase(Locale.ROOT);
        try {
            return db.tx(c -> {
                Optional<TranscriptRecord> before = existing(c, sessionId, key);
                if (before.isPresent()) {
                    return before;
                }
                return count(c, sessionId) >= max ? Optional.<TranscriptRecord>empty()
                        : Optional.of(insert(c, id, sessionId, email, key, origin, now));
            });
        } catch (Db.StoreException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                // another request stored it meanwhile
                return Optional.of(db.tx(c -> existing(c, sessionId, key)).orElseThrow(() -> e));
            }
            throw e;
        }
    }

    private static Optional<TranscriptRecord> existing(Connection c, String sessionId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM cw_transcript WHERE session_id = ? AND email_key = ?")) {
            ps.setString(1, sessionId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static TranscriptRecord insert(Connection c, String id, String sessionId, String email, String key,
            String origin, Instant now) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_transcript (id, session_id, email, email_key, "
                + "origin, state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, sessionId);
            ps.setString(3, email);
            ps.setString(4, key);
            ps.setString(5, origin);
            ps.setObject(6, Db.utc(now));
            ps.setObject(7, Db.utc(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new Db.StoreException(e);
        }
        return new TranscriptRecord(id, sessionId, email, origin, "pending", 0, now);
    }

    private static int count(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cw_transcript WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public Optional<TranscriptRecord> find(String id) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cw_transcript WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Claims as {@link OutboxClaim} says. */
    @Override
    public List<String> claimDue(String node, Instant now, Duration hold, Instant deadBefore, int limit) {
        return db.tx(c -> CLAIM.claim(c, node, now, hold, deadBefore, limit).stream().map(r -> r.key().get(0))
                .toList());
    }

    @Override
    public void delivered(String id, Instant now) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_transcript SET state = 'done', delivered_at = ?, "
                    + "last_error = NULL, claimed_by = NULL WHERE id = ?")) {
                ps.setObject(1, Db.utc(now));
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void failed(String id, String error, Instant nextAttempt) {
        db.tx(c -> {
            CLAIM.failed(c, List.of(id), error, nextAttempt);
            return null;
        });
    }

    @Override
    public int attempts(String id) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM cw_transcript WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public List<String> closedWithoutTranscript(String websiteId, Instant since, int limit) {
        return db.tx(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id FROM cw_session s WHERE s.website_id = ? "
                    + "AND s.state = 'closed' AND s.closed_at >= ? AND s.accepted_at IS NOT NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM cw_transcript t WHERE t.session_id = s.id) ORDER BY s.closed_at, s.id")) {
                ps.setString(1, websiteId);
                ps.setObject(2, Db.utc(since));
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static TranscriptRecord read(ResultSet rs) throws SQLException {
        return new TranscriptRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), Db.instant(rs.getObject(7)));
    }
}
