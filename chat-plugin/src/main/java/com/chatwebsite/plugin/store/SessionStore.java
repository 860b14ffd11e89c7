package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.consent.Consent;
import com.chatwebsite.plugin.consent.RecordedConsent;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionRepository;
import com.chatwebsite.plugin.webhook.WebhookEvents;
import com.chatwebsite.plugin.website.Website;
import java.time.Instant;
import com.chatwebsite.plugin.session.SessionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chat sessions, in {@code cw_session} with their log head in {@code cw_session_head}. */
public final class SessionStore implements SessionRepository {

    private static final String COLUMNS = "s.id, s.website_id, s.token_hash, s.state, s.disposition, s.form_fields, "
            + "s.variables, s.contact_id, s.page_url, s.agent, h.last_seq, s.created_at, s.accepted_at, s.closed_at, "
            + "h.last_activity_at, s.waiting_notified";
    private static final String FROM = " FROM cw_session s JOIN cw_session_head h ON h.session_id = s.id";
    private static final String INSERT_COLUMNS = "id, website_id, token_hash, state, disposition, form_fields, "
            + "variables, contact_id, page_url, agent, last_seq, created_at, accepted_at, closed_at, last_activity_at";

    private final Db db;
    private final UploadStore uploads;

    public SessionStore(Db db, UploadStore uploads) {
        this.db = db;
        this.uploads = uploads;
    }

    @Override
    public OpenOutcome openUnderCap(ChatSession session, List<String> uploadIds, List<Consent> consents,
            Instant now) {
        try {
            return db.tx(c -> {
                Optional<Website> live = WebsiteStore.lock(c, session.websiteId());
                if (live.isEmpty() || countOpen(c, session.websiteId()) >= live.get().maxConcurrentSessions()) {
                    return OpenOutcome.FULL;
                }
                insert(c, session);
                if (!uploads.bind(c, uploadIds, session.id(), now)) {
                    throw new UploadInUse();
                }
                WebhookOutbox.enqueue(c, WebhookEvents.opened(session.websiteId(), session.id(), session.fields(),
                        session.page(), session.createdAt()));
                ConsentStore.insert(c, RecordedConsent.CHAT, session.id(), session.websiteId(), session.contactId(),
                        consents, now);
                return OpenOutcome.OPENED;
            });
        } catch (UploadInUse e) {
            return OpenOutcome.UPLOAD_IN_USE;
        }
    }

    /** Rolls the open back when an upload is taken. */
    private static final class UploadInUse extends RuntimeException {
        UploadInUse() {
            super(null, null, false, false);
        }
    }

    @Override
    public void linkContact(String sessionId, String contactId) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_session SET contact_id = ? WHERE id = ?")) {
                ps.setString(1, contactId);
                ps.setString(2, sessionId);
                ps.executeUpdate();
            }
            ConsentStore.linkContact(c, sessionId, contactId);
            return null;
        });
    }

    @Override
    public Optional<ChatSession> find(String sessionId) {
        return db.tx(c -> find(c, sessionId));
    }

    @Override
    public List<ChatSession> openSessions() {
        return db.tx(this::openSessions);
    }

    @Override
    public int countOpen(String websiteId) {
        return db.tx(c -> countOpen(c, websiteId));
    }

    @Override
    public List<ChatSession> forSupervisor(String websiteId, String state, int limit) {
        return db.tx(c -> forSupervisor(c, websiteId, state, limit));
    }

    private void insert(Connection c, ChatSession s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_session (" + INSERT_COLUMNS
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
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cw_session_head (session_id, last_seq, last_activity_at) VALUES (?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setLong(2, s.lastSeq());
            ps.setObject(3, Db.utc(s.lastActivityAt()));
            ps.executeUpdate();
        }
    }

    private int countOpen(Connection c, String websiteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM cw_session WHERE website_id = ? AND state IN ('waiting', 'active')")) {
            ps.setString(1, websiteId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Optional<ChatSession> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE s.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Sessions that are waiting or active, oldest first. */
    private List<ChatSession> openSessions(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + FROM + " WHERE s.state IN ('waiting', 'active') "
                + "ORDER BY s.created_at", List.of());
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
    private List<ChatSession> forSupervisor(Connection c, String websiteId, String state, int limit)
            throws SQLException {
        String where = "s.website_id = ?";
        List<Object> args = new ArrayList<>(List.of(websiteId));
        if ("unmanaged".equals(state)) {
            where += " AND s.state = 'closed' AND s.disposition = 'Unmanaged'";
        } else if (state != null) {
            where += " AND s.state = ?";
            args.add(state);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE " + where
                + " ORDER BY s.created_at DESC, s.id")) {
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
                Optional.ofNullable(Db.instant(rs.getObject(14))), Db.instant(rs.getObject(15)), rs.getBoolean(16));
    }

}
