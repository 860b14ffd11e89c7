package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.consent.Consent;
import com.chatwebsite.plugin.consent.ConsentRepository;
import com.chatwebsite.plugin.consent.RecordedConsent;
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
import java.util.UUID;

/** Consents in {@code cw_consent}, written inside the transaction that stores their interaction. */
public final class ConsentStore implements ConsentRepository {

    private static final String COLUMNS = "interaction_kind, interaction_id, website_id, contact_id, field_name, "
            + "consent_text, version, agreed_at";
    /** Ids per {@code IN (...)} list. */
    private static final int CHUNK = 200;

    private final Db db;

    public ConsentStore(Db db) {
        this.db = db;
    }

    /**
     * Records an interaction's consents.
     *
     * @param c the transaction storing the interaction
     * @param kind {@link RecordedConsent#CHAT} or {@link RecordedConsent#OFFLINE}
     * @param interactionId the session or offline message
     * @param websiteId the website
     * @param contactId the contact, if already known
     * @param consents what was agreed to
     * @param now the submission's time
     */
    static void insert(Connection c, String kind, String interactionId, String websiteId, Optional<String> contactId,
            List<Consent> consents, Instant now) throws SQLException {
        for (Consent consent : consents) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_consent (id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, kind);
                ps.setString(3, interactionId);
                ps.setString(4, websiteId);
                ps.setString(5, contactId.orElse(null));
                ps.setString(6, consent.fieldName());
                ps.setString(7, consent.text());
                ps.setString(8, consent.version());
                ps.setObject(9, Db.utc(now));
                ps.executeUpdate();
            }
        }
    }

    /** Stores the contact a session was linked to on its consents, in the link's transaction. */
    static void linkContact(Connection c, String sessionId, String contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE cw_consent SET contact_id = ? WHERE interaction_id = ? AND interaction_kind = ?")) {
            ps.setString(1, contactId);
            ps.setString(2, sessionId);
            ps.setString(3, RecordedConsent.CHAT);
            ps.executeUpdate();
        }
    }

    /**
     * The consents of interactions.
     *
     * @param interactionIds sessions and offline messages
     * @return their consents by interaction id, each list in the order given
     */
    @Override
    public Map<String, List<RecordedConsent>> forInteractions(Collection<String> interactionIds) {
        return db.tx(c -> forInteractions(c, interactionIds));
    }

    static Map<String, List<RecordedConsent>> forInteractions(Connection c, Collection<String> interactionIds)
            throws SQLException {
        Map<String, List<RecordedConsent>> out = new LinkedHashMap<>();
        List<String> ids = List.copyOf(interactionIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cw_consent WHERE interaction_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY agreed_at, id")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RecordedConsent r = read(rs);
                        out.computeIfAbsent(r.interactionId(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        return out;
    }

    /** The consents stored with a contact, oldest first. */
    static List<RecordedConsent> forContact(Connection c, String contactId) throws SQLException {
        List<RecordedConsent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM cw_consent WHERE contact_id = ? ORDER BY agreed_at, id")) {
            ps.setString(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static RecordedConsent read(ResultSet rs) throws SQLException {
        return new RecordedConsent(rs.getString(1), rs.getString(2), rs.getString(3),
                Optional.ofNullable(rs.getString(4)), new Consent(rs.getString(5), rs.getString(6), rs.getString(7)),
                Db.instant(rs.getObject(8)));
    }
}
