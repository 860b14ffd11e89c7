package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.consent.Consent;
import com.chatwebsite.plugin.consent.RecordedConsent;
import com.chatwebsite.plugin.offline.DueDelivery;
import com.chatwebsite.plugin.offline.OfflineRecord;
import com.chatwebsite.plugin.offline.OfflineRepository;
import com.chatwebsite.plugin.offline.OfflineRecord.Delivery;
import com.chatwebsite.plugin.webhook.WebhookEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Offline messages and their outbox, in {@code cw_offline} and {@code cw_outbox}. */
public final class OfflineStore implements OfflineRepository {

    private static final OutboxClaim CLAIM = new OutboxClaim("cw_outbox", "offline_id", "handler_id");

    private final Db db;
    private final UploadStore uploads;

    public OfflineStore(Db db, UploadStore uploads) {
        this.db = db;
        this.uploads = uploads;
    }

    /**
     * Stores a message, binds its uploads and records its deliveries, in one transaction.
     *
     * @param id the message id
     * @param websiteId the website
     * @param fields the values
     * @param contactId the contact
     * @param sessionId the chat it followed
     * @param uploadIds its attachments
     * @param handlerIds the handlers that apply
     * @param consents the checked agreement fields
     * @param now the time
     * @return false if an upload was taken meanwhile (nothing is stored)
     */
    public boolean insert(String id, String websiteId, Map<String, Object> fields, Optional<String> contactId,
            Optional<String> sessionId, List<String> uploadIds, List<String> handlerIds, List<Consent> consents,
            Instant now) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_offline (id, website_id, form_fields, "
                    + "contact_id, session_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, websiteId);
                ps.setString(3, JsonText.write(fields));
                ps.setString(4, contactId.orElse(null));
                ps.setString(5, sessionId.orElse(null));
                ps.setObject(6, Db.utc(now));
                ps.executeUpdate();
            }
            if (!uploads.bind(c, uploadIds, id, now)) {
                c.rollback();
                return false;
            }
            ConsentStore.insert(c, RecordedConsent.OFFLINE, id, websiteId, contactId, consents, now);
            for (String handler : handlerIds) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_outbox (offline_id, handler_id, state, "
                        + "attempts, next_attempt_at) VALUES (?, ?, 'pending', 0, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, handler);
                    ps.setObject(3, Db.utc(now));
                    ps.executeUpdate();
                }
            }
            WebhookOutbox.enqueue(c, WebhookEvents.offline(websiteId, id, fields, contactId, sessionId, now));
            return true;
        });
    }

    public Optional<OfflineRecord> find(String id) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, website_id, form_fields, contact_id, session_id, "
                    + "created_at FROM cw_offline WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
                }
            }
        });
    }

    public List<OfflineRecord> forWebsite(String websiteId, int limit) {
        return db.tx(c -> {
            List<OfflineRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, website_id, form_fields, contact_id, session_id, "
                    + "created_at FROM cw_offline WHERE website_id = ? ORDER BY created_at DESC, id")) {
                ps.setString(1, websiteId);
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(c, rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Claims pending deliveries whose time has come, oldest first, as {@link OutboxClaim} says; the
     * relay then marks each one delivered or failed.
     *
     * @param node this node
     * @param now the time
     * @param hold how long the claim keeps other live nodes away
     * @param deadBefore a node whose last heartbeat is older than this is dead
     * @param limit the most to claim
     * @return the claimed deliveries
     */
    @Override
    public List<DueDelivery> claimDue(String node, Instant now, Duration hold, Instant deadBefore, int limit) {
        return db.tx(c -> CLAIM.claim(c, node, now, hold, deadBefore, limit).stream()
                .map(r -> new DueDelivery(r.key().get(0), r.key().get(1), Optional.ofNullable(r.heldBefore())))
                .toList());
    }

    public void delivered(String offlineId, String handlerId, Instant now) {
        db.tx(c -> {
            // The successful attempt counts too: attempts is how many times the handler was called.
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_outbox SET state = 'done', delivered_at = ?, "
                    + "attempts = attempts + 1, last_error = NULL, claimed_by = NULL "
                    + "WHERE offline_id = ? AND handler_id = ? AND state <> 'done'")) {
                ps.setObject(1, Db.utc(now));
                ps.setString(2, offlineId);
                ps.setString(3, handlerId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void failed(String offlineId, String handlerId, String error, Instant nextAttempt) {
        db.tx(c -> {
            CLAIM.failed(c, List.of(offlineId, handlerId), error, nextAttempt);
            return null;
        });
    }

    public int attempts(String offlineId, String handlerId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT attempts FROM cw_outbox WHERE offline_id = ? AND handler_id = ?")) {
                ps.setString(1, offlineId);
                ps.setString(2, handlerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private static OfflineRecord read(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        List<Delivery> deliveries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT handler_id, state, attempts, next_attempt_at, last_error, "
                + "delivered_at FROM cw_outbox WHERE offline_id = ? ORDER BY handler_id")) {
            ps.setString(1, id);
            try (ResultSet d = ps.executeQuery()) {
                while (d.next()) {
                    deliveries.add(new Delivery(d.getString(1), d.getString(2), d.getInt(3), Db.instant(d.getObject(4)),
                            Optional.ofNullable(d.getString(5)), Optional.ofNullable(Db.instant(d.getObject(6)))));
                }
            }
        }
        return new OfflineRecord(id, rs.getString(2), JsonText.read(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)), Db.instant(rs.getObject(6)),
                deliveries);
    }
}
