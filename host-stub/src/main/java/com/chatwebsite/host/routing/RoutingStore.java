package com.chatwebsite.host.routing;

import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.OfferField;
import com.chatwebsite.host.db.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Collection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * SQL of the routing state: {@code host_routing} (an interaction offered, being accepted, or held)
 * and {@code host_routing_notified} (whose stream got its offer). A transaction locks routing rows
 * before agent rows.
 */
final class RoutingStore {

    static final String OFFERED = "offered";
    static final String ACCEPTING = "accepting";
    static final String HELD = "held";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String COLUMNS = "SELECT offer_json, status, agent FROM host_routing ";

    /** A routing row. */
    record Routed(InteractionOffer offer, String status, Optional<String> agent) {

        boolean is(String s) {
            return status.equals(s);
        }

        boolean heldBy(String name) {
            return is(HELD) && agent.filter(name::equals).isPresent();
        }
    }

    Optional<Routed> find(Connection c, String interactionId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                COLUMNS + "WHERE interaction_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, interactionId);
            List<Routed> rows = read(ps);
            return rows.stream().findFirst();
        }
    }

    /** A routing row without its offer: which channel, in what status, held by whom. */
    record Slot(String channelId, String status, Optional<String> agent) {
    }

    /** An interaction's routing row without parsing its offer, if routed. */
    Optional<Slot> slot(Connection c, String interactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT channel_id, status, agent FROM host_routing WHERE interaction_id = ?")) {
            ps.setString(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Slot(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3))))
                        : Optional.empty();
            }
        }
    }

    /**
     * The agent holding each interaction, where one does; reads no offer.
     *
     * @param c the transaction
     * @param interactionIds the interactions, in a stable order
     * @param lock whether to lock their rows until the transaction ends
     * @return interaction id to holding agent
     */
    Map<String, String> holders(Connection c, Collection<String> interactionIds, boolean lock) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (lock) { // one row at a time, in the caller's order, so lockers never deadlock
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, agent, interaction_id FROM host_routing WHERE interaction_id = ? FOR UPDATE")) {
                for (String id : interactionIds) {
                    ps.setString(1, id);
                    readHolders(ps, out);
                }
            }
            return out;
        }
        List<String> ids = List.copyOf(interactionIds);
        for (int from = 0; from < ids.size(); from += HOLDERS_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + HOLDERS_CHUNK));
            // padded to a few statement shapes, repeating the last id
            int size = chunk.size() <= 1 ? 1 : Integer.highestOneBit(chunk.size() - 1) << 1;
            try (PreparedStatement ps = c.prepareStatement("SELECT status, agent, interaction_id FROM host_routing "
                    + "WHERE interaction_id IN (" + String.join(", ", java.util.Collections.nCopies(size, "?")) + ")")) {
                for (int i = 0; i < size; i++) {
                    ps.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
                readHolders(ps, out);
            }
        }
        return out;
    }

    private static final int HOLDERS_CHUNK = 256;

    private static void readHolders(PreparedStatement ps, Map<String, String> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (HELD.equals(rs.getString(1)) && rs.getString(2) != null) {
                    out.put(rs.getString(3), rs.getString(2));
                }
            }
        }
    }

    /** Inserts a row; fails with a duplicate-key error (SQLState 23505) if the interaction is routed. */
    void insert(Connection c, InteractionOffer offer, String status, Optional<String> agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_routing "
                + "(interaction_id, channel_id, offer_json, status, agent, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, offer.interactionId());
            ps.setString(2, offer.channelId());
            ps.setString(3, write(offer));
            ps.setString(4, status);
            ps.setString(5, agent.orElse(null));
            ps.setObject(6, Jdbc.utc(offer.createdAt()));
            ps.executeUpdate();
        }
    }

    void setStatus(Connection c, String interactionId, String status, Optional<String> agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE host_routing SET status = ?, agent = ? WHERE interaction_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, agent.orElse(null));
            ps.setString(3, interactionId);
            ps.executeUpdate();
        }
    }

    /** Deletes the row and its notified agents. */
    void delete(Connection c, String interactionId) throws SQLException {
        clearNotified(c, interactionId);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM host_routing WHERE interaction_id = ?")) {
            ps.setString(1, interactionId);
            ps.executeUpdate();
        }
    }

    /** The offers nobody accepted yet, oldest first. */
    List<Routed> offered(Connection c, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE status = 'offered' "
                + "ORDER BY interaction_id" + (lock ? " FOR UPDATE" : ""))) {
            List<Routed> rows = read(ps);
            rows.sort((a, b) -> a.offer().createdAt().compareTo(b.offer().createdAt()));
            return rows;
        }
    }

    /** What an agent holds. */
    List<Routed> heldBy(Connection c, String agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE status = 'held' AND agent = ?")) {
            ps.setString(1, agent);
            return read(ps);
        }
    }

    /** The available agents below their capacity (interactions being accepted count), by name. */
    List<String> availableAgents(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.name FROM host_agent a WHERE a.available "
                + "AND a.capacity > (SELECT COUNT(*) FROM host_routing r WHERE r.agent = a.name) ORDER BY a.name");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** How many interactions an agent holds or is accepting. */
    int load(Connection c, String agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM host_routing WHERE agent = ?")) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** An agent's availability, if the agent exists. */
    Optional<Boolean> available(Connection c, String agent, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT available FROM host_agent WHERE name = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        }
    }

    int capacity(Connection c, String agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT capacity FROM host_agent WHERE name = ?")) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    void setAvailable(Connection c, String agent, boolean available) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE host_agent SET available = ? WHERE name = ?")) {
            ps.setBoolean(1, available);
            ps.setString(2, agent);
            ps.executeUpdate();
        }
    }

    /** The agents whose stream got the interaction's offer, by name. */
    TreeSet<String> notified(Connection c, String interactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT agent FROM host_routing_notified WHERE interaction_id = ?")) {
            ps.setString(1, interactionId);
            TreeSet<String> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    void addNotified(Connection c, String interactionId, String agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO host_routing_notified (interaction_id, agent) VALUES (?, ?)")) {
            ps.setString(1, interactionId);
            ps.setString(2, agent);
            ps.executeUpdate();
        }
    }

    /** Forgets every notified agent but {@code keep}. */
    void clearNotified(Connection c, String interactionId, Optional<String> keep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM host_routing_notified WHERE interaction_id = ? AND agent <> ?")) {
            ps.setString(1, interactionId);
            ps.setString(2, keep.orElse(""));
            ps.executeUpdate();
        }
    }

    void clearNotified(Connection c, String interactionId) throws SQLException {
        clearNotified(c, interactionId, Optional.empty());
    }

    private static List<Routed> read(PreparedStatement ps) throws SQLException {
        List<Routed> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Routed(parse(rs.getString(1)), rs.getString(2), Optional.ofNullable(rs.getString(3))));
            }
        }
        return out;
    }

    private static String write(InteractionOffer o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interactionId", o.interactionId());
        m.put("channelId", o.channelId());
        m.put("attributes", o.attributes());
        m.put("variables", o.variables());
        m.put("fields", o.fields());
        m.put("contactId", o.contactId().orElse(null));
        m.put("createdAt", o.createdAt().toString());
        m.put("form", o.form().stream().map(f -> Map.of("name", f.name(), "label", f.label(),
                "fileNames", f.fileNames())).toList());
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offer's form as written by {@link #write}; none in rows written before it had one. */
    @SuppressWarnings("unchecked")
    private static List<OfferField> form(List<Map<String, Object>> rows) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream().map(r -> new OfferField((String) r.get("name"), (String) r.get("label"),
                (Map<String, String>) r.getOrDefault("fileNames", Map.of()))).toList();
    }

    @SuppressWarnings("unchecked")
    private static InteractionOffer parse(String json) {
        try {
            Map<String, Object> m = MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
            return new InteractionOffer((String) m.get("interactionId"), (String) m.get("channelId"),
                    (Map<String, String>) m.get("attributes"), (Map<String, String>) m.get("variables"),
                    (Map<String, Object>) m.get("fields"), Optional.ofNullable((String) m.get("contactId")),
                    Instant.parse((String) m.get("createdAt")), form((List<Map<String, Object>>) m.get("form")));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
