package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.consent.RecordedConsent;
import com.chatwebsite.plugin.privacy.ContactDataRepository;
import com.chatwebsite.plugin.privacy.Erased;
import com.chatwebsite.plugin.privacy.ErasureRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A contact's data across the plugin's tables, for erasure and export, and the retention deletes:
 * chats in {@code cw_session} with {@code cw_session_head}, {@code cw_session_event}, {@code cw_rating}
 * and {@code cw_transcript}; offline messages in {@code cw_offline} with {@code cw_outbox}; files in
 * {@code cw_upload}; consents in {@code cw_consent}; audit records in {@code cw_erasure}.
 */
public final class ContactDataStore implements ContactDataRepository {

    private static final int CHUNK = 200;
    private static final String OPEN = "('waiting', 'active')";

    private final Db db;

    public ContactDataStore(Db db) {
        this.db = db;
    }

    @Override
    public Map<String, Object> export(String contactId) {
        return db.tx(c -> {
            List<String> chatIds = ids(c, "SELECT id FROM cw_session WHERE contact_id = ? ORDER BY created_at, id",
                    List.of(contactId));
            List<String> offlineIds = offlineOf(c, contactId, chatIds);
            List<String> all = union(chatIds, offlineIds);
            Map<String, List<RecordedConsent>> consents = ConsentStore.forInteractions(c, all);
            Set<RecordedConsent> allConsents = new LinkedHashSet<>();
            consents.values().forEach(allConsents::addAll);
            allConsents.addAll(ConsentStore.forContact(c, contactId));
            List<Map<String, Object>> ratings = new ArrayList<>();
            List<Map<String, Object>> chats = new ArrayList<>();
            for (String id : chatIds) {
                Map<String, Object> chat = chat(c, id);
                chat.put("messages", messages(c, id));
                Map<String, Object> rating = rating(c, id);
                chat.put("rating", rating);
                if (rating != null) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("sessionId", id);
                    r.putAll(rating);
                    ratings.add(r);
                }
                chat.put("transcripts", rows(c, "SELECT email, state, created_at, delivered_at FROM cw_transcript "
                        + "WHERE session_id = ? ORDER BY created_at, id", List.of(id),
                        "email", "state", "createdAt", "deliveredAt"));
                chat.put("consents", consents.getOrDefault(id, List.of()).stream().map(RecordedConsent::toMap).toList());
                chats.add(chat);
            }
            List<Map<String, Object>> offline = new ArrayList<>();
            for (String id : offlineIds) {
                Map<String, Object> o = rows(c, "SELECT id, website_id, form_fields, session_id, created_at "
                        + "FROM cw_offline WHERE id = ?", List.of(id),
                        "id", "websiteId", "fields", "sessionId", "createdAt").get(0);
                o.put("fields", JsonText.read((String) o.get("fields")));
                o.put("consents", consents.getOrDefault(id, List.of()).stream().map(RecordedConsent::toMap).toList());
                offline.add(o);
            }
            List<Map<String, Object>> uploads = new ArrayList<>();
            for (List<String> chunk : chunks(all)) {
                uploads.addAll(rows(c, "SELECT id, owner_id, website_id, form_kind, field_name, file_name, content_type, "
                        + "size_bytes, created_at FROM cw_upload WHERE owner_id IN (" + marks(chunk.size())
                        + ") ORDER BY created_at, id", chunk, "id", "interactionId", "websiteId", "formKind", "field",
                        "fileName", "contentType", "size", "createdAt"));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("contactId", contactId);
            out.put("chats", chats);
            out.put("offlineMessages", offline);
            out.put("uploads", uploads);
            out.put("consents", allConsents.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("interactionKind", r.interactionKind());
                m.put("interactionId", r.interactionId());
                m.put("websiteId", r.websiteId());
                m.putAll(r.toMap());
                return m;
            }).toList());
            out.put("ratings", ratings);
            return out;
        });
    }

    @Override
    public Erased erase(String contactId, ErasureRecord audit, FileEraser files) {
        return db.tx(c -> {
            List<String> chatIds = ids(c, "SELECT id FROM cw_session WHERE contact_id = ?", List.of(contactId));
            List<String> offlineIds = offlineOf(c, contactId, chatIds);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String kind : ErasureRecord.KINDS) {
                counts.put(kind, audit.counts().getOrDefault(kind, 0));
            }
            int consents = update(c, "DELETE FROM cw_consent WHERE contact_id = ?", List.of(contactId));
            counts.put("consents", consents);
            eraseInteractions(c, chatIds, offlineIds, counts, files);
            ErasureRecord written = new ErasureRecord(audit.id(), audit.erasedAt(), audit.erasedBy(), counts);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO cw_erasure (id, erased_at, erased_by, counts) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, written.id());
                ps.setObject(2, Db.utc(written.erasedAt()));
                ps.setString(3, written.erasedBy());
                ps.setString(4, JsonText.write(counts));
                ps.executeUpdate();
            }
            return new Erased(written, chatIds);
        });
    }

    @Override
    public List<ErasureRecord> erasures(int limit) {
        return db.tx(c -> {
            List<ErasureRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, erased_at, erased_by, counts FROM cw_erasure ORDER BY erased_at DESC, id")) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Integer> counts = new LinkedHashMap<>();
                        JsonText.read(rs.getString(4)).forEach((k, v) -> counts.put(k, ((Number) v).intValue()));
                        out.add(new ErasureRecord(rs.getString(1), Db.instant(rs.getObject(2)), rs.getString(3), counts));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int deleteClosedChats(String websiteId, Instant closedBefore, int limit, FileEraser files) {
        return db.tx(c -> {
            List<String> chatIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM cw_session WHERE website_id = ? "
                    + "AND state = 'closed' AND closed_at < ? ORDER BY closed_at, id")) {
                ps.setString(1, websiteId);
                ps.setObject(2, Db.utc(closedBefore));
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        chatIds.add(rs.getString(1));
                    }
                }
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            eraseInteractions(c, chatIds, List.of(), counts, files);
            return chatIds.size();
        });
    }

    @Override
    public int deleteUploads(String websiteId, Instant createdBefore, int limit, FileEraser files) {
        return db.tx(c -> {
            List<String> uploadIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT u.id FROM cw_upload u WHERE u.website_id = ? "
                    + "AND u.created_at < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM cw_session s WHERE s.id = u.owner_id AND s.state IN " + OPEN + ") "
                    + "AND NOT EXISTS (SELECT 1 FROM cw_outbox o WHERE o.offline_id = u.owner_id AND o.state <> 'done') "
                    + "ORDER BY u.created_at, u.id")) {
                ps.setString(1, websiteId);
                ps.setObject(2, Db.utc(createdBefore));
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        uploadIds.add(rs.getString(1));
                    }
                }
            }
            eraseFiles(files, uploadIds);
            return deleteIn(c, "DELETE FROM cw_upload WHERE id IN (%s)", uploadIds);
        });
    }

    /** Offline messages of a contact, and those sent after one of its chats without a contact. */
    private static List<String> offlineOf(Connection c, String contactId, List<String> chatIds) throws SQLException {
        Set<String> out = new LinkedHashSet<>(ids(c, "SELECT id FROM cw_offline WHERE contact_id = ? "
                + "ORDER BY created_at, id", List.of(contactId)));
        for (List<String> chunk : chunks(chatIds)) {
            out.addAll(ids(c, "SELECT id FROM cw_offline WHERE contact_id IS NULL AND session_id IN ("
                    + marks(chunk.size()) + ") ORDER BY created_at, id", chunk));
        }
        return List.copyOf(out);
    }

    /** Deletes chats and offline messages with all of theirs, counting each kind into {@code counts}. */
    private static void eraseInteractions(Connection c, List<String> chatIds, List<String> offlineIds,
            Map<String, Integer> counts, FileEraser files) throws SQLException {
        List<String> owners = union(chatIds, offlineIds);
        List<String> uploadIds = new ArrayList<>();
        for (List<String> chunk : chunks(owners)) {
            uploadIds.addAll(ids(c, "SELECT id FROM cw_upload WHERE owner_id IN (" + marks(chunk.size()) + ")", chunk));
        }
        eraseFiles(files, uploadIds);
        counts.merge("uploads", deleteIn(c, "DELETE FROM cw_upload WHERE id IN (%s)", uploadIds), Integer::sum);
        counts.merge("consents", deleteIn(c, "DELETE FROM cw_consent WHERE interaction_id IN (%s)", owners),
                Integer::sum);
        counts.merge("messages", deleteIn(c, "DELETE FROM cw_session_event WHERE event_type = 'message' "
                + "AND session_id IN (%s)", chatIds), Integer::sum);
        deleteIn(c, "DELETE FROM cw_session_event WHERE session_id IN (%s)", chatIds);
        counts.merge("ratings", deleteIn(c, "DELETE FROM cw_rating WHERE session_id IN (%s)", chatIds), Integer::sum);
        counts.merge("transcripts", deleteIn(c, "DELETE FROM cw_transcript WHERE session_id IN (%s)", chatIds),
                Integer::sum);
        deleteIn(c, "DELETE FROM cw_session_head WHERE session_id IN (%s)", chatIds);
        counts.merge("chats", deleteIn(c, "DELETE FROM cw_session WHERE id IN (%s)", chatIds), Integer::sum);
        deleteIn(c, "DELETE FROM cw_outbox WHERE offline_id IN (%s)", offlineIds);
        // webhook payloads carry the fields and messages too, sent or not
        deleteIn(c, "DELETE FROM cw_webhook_delivery WHERE session_id IN (%s)", chatIds);
        deleteIn(c, "DELETE FROM cw_webhook_delivery WHERE subject_id IN (%s)", offlineIds);
        counts.merge("offlineMessages", deleteIn(c, "DELETE FROM cw_offline WHERE id IN (%s)", offlineIds),
                Integer::sum);
    }

    private static void eraseFiles(FileEraser files, List<String> uploadIds) {
        if (uploadIds.isEmpty()) {
            return;
        }
        try {
            files.erase(uploadIds);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete uploaded files; nothing was erased", e);
        }
    }

    private Map<String, Object> chat(Connection c, String id) throws SQLException {
        Map<String, Object> chat = rows(c, "SELECT id, website_id, state, disposition, form_fields, variables, page_url, "
                + "agent, created_at, accepted_at, closed_at FROM cw_session WHERE id = ?", List.of(id), "id",
                "websiteId", "state", "disposition", "fields", "variables", "page", "agent", "createdAt", "acceptedAt",
                "closedAt").get(0);
        chat.put("fields", JsonText.read((String) chat.get("fields")));
        chat.put("variables", JsonText.read((String) chat.get("variables")));
        return chat;
    }

    private static List<Map<String, Object>> messages(Connection c, String sessionId) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, payload, created_at FROM cw_session_event "
                + "WHERE session_id = ? AND event_type = 'message' ORDER BY seq")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>(JsonText.read(rs.getString(2)));
                    m.put("seq", rs.getLong(1));
                    m.putIfAbsent("at", Db.instant(rs.getObject(3)).toString());
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> rating(Connection c, String sessionId) throws SQLException {
        List<Map<String, Object>> found = rows(c, "SELECT score, comment_text, rated_at FROM cw_rating WHERE session_id = ?",
                List.of(sessionId), "score", "comment", "ratedAt");
        return found.isEmpty() ? null : found.get(0);
    }

    /** Rows as maps with the given keys; timestamps as ISO-8601 text. */
    private static List<Map<String, Object>> rows(Connection c, String sql, List<String> args, String... keys)
            throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < keys.length; i++) {
                        Object v = rs.getObject(i + 1);
                        if (v instanceof java.time.OffsetDateTime || v instanceof java.sql.Timestamp) {
                            v = Db.instant(v).toString();
                        }
                        m.put(keys[i], v);
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static List<String> ids(Connection c, String sql, List<String> args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static int update(Connection c, String sql, List<String> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            return ps.executeUpdate();
        }
    }

    /** Runs a statement whose {@code %s} is an {@code IN} list, chunk by chunk; returns the rows changed. */
    private static int deleteIn(Connection c, String sqlWithList, List<String> ids) throws SQLException {
        int n = 0;
        for (List<String> chunk : chunks(ids)) {
            n += update(c, String.format(sqlWithList, marks(chunk.size())), chunk);
        }
        return n;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            out.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
