package com.chatwebsite.host;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Chat sessions written straight into the plugin's tables, for tests that need thousands of them
 * (opening them through the API would take minutes and trip the abuse limits).
 */
public final class StoredSessions {

    private StoredSessions() {
    }

    /**
     * Stores waiting sessions of a website, as if opened at {@code createdAt} and never offered.
     *
     * @param db the host's database
     * @param websiteId the website
     * @param count how many
     * @param createdAt when they opened
     */
    public static void insertWaiting(DataSource db, String websiteId, int count, Instant createdAt) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement session = c.prepareStatement("INSERT INTO cw_session (id, website_id, token_hash, "
                    + "state, form_fields, variables, last_seq, created_at, last_activity_at) "
                    + "VALUES (?, ?, ?, 'waiting', '{\"name\":\"Ada\"}', '{}', 0, ?, ?)");
                    PreparedStatement head = c.prepareStatement(
                            "INSERT INTO cw_session_head (session_id, last_seq, last_activity_at) VALUES (?, 0, ?)")) {
                for (int i = 0; i < count; i++) {
                    String id = UUID.randomUUID().toString();
                    session.setString(1, id);
                    session.setString(2, websiteId);
                    session.setString(3, "0".repeat(64));
                    session.setObject(4, createdAt.atOffset(ZoneOffset.UTC));
                    session.setObject(5, createdAt.atOffset(ZoneOffset.UTC));
                    session.addBatch();
                    head.setString(1, id);
                    head.setObject(2, createdAt.atOffset(ZoneOffset.UTC));
                    head.addBatch();
                    if (i % 1_000 == 999 || i == count - 1) {
                        session.executeBatch();
                        head.executeBatch();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts the sessions in a state.
     *
     * @param db the host's database
     * @param state {@code waiting}, {@code active} or {@code closed}
     * @return how many
     */
    public static int count(DataSource db, String state) {
        return queryInt(db, "SELECT COUNT(*) FROM cw_session WHERE state = '" + state + "'");
    }

    /**
     * One number from the database.
     *
     * @param db the database
     * @param sql a query answering one row, one number
     * @return the number
     */
    public static int queryInt(DataSource db, String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
