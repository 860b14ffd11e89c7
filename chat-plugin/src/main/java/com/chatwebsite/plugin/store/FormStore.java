package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.form.FormKind;
import com.chatwebsite.plugin.form.FormRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The forms of each website, as JSON, in {@code cw_form}. */
public final class FormStore implements FormRepository {

    private final Db db;

    public FormStore(Db db) {
        this.db = db;
    }

    public Optional<Map<String, Object>> find(String websiteId, FormKind kind) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT definition FROM cw_form WHERE website_id = ? AND form_kind = ?")) {
                ps.setString(1, websiteId);
                ps.setString(2, kind.wire());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(JsonText.read(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    public void save(String websiteId, FormKind kind, Map<String, Object> definition, Instant now) {
        db.tx(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM cw_form WHERE website_id = ? AND form_kind = ?")) {
                del.setString(1, websiteId);
                del.setString(2, kind.wire());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO cw_form (website_id, form_kind, definition, updated_at) VALUES (?, ?, ?, ?)")) {
                ins.setString(1, websiteId);
                ins.setString(2, kind.wire());
                ins.setString(3, JsonText.write(definition));
                ins.setObject(4, Db.utc(now));
                ins.executeUpdate();
            }
            return null;
        });
    }
}
