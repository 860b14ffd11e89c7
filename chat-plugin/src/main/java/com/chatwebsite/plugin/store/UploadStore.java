package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.upload.StoredUpload;
import com.chatwebsite.plugin.upload.UploadRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Uploads' records in {@code cw_upload}; the bytes are files named by the upload id. */
public final class UploadStore implements UploadRepository {

    private static final String COLUMNS = "id, website_id, form_kind, field_name, file_name, content_type, size_bytes, "
            + "inline_safe, created_at, owner_id, used_at";

    private final Db db;

    public UploadStore(Db db) {
        this.db = db;
    }

    public void insert(StoredUpload u) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_upload (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, u.id());
                ps.setString(2, u.websiteId());
                ps.setString(3, u.formKind());
                ps.setString(4, u.fieldName());
                ps.setString(5, u.fileName());
                ps.setString(6, u.contentType());
                ps.setLong(7, u.size());
                ps.setBoolean(8, u.inlineSafe());
                ps.setObject(9, Db.utc(u.createdAt()));
                ps.setString(10, u.ownerId().orElse(null));
                ps.setObject(11, Db.utc(u.usedAt().orElse(null)));
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<StoredUpload> find(String id) {
        return db.tx(c -> find(c, id));
    }

    private static Optional<StoredUpload> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cw_upload WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Binds unused uploads to the session or submission that uses them, all or none.
     *
     * @param c the caller's transaction
     * @param ids the uploads
     * @param ownerId the session or offline submission
     * @param now the time
     * @return whether every upload was still unused
     */
    public boolean bind(Connection c, List<String> ids, String ownerId, Instant now) throws SQLException {
        for (String id : ids) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE cw_upload SET owner_id = ?, used_at = ? WHERE id = ? AND used_at IS NULL")) {
                ps.setString(1, ownerId);
                ps.setObject(2, Db.utc(now));
                ps.setString(3, id);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    public void delete(String id) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cw_upload WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<StoredUpload> ownedBy(String ownerId) {
        return db.tx(c -> {
            List<StoredUpload> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM cw_upload WHERE owner_id = ? ORDER BY created_at, id")) {
                ps.setString(1, ownerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Removes the records of uploads nobody used, made before a time.
     *
     * @param before the cut-off
     * @return their ids, so the caller deletes the files
     */
    public List<String> deleteUnusedBefore(Instant before) {
        return db.tx(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM cw_upload WHERE used_at IS NULL AND created_at < ?")) {
                ps.setObject(1, Db.utc(before));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            for (String id : ids) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM cw_upload WHERE id = ? AND used_at IS NULL")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            return ids;
        });
    }

    private static StoredUpload read(ResultSet rs) throws SQLException {
        return new StoredUpload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getBoolean(8), Db.instant(rs.getObject(9)),
                Optional.ofNullable(rs.getString(10)), Optional.ofNullable(Db.instant(rs.getObject(11))));
    }
}
