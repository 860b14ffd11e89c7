package com.chatwebsite.plugin.store;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.plugin.presence.ReceiptRepository;
import com.chatwebsite.plugin.presence.Receipts;
import com.chatwebsite.plugin.presence.Side;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Read receipts in {@code cw_session_head} ({@code customer_read_seq}, {@code agent_read_seq}). */
public final class ReceiptStore implements ReceiptRepository {

    private final Db db;
    private final EventBus bus;

    public ReceiptStore(Db db, EventBus bus) {
        this.db = db;
        this.bus = bus;
    }

    @Override
    public Optional<Advance> advance(String sessionId, Side side, long seq, Function<Receipts, List<HostEvent>> forHost) {
        return db.tx(c -> {
            Optional<Head> head = head(c, sessionId, true);
            if (head.isEmpty()) {
                return Optional.empty();
            }
            Receipts now = head.get().receipts();
            if (seq <= now.of(side) || seq > head.get().lastSeq()) {
                return Optional.of(new Advance(now, head.get().lastSeq(), false));
            }
            String column = side == Side.CUSTOMER ? "customer_read_seq" : "agent_read_seq";
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE cw_session_head SET " + column + " = ? WHERE session_id = ?")) {
                ps.setLong(1, seq);
                ps.setString(2, sessionId);
                ps.executeUpdate();
            }
            Receipts after = side == Side.CUSTOMER ? new Receipts(seq, now.agentReadSeq())
                    : new Receipts(now.customerReadSeq(), seq);
            List<HostEvent> events = forHost.apply(after);
            if (!events.isEmpty()) {
                bus.record(c, events);
            }
            return Optional.of(new Advance(after, head.get().lastSeq(), true));
        });
    }

    @Override
    public Optional<Receipts> find(String sessionId) {
        return db.tx(c -> head(c, sessionId, false).map(Head::receipts));
    }

    private record Head(long lastSeq, Receipts receipts) {
    }

    private static Optional<Head> head(Connection c, String sessionId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, customer_read_seq, agent_read_seq "
                + "FROM cw_session_head WHERE session_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Head(rs.getLong(1), new Receipts(rs.getLong(2), rs.getLong(3))))
                        : Optional.empty();
            }
        }
    }
}
