package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionEvent;
import com.chatwebsite.plugin.session.SessionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chat sessions and their event logs, in {@code cw_session} and {@code cw_session_event}. */
public final class SessionStore {

    private static final String COLUMNS = "id, website_id, token_hash, state, disposition, form_fields, variables, "
            + "contact_id, page_url, agent, last_seq, created_at, accepted_at, closed_at, last_activity_at";

    /**
     * An event to append; the store gives it its sequence number.
     *
     * @param type the event type
     * @param sender for messages, who sent it
     * @param clientMessageId for messages, the sender's idempotency key
     * @param data the content, without {@code seq} and {@code at} (the store adds them)
     */
    public record NewEvent(String type, Optional<String> sender, Optional<String> clientMessageId,
            Map<String, Object> data) {
    }

    public void insert(Connection c, ChatSession s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_session (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.websiteId());
            ps.setString(3, s.tokenHash());
            ps.setString(4, s.state().wire());
            ps.setString(5, s.disposition().orElse(null));
            ps.setString(6, JsonText.write(s.fields()));
            ps.setString(7, JsonText.write(s.variables()));
            ps.setString(8, s.contactId().orElse(null));
            ps.setString(9, s.page().orElse(null));
            ps.setString(10, s.agent().orElse(null));
            ps.setLong(11, s.lastSeq());
            ps.setObject(12, Db.utc(s.createdAt()));
            ps.setObject(13, Db.utc(s.acceptedAt().orElse(null)));
            ps.setObject(14, Db.utc(s.closedAt().orElse(null)));
            ps.setObject(15, Db.utc(s.lastActivityAt()));
            ps.executeUpdate();
        }
    }

    public int countOpen(Connection c, String websiteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM cw_session WHERE website_id = ? AND state IN ('waiting', 'active')")) {
            ps.setString(1, websiteId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public Optional<ChatSession> find(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cw_session WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Appends events to a session locked by the caller ({@link #find} with {@code forUpdate}).
     *
     * @param c the transaction
     * @param session the locked session, as read in this transaction
     * @param events the events
     * @param at their time
     * @return the stored events, numbered
     */
    public List<SessionEvent> append(Connection c, ChatSession session, List<NewEvent> events, Instant at)
            throws SQLException {
        return append(c, session, events, at, false);
    }

    /**
     * Appends events and, in the same row update, optionally records them as the chat's latest
     * activity (one write of the session row per message).
     *
     * @param c the transaction
     * @param session the locked session
     * @param events the events
     * @param at their time
     * @param activity whether they count as activity (customer and agent messages)
     * @return the stored events, numbered
     */
    public List<SessionEvent> append(Connection c, ChatSession session, List<NewEvent> events, Instant at,
            boolean activity) throws SQLException {
        long seq = session.lastSeq();
        List<SessionEvent> out = new ArrayList<>();
        for (NewEvent e : events) {
            seq++;
            Map<String, Object> data = new LinkedHashMap<>(e.data());
            if (e.type().equals(SessionEvent.MESSAGE)) {
                data.put("seq", seq);
                data.put("at", at.toString());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_session_event (session_id, seq, event_type, "
                    + "sender, payload, client_message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, session.id());
                ps.setLong(2, seq);
                ps.setString(3, e.type());
                ps.setString(4, e.sender().orElse(null));
                ps.setString(5, JsonText.write(data));
                ps.setString(6, e.clientMessageId().orElse(null));
                ps.setObject(7, Db.utc(at));
                ps.executeUpdate();
            }
            out.add(new SessionEvent(session.id(), seq, e.type(), withoutNulls(data), at));
        }
        try (PreparedStatement ps = c.prepareStatement(activity
                ? "UPDATE cw_session SET last_seq = ?, last_activity_at = ? WHERE id = ?"
                : "UPDATE cw_session SET last_seq = ? WHERE id = ?")) {
            ps.setLong(1, seq);
            if (activity) {
                ps.setObject(2, Db.utc(at));
                ps.setString(3, session.id());
            } else {
                ps.setString(2, session.id());
            }
            ps.executeUpdate();
        }
        return out;
    }

    public Optional<SessionEvent> findByClientMessageId(Connection c, String sessionId, String sender,
            String clientMessageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_type, payload, created_at "
                + "FROM cw_session_event WHERE session_id = ? AND sender = ? AND client_message_id = ?")) {
            ps.setString(1, sessionId);
            ps.setString(2, sender);
            ps.setString(3, clientMessageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readEvent(sessionId, rs)) : Optional.empty();
            }
        }
    }

    public List<SessionEvent> eventsAfter(Connection c, String sessionId, long after, String onlyType, int limit)
            throws SQLException {
        String sql = "SELECT seq, event_type, payload, created_at FROM cw_session_event WHERE session_id = ? AND seq > ?"
                + (onlyType == null ? "" : " AND event_type = ?") + " ORDER BY seq";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sessionId);
            ps.setLong(2, after);
            if (onlyType != null) {
                ps.setString(3, onlyType);
            }
            ps.setMaxRows(limit);
            List<SessionEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readEvent(sessionId, rs));
                }
            }
            return out;
        }
    }

    /**
     * Sets the state columns of a locked session.
     *
     * @param c the transaction
     * @param s the session as it now is
     */
    public void updateState(Connection c, ChatSession s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cw_session SET state = ?, disposition = ?, agent = ?, "
                + "accepted_at = ?, closed_at = ?, last_activity_at = ? WHERE id = ?")) {
            ps.setString(1, s.state().wire());
            ps.setString(2, s.disposition().orElse(null));
            ps.setString(3, s.agent().orElse(null));
            ps.setObject(4, Db.utc(s.acceptedAt().orElse(null)));
            ps.setObject(5, Db.utc(s.closedAt().orElse(null)));
            ps.setObject(6, Db.utc(s.lastActivityAt()));
            ps.setString(7, s.id());
            ps.executeUpdate();
        }
    }

    /**
     * Marks a waiting session as sent its waiting message.
     *
     * @param c the transaction
     * @param id the session
     * @return true the first time only
     */
    public boolean markWaitingNotified(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cw_session SET waiting_notified = TRUE "
                + "WHERE id = ? AND state = 'waiting' AND waiting_notified = FALSE")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Sessions that are waiting or active, oldest first. */
    public List<ChatSession> openSessions(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM cw_session WHERE state IN ('waiting', 'active') "
                + "ORDER BY created_at", List.of());
    }

    /**
     * A website's sessions for the supervisor.
     *
     * @param c the connection
     * @param websiteId the website
     * @param state {@code waiting}, {@code active}, {@code closed}, {@code unmanaged}, or null for all
     * @param limit the most to return, newest first
     * @return the sessions
     */
    public List<ChatSession> forSupervisor(Connection c, String websiteId, String state, int limit)
            throws SQLException {
        String where = "website_id = ?";
        List<Object> args = new ArrayList<>(List.of(websiteId));
        if ("unmanaged".equals(state)) {
            where += " AND state = 'closed' AND disposition = 'Unmanaged'";
        } else if (state != null) {
            where += " AND state = ?";
            args.add(state);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cw_session WHERE " + where
                + " ORDER BY created_at DESC, id")) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(limit);
            List<ChatSession> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private List<ChatSession> query(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<ChatSession> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static ChatSession read(ResultSet rs) throws SQLException {
        Map<String, Object> variables = JsonText.read(rs.getString(7));
        return new ChatSession(rs.getString(1), rs.getString(2), rs.getString(3), SessionState.fromWire(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)), JsonText.read(rs.getString(6)),
                (Map<String, String>) (Map<String, ?>) variables, Optional.ofNullable(rs.getString(8)),
                Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(10)), rs.getLong(11),
                Db.instant(rs.getObject(12)), Optional.ofNullable(Db.instant(rs.getObject(13))),
                Optional.ofNullable(Db.instant(rs.getObject(14))), Db.instant(rs.getObject(15)));
    }

    private static SessionEvent readEvent(String sessionId, ResultSet rs) throws SQLException {
        return new SessionEvent(sessionId, rs.getLong(1), rs.getString(2), withoutNulls(JsonText.read(rs.getString(3))),
                Db.instant(rs.getObject(4)));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
