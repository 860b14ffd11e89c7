package com.chatwebsite.host.routing;

import com.chatwebsite.host.db.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * SQL of the agents ({@code host_agent}) and their event streams ({@code host_agent_event}). An
 * event's sequence number is taken under its agent row's lock, held until commit, so one agent's
 * events commit in sequence order and a reader of {@code seq > x} never skips one.
 */
final class AgentEventStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One stored event. */
    record StoredEvent(long seq, String type, String payload) {
    }

    /**
     * Adds the configured agents, updates their capacity, and makes agents no longer configured
     * unavailable.
     */
    void seed(Connection c, List<Agent> agents) throws SQLException {
        for (Agent a : agents) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE host_agent SET capacity = ? WHERE name = ?")) {
                ps.setInt(1, a.capacity());
                ps.setString(2, a.name());
                if (ps.executeUpdate() > 0) {
                    continue;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO host_agent (name, available, capacity, last_event_seq) VALUES (?, FALSE, ?, 0)")) {
                ps.setString(1, a.name());
                ps.setInt(2, a.capacity());
                ps.executeUpdate();
            }
        }
        List<String> gone = new ArrayList<>(lastSeqs(c).keySet());
        gone.removeAll(agents.stream().map(Agent::name).toList());
        for (String name : gone) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE host_agent SET available = FALSE WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
        }
    }

    /** Locks agent rows in name order, the one order every transaction uses. */
    void lock(Connection c, Collection<String> agents) throws SQLException {
        for (String agent : new TreeSet<>(agents)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name FROM host_agent WHERE name = ? FOR UPDATE")) {
                ps.setString(1, agent);
                ps.executeQuery().close();
            }
        }
    }

    /**
     * Appends several events to one agent's stream, numbered after its last one; the agent's row
     * stays locked until the transaction ends.
     *
     * @param c the transaction
     * @param agent the agent
     * @param events (type, key, payload) of each event, in order
     * @param at their time
     * @return the last one's sequence number, or empty for an unknown agent
     */
    Optional<Long> appendAll(Connection c, String agent, List<NewAgentEvent> events, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE host_agent SET last_event_seq = last_event_seq + ? WHERE name = ?")) {
            ps.setInt(1, events.size());
            ps.setString(2, agent);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        long last;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_event_seq FROM host_agent WHERE name = ?")) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        long seq = last - events.size();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_agent_event "
                + "(agent, seq, event_type, event_key, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (NewAgentEvent e : events) {
                ps.setString(1, agent);
                ps.setLong(2, ++seq);
                ps.setString(3, e.type());
                ps.setString(4, e.key().orElse(null));
                ps.setString(5, json(e.payload()));
                ps.setObject(6, Jdbc.utc(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return Optional.of(last);
    }

    /** An event for {@link #appendAll}. */
    record NewAgentEvent(String type, Optional<String> key, Object payload) {
    }

    /**
     * Appends an event to an agent's stream; lock the agent first when locking several.
     *
     * @return its sequence number, or empty for an unknown agent
     */
    Optional<Long> append(Connection c, String agent, String type, Optional<String> key, Object payload,
            Instant at) throws SQLException {
        return appendAll(c, agent, List.of(new NewAgentEvent(type, key, payload)), at);
    }


    /** An agent's events with {@code after < seq <= upTo}, oldest first, at most {@code limit}. */
    List<StoredEvent> between(Connection c, String agent, long after, long upTo, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_type, payload FROM host_agent_event "
                + "WHERE agent = ? AND seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setString(1, agent);
            ps.setLong(2, after);
            ps.setLong(3, upTo);
            ps.setMaxRows(limit);
            List<StoredEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    /** Every agent's last committed sequence number. */
    Map<String, Long> lastSeqs(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, last_event_seq FROM host_agent");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /**
     * Deletes every agent's events about one interaction: its offer (whose view starts with its
     * {@code id}) and those naming it as {@code interactionId} (messages, receipts, close).
     *
     * @return how many were deleted
     */
    int forget(Connection c, String interactionId) throws SQLException {
        String escaped = interactionId.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM host_agent_event WHERE payload LIKE ? ESCAPE '!' OR payload LIKE ? ESCAPE '!'")) {
            ps.setString(1, "%\"interactionId\":\"" + escaped + "\"%");
            ps.setString(2, "{\"id\":\"" + escaped + "\"%"); // an offer: the agent's view of the interaction
            return ps.executeUpdate();
        }
    }

    /**
     * Deletes events older than {@code before} and all but the last {@code kept} of each agent.
     *
     * @return how many were deleted
     */
    int prune(Connection c, Instant before, int kept) throws SQLException {
        int deleted;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM host_agent_event WHERE created_at < ?")) {
            ps.setObject(1, Jdbc.utc(before));
            deleted = ps.executeUpdate();
        }
        for (Map.Entry<String, Long> agent : lastSeqs(c).entrySet()) {
            if (agent.getValue() > kept) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM host_agent_event WHERE agent = ? AND seq <= ?")) {
                    ps.setString(1, agent.getKey());
                    ps.setLong(2, agent.getValue() - kept);
                    deleted += ps.executeUpdate();
                }
            }
        }
        return deleted;
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
