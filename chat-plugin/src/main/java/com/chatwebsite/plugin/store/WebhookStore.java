package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.webhook.DueWebhook;
import com.chatwebsite.plugin.webhook.WebhookDelivery;
import com.chatwebsite.plugin.webhook.WebhookEndpoint;
import com.chatwebsite.plugin.webhook.WebhookEventType;
import com.chatwebsite.plugin.webhook.WebhookRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints in {@code cw_webhook_endpoint}, their deliveries (the outbox) in {@code cw_webhook_delivery}. */
public final class WebhookStore implements WebhookRepository {

    private static final OutboxClaim CLAIM = new OutboxClaim("cw_webhook_delivery", "event_id", "endpoint_id");
    private static final String ENDPOINT_COLUMNS = "id, website_id, url, events, secret, enabled, allow_private, "
            + "created_at, updated_at";
    private static final String DELIVERY_COLUMNS = "event_id, endpoint_id, website_id, event_type, state, attempts, "
            + "last_status, last_error, created_at, last_attempt_at, next_attempt_at, delivered_at";

    private final Db db;

    public WebhookStore(Db db) {
        this.db = db;
    }

    @Override
    public List<WebhookEndpoint> endpoints(String websiteId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ENDPOINT_COLUMNS
                    + " FROM cw_webhook_endpoint WHERE website_id = ? ORDER BY created_at, id")) {
                ps.setString(1, websiteId);
                List<WebhookEndpoint> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(endpoint(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(String websiteId, String endpointId) {
        return db.tx(c -> endpoint(c, endpointId).filter(e -> e.websiteId().equals(websiteId)));
    }

    private static Optional<WebhookEndpoint> endpoint(Connection c, String endpointId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENDPOINT_COLUMNS
                + " FROM cw_webhook_endpoint WHERE id = ?")) {
            ps.setString(1, endpointId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(endpoint(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public int countEndpoints(String websiteId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM cw_webhook_endpoint WHERE website_id = ?")) {
                ps.setString(1, websiteId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public void insert(WebhookEndpoint e) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_webhook_endpoint (" + ENDPOINT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.id());
                ps.setString(2, e.websiteId());
                bindSettings(ps, 3, e);
                ps.setObject(8, Db.utc(e.createdAt()));
                ps.setObject(9, Db.utc(e.updatedAt()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean update(WebhookEndpoint e) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_webhook_endpoint SET url = ?, events = ?, "
                    + "secret = ?, enabled = ?, allow_private = ?, updated_at = ? WHERE id = ? AND website_id = ?")) {
                bindSettings(ps, 1, e);
                ps.setObject(6, Db.utc(e.updatedAt()));
                ps.setString(7, e.id());
                ps.setString(8, e.websiteId());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void bindSettings(PreparedStatement ps, int from, WebhookEndpoint e) throws SQLException {
        ps.setString(from, e.url());
        ps.setString(from + 1, "," + String.join(",", e.events().stream().map(WebhookEventType::wire).toList()) + ",");
        ps.setString(from + 2, e.secret());
        ps.setBoolean(from + 3, e.enabled());
        ps.setBoolean(from + 4, e.allowPrivateTargets());
    }

    @Override
    public boolean delete(String websiteId, String endpointId) {
        return db.tx(c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT id FROM cw_webhook_endpoint WHERE id = ? AND website_id = ? FOR UPDATE")) {
                lock.setString(1, endpointId);
                lock.setString(2, websiteId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cw_webhook_delivery WHERE endpoint_id = ?")) {
                ps.setString(1, endpointId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cw_webhook_endpoint WHERE id = ?")) {
                ps.setString(1, endpointId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Claims as {@link OutboxClaim} says. */
    @Override
    public List<List<String>> claimDue(String node, Instant now, Duration hold, Instant deadBefore, int limit) {
        return db.tx(c -> CLAIM.claim(c, node, now, hold, deadBefore, limit).stream().map(OutboxClaim.Claimed::key)
                .toList());
    }

    @Override
    public Optional<DueWebhook> due(String eventId, String endpointId) {
        return db.tx(c -> {
            Optional<WebhookEndpoint> endpoint = endpoint(c, endpointId);
            if (endpoint.isEmpty()) {
                return Optional.<DueWebhook>empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT event_type, website_id, payload, created_at, attempts "
                    + "FROM cw_webhook_delivery WHERE event_id = ? AND endpoint_id = ? AND state = 'pending'")) {
                ps.setString(1, eventId);
                ps.setString(2, endpointId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new DueWebhook(eventId, rs.getString(1), rs.getString(2),
                            JsonText.read(rs.getString(3)), Db.instant(rs.getObject(4)), rs.getInt(5), endpoint.get()))
                            : Optional.<DueWebhook>empty();
                }
            }
        });
    }

    @Override
    public void delivered(String eventId, String endpointId, int status, Instant now) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_webhook_delivery SET state = 'delivered', "
                    + "attempts = attempts + 1, last_status = ?, last_error = NULL, last_attempt_at = ?, "
                    + "delivered_at = ?, claimed_by = NULL WHERE event_id = ? AND endpoint_id = ?")) {
                ps.setInt(1, status);
                ps.setObject(2, Db.utc(now));
                ps.setObject(3, Db.utc(now));
                ps.setString(4, eventId);
                ps.setString(5, endpointId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void retry(String eventId, String endpointId, Optional<Integer> status, String error, Instant now,
            Instant next) {
        db.tx(c -> {
            CLAIM.failed(c, List.of(eventId, endpointId), error, next);
            attempted(c, eventId, endpointId, status, now);
            return null;
        });
    }

    @Override
    public void end(String eventId, String endpointId, String state, Optional<Integer> status, String error,
            Instant now) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_webhook_delivery SET state = ?, "
                    + "attempts = attempts + 1, last_error = ?, claimed_by = NULL WHERE event_id = ? AND endpoint_id = ?")) {
                ps.setString(1, state);
                ps.setString(2, error.length() > 1000 ? error.substring(0, 1000) : error);
                ps.setString(3, eventId);
                ps.setString(4, endpointId);
                ps.executeUpdate();
            }
            attempted(c, eventId, endpointId, status, now);
            return null;
        });
    }

    private static void attempted(Connection c, String eventId, String endpointId, Optional<Integer> status,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cw_webhook_delivery SET last_status = ?, "
                + "last_attempt_at = ? WHERE event_id = ? AND endpoint_id = ?")) {
            if (status.isPresent()) {
                ps.setInt(1, status.get());
            } else {
                ps.setNull(1, Types.INTEGER);
            }
            ps.setObject(2, Db.utc(now));
            ps.setString(3, eventId);
            ps.setString(4, endpointId);
            ps.executeUpdate();
        }
    }

    @Override
    public List<WebhookDelivery> deliveries(String websiteId, Optional<String> endpointId, int limit) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
                    + " FROM cw_webhook_delivery WHERE website_id = ?" + (endpointId.isPresent() ? " AND endpoint_id = ?" : "")
                    + " ORDER BY created_at DESC, event_id DESC, endpoint_id")) {
                ps.setString(1, websiteId);
                if (endpointId.isPresent()) {
                    ps.setString(2, endpointId.get());
                }
                ps.setMaxRows(limit);
                List<WebhookDelivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int status = rs.getInt(7);
                        Optional<Integer> lastStatus = rs.wasNull() ? Optional.empty() : Optional.of(status);
                        String state = rs.getString(5);
                        out.add(new WebhookDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                state, rs.getInt(6), lastStatus, Optional.ofNullable(rs.getString(8)),
                                Db.instant(rs.getObject(9)), Optional.ofNullable(Db.instant(rs.getObject(10))),
                                state.equals("pending") ? Optional.ofNullable(Db.instant(rs.getObject(11)))
                                        : Optional.empty(),
                                Optional.ofNullable(Db.instant(rs.getObject(12)))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int prune(Instant before) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM cw_webhook_delivery WHERE state <> 'pending' AND created_at < ?")) {
                ps.setObject(1, Db.utc(before));
                return ps.executeUpdate();
            }
        });
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        List<WebhookEventType> events = new ArrayList<>();
        for (String name : rs.getString(4).split(",")) {
            WebhookEventType.fromWire(name).ifPresent(events::add);
        }
        return new WebhookEndpoint(rs.getString(1), rs.getString(2), rs.getString(3), events, rs.getString(5),
                rs.getBoolean(6), rs.getBoolean(7), Db.instant(rs.getObject(8)), Db.instant(rs.getObject(9)));
    }
}
