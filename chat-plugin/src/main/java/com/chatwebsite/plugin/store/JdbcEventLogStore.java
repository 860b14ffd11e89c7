package com.chatwebsite.plugin.store;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.plugin.session.EventLogStore;
import com.chatwebsite.plugin.session.SessionEvent;
import com.chatwebsite.plugin.session.SessionState;
import com.chatwebsite.plugin.session.SessionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Session event logs in {@code cw_session_event}, their heads in {@code cw_session_head}. */
public final class JdbcEventLogStore implements EventLogStore {

    private static final int CHUNK = 512;

    private final Db db;
    private final EventBus bus;

    public JdbcEventLogStore(Db db, EventBus bus) {
        this.db = db;
        this.bus = bus;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return db.tx(c -> work.run(new JdbcTx(c)));
    }

    @Override
    public List<SessionEvent> eventsAfter(String sessionId, long after, String onlyType, int limit) {
        return db.tx(c -> {
            String sql = "SELECT seq, event_type, payload, created_at FROM cw_session_event WHERE session_id = ? "
                    + "AND seq > ?" + (onlyType == null ? "" : " AND event_type = ?") + " ORDER BY seq";
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
        });
    }

    @Override
    public Map<String, Long> lastSeqs(Collection<String> sessionIds) {
        return db.tx(c -> heads(c, new ArrayList<>(sessionIds), false));
    }

    private static Map<String, Long> heads(Connection c, List<String> ids, boolean lock) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT session_id, last_seq FROM cw_session_head "
                    + "WHERE session_id IN (" + marks(chunk.size()) + ") ORDER BY session_id"
                    + (lock ? " FOR UPDATE" : ""))) {
                bind(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Placeholders for an IN list, rounded up to a power of two so that the database parses few
     * distinct statements; {@link #bind} repeats the last value into the spare ones.
     */
    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(bucket(n), "?"));
    }

    private static int bucket(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /** Binds values from {@code index} on, padding to the bucket's size; returns the next index. */
    private static int bind(PreparedStatement ps, int index, List<String> values) throws SQLException {
        int size = bucket(values.size());
        for (int i = 0; i < size; i++) {
            ps.setString(index + i, values.get(Math.min(i, values.size() - 1)));
        }
        return index + size;
    }

    static SessionEvent readEvent(String sessionId, ResultSet rs) throws SQLException {
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

    /** SQL work that may throw; wrapped as a {@link Db.StoreException}. */
    @FunctionalInterface
    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Sql<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new Db.StoreException(e);
        }
    }

    private final class JdbcTx implements Tx {
        private final Connection c;

        JdbcTx(Connection c) {
            this.c = c;
        }

        @Override
        public Map<String, Long> lockHeads(List<String> sessionIds) {
            return sql(() -> heads(c, sessionIds, true));
        }

        @Override
        public Map<String, SessionStatus> statuses(Collection<String> sessionIds) {
            return sql(() -> {
                List<String> ids = new ArrayList<>(sessionIds);
                Map<String, SessionStatus> out = new HashMap<>();
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                    try (PreparedStatement ps = c.prepareStatement("SELECT id, state, disposition, agent, accepted_at, "
                            + "closed_at, waiting_notified FROM cw_session WHERE id IN (" + marks(chunk.size()) + ")")) {
                        bind(ps, 1, chunk);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.put(rs.getString(1), new SessionStatus(SessionState.fromWire(rs.getString(2)),
                                        Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4)),
                                        Optional.ofNullable(Db.instant(rs.getObject(5))),
                                        Optional.ofNullable(Db.instant(rs.getObject(6))), rs.getBoolean(7)));
                            }
                        }
                    }
                }
                return out;
            });
        }

        @Override
        public Map<MessageKey, SessionEvent> byClientMessageIds(Collection<MessageKey> keys) {
            if (keys.isEmpty()) {
                return Map.of();
            }
            return sql(() -> {
                Map<MessageKey, SessionEvent> out = new HashMap<>();
                // One exact seek of the (session, sender, key) index per key: one statement, parsed once.
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_type, payload, created_at "
                        + "FROM cw_session_event WHERE session_id = ? AND sender = ? AND client_message_id = ?")) {
                    for (MessageKey k : keys) {
                        ps.setString(1, k.sessionId());
                        ps.setString(2, k.sender());
                        ps.setString(3, k.clientMessageId());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                out.put(k, readEvent(k.sessionId(), rs));
                            }
                        }
                    }
                }
                return out;
            });
        }

        @Override
        public void insert(List<Stored> events) {
            if (events.isEmpty()) {
                return;
            }
            sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_session_event (session_id, seq, "
                        + "event_type, sender, payload, client_message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (Stored s : events) {
                        SessionEvent e = s.event();
                        ps.setString(1, e.sessionId());
                        ps.setLong(2, e.seq());
                        ps.setString(3, e.type());
                        ps.setString(4, s.sender().orElse(null));
                        ps.setString(5, JsonText.write(e.data()));
                        ps.setString(6, s.clientMessageId().orElse(null));
                        ps.setObject(7, Db.utc(e.at()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                WebhookOutbox.enqueueLog(c, events.stream().map(Stored::event).toList());
                return null;
            });
        }

        @Override
        public void advanceHeads(Map<String, Head> heads) {
            sql(() -> {
                try (PreparedStatement seqOnly = c.prepareStatement(
                        "UPDATE cw_session_head SET last_seq = ? WHERE session_id = ?");
                        PreparedStatement withActivity = c.prepareStatement(
                                "UPDATE cw_session_head SET last_seq = ?, last_activity_at = ? WHERE session_id = ?")) {
                    boolean plain = false;
                    boolean active = false;
                    for (Map.Entry<String, Head> h : heads.entrySet()) {
                        if (h.getValue().activityAt().isPresent()) {
                            withActivity.setLong(1, h.getValue().lastSeq());
                            withActivity.setObject(2, Db.utc(h.getValue().activityAt().get()));
                            withActivity.setString(3, h.getKey());
                            withActivity.addBatch();
                            active = true;
                        } else {
                            seqOnly.setLong(1, h.getValue().lastSeq());
                            seqOnly.setString(2, h.getKey());
                            seqOnly.addBatch();
                            plain = true;
                        }
                    }
                    if (plain) {
                        seqOnly.executeBatch();
                    }
                    if (active) {
                        withActivity.executeBatch();
                    }
                }
                return null;
            });
        }

        @Override
        public void updateStatus(String sessionId, SessionStatus s) {
            sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE cw_session SET state = ?, disposition = ?, "
                        + "agent = ?, accepted_at = ?, closed_at = ?, waiting_notified = ? WHERE id = ?")) {
                    ps.setString(1, s.state().wire());
                    ps.setString(2, s.disposition().orElse(null));
                    ps.setString(3, s.agent().orElse(null));
                    ps.setObject(4, Db.utc(s.acceptedAt().orElse(null)));
                    ps.setObject(5, Db.utc(s.closedAt().orElse(null)));
                    ps.setBoolean(6, s.waitingNotified());
                    ps.setString(7, sessionId);
                    ps.executeUpdate();
                }
                return null;
            });
        }

        @Override
        public void recordForHost(List<HostEvent> events) {
            if (!events.isEmpty()) {
                sql(() -> {
                    bus.record(c, events);
                    return null;
                });
            }
        }
    }
}
