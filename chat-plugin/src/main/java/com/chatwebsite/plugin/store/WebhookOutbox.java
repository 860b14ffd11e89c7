package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.session.SessionEvent;
import com.chatwebsite.plugin.webhook.WebhookEvent;
import com.chatwebsite.plugin.webhook.WebhookEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores webhook events in the transaction of the change that causes them: one {@code cw_webhook_delivery}
 * row per enabled endpoint of the website that asked for the kind. While no endpoint is enabled anywhere,
 * a batch of log events costs one query and builds nothing.
 */
final class WebhookOutbox {

    private static final String INSERT = "INSERT INTO cw_webhook_delivery (event_id, endpoint_id, website_id, "
            + "event_type, session_id, subject_id, payload, state, attempts, next_attempt_at, created_at) "
            + "SELECT ?, e.id, e.website_id, ?, ?, ?, ?, 'pending', 0, ?, ? FROM cw_webhook_endpoint e "
            + "WHERE e.enabled = TRUE AND e.events LIKE ? AND e.website_id = ";
    private static final String BY_WEBSITE = INSERT + "?";
    private static final String BY_SESSION = INSERT + "(SELECT s.website_id FROM cw_session s WHERE s.id = ?)";

    private WebhookOutbox() {
    }

    /** The events the session log entries make, stored with them. */
    static void enqueueLog(Connection c, List<SessionEvent> events) throws SQLException {
        if (!anyEndpoint(c)) {
            return; // the common case: nothing to build, serialise or insert for each message
        }
        List<WebhookEvent> out = new ArrayList<>();
        for (SessionEvent e : events) {
            WebhookEvents.fromLog(e).ifPresent(out::add);
        }
        enqueue(c, out);
    }

    static void enqueue(Connection c, WebhookEvent event) throws SQLException {
        enqueue(c, List.of(event));
    }

    /**
     * Whether any endpoint is enabled, read in the writing transaction: one that commits later
     * hears of events written after it only.
     */
    private static boolean anyEndpoint(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM cw_webhook_endpoint WHERE enabled = TRUE FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static void enqueue(Connection c, List<WebhookEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement byWebsite = c.prepareStatement(BY_WEBSITE);
                PreparedStatement bySession = c.prepareStatement(BY_SESSION)) {
            boolean website = false;
            boolean session = false;
            for (WebhookEvent e : events) {
                PreparedStatement ps = e.websiteId().isPresent() ? byWebsite : bySession;
                ps.setString(1, e.id());
                ps.setString(2, e.type().wire());
                ps.setString(3, e.sessionId().orElse(null));
                ps.setString(4, e.subjectId().orElse(null));
                ps.setString(5, JsonText.write(e.data()));
                ps.setObject(6, Db.utc(e.at()));
                ps.setObject(7, Db.utc(e.at()));
                ps.setString(8, "%," + e.type().wire() + ",%");
                ps.setString(9, e.websiteId().or(e::sessionId).orElseThrow());
                ps.addBatch();
                website |= e.websiteId().isPresent();
                session |= e.websiteId().isEmpty();
            }
            if (website) {
                byWebsite.executeBatch();
            }
            if (session) {
                bySession.executeBatch();
            }
        }
    }
}
