package com.chatwebsite.plugin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a node claims due rows of an outbox table ({@code cw_outbox}, {@code cw_transcript}), so that
 * no other node sends them: rows another node is claiming are skipped ({@code SKIP LOCKED}), and each
 * claimed row is marked with this node and kept away from the others until {@code now + hold}, or
 * until this node's heartbeat in {@code cw_node} stops (then another node takes it at once). The
 * table has {@code state}, {@code next_attempt_at} and {@code claimed_by} columns.
 */
final class OutboxClaim {

    /**
     * A claimed row.
     *
     * @param key the row's key columns' values, in order
     * @param heldBefore the node that had claimed it and went silent or ran past its hold, or {@code null}
     */
    record Claimed(List<String> key, String heldBefore) {
    }

    private final String table;
    private final List<String> keyColumns;

    OutboxClaim(String table, String... keyColumns) {
        this.table = table;
        this.keyColumns = List.of(keyColumns);
    }

    List<Claimed> claim(Connection c, String node, Instant now, Duration hold, Instant deadBefore, int limit)
            throws SQLException {
        String keys = String.join(", ", keyColumns);
        List<Claimed> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + keys + ", claimed_by FROM " + table
                + " WHERE state = 'pending' AND (next_attempt_at <= ? OR (claimed_by IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM cw_node n WHERE n.node_id = " + table + ".claimed_by AND n.seen_at >= ?))) "
                + "ORDER BY next_attempt_at, " + keys + " FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            ps.setObject(1, Db.utc(now));
            ps.setObject(2, Db.utc(deadBefore));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int i = 1; i <= keyColumns.size(); i++) {
                        key.add(rs.getString(i));
                    }
                    out.add(new Claimed(List.copyOf(key), rs.getString(keyColumns.size() + 1)));
                }
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET next_attempt_at = ?, claimed_by = ? "
                + "WHERE " + String.join(" AND ", keyColumns.stream().map(k -> k + " = ?").toList()))) {
            for (Claimed row : out) {
                ps.setObject(1, Db.utc(now.plus(hold)));
                ps.setString(2, node);
                for (int i = 0; i < keyColumns.size(); i++) {
                    ps.setString(3 + i, row.key().get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return out;
    }

    /** Records a failed attempt: counted, the error kept (1,000 characters at most), tried again at {@code next}. */
    void failed(Connection c, List<String> key, String error, Instant next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET attempts = attempts + 1, "
                + "last_error = ?, next_attempt_at = ?, claimed_by = NULL WHERE "
                + String.join(" AND ", keyColumns.stream().map(k -> k + " = ?").toList()))) {
            ps.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setObject(2, Db.utc(next));
            for (int i = 0; i < key.size(); i++) {
                ps.setString(3 + i, key.get(i));
            }
            ps.executeUpdate();
        }
    }
}
