package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteRepository;
import com.chatwebsite.plugin.website.WebsiteInput;
import com.chatwebsite.plugin.website.WebsiteInput.WebsiteDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Websites in the plugin's {@code cw_website} table; deleted ones are kept for their history. */
public final class WebsiteStore implements WebsiteRepository {

    private static final String COLUMNS = "id, public_key, config, created_at, updated_at";

    private final Db db;

    public WebsiteStore(Db db) {
        this.db = db;
    }

    public Website insert(String id, String key, WebsiteDefinition definition, Instant now) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_website "
                    + "(id, public_key, name, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, key);
                ps.setString(3, definition.name());
                ps.setString(4, JsonText.write(definition.settings()));
                ps.setObject(5, Db.utc(now));
                ps.setObject(6, Db.utc(now));
                ps.executeUpdate();
            }
            return find(c, "id", id).orElseThrow();
        });
    }

    public Optional<Website> update(String id, WebsiteDefinition definition, Instant now) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_website SET name = ?, config = ?, updated_at = ? "
                    + "WHERE id = ? AND deleted_at IS NULL")) {
                ps.setString(1, definition.name());
                ps.setString(2, JsonText.write(definition.settings()));
                ps.setObject(3, Db.utc(now));
                ps.setString(4, id);
                if (ps.executeUpdate() == 0) {
                    return Optional.<Website>empty();
                }
            }
            return find(c, "id", id);
        });
    }

    public boolean delete(String id, Instant now) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE cw_website SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL")) {
                ps.setObject(1, Db.utc(now));
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<Website> byId(String id) {
        return db.tx(c -> find(c, "id", id));
    }

    public Optional<Website> byIdIncludingDeleted(String id) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cw_website WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Website>empty();
                }
            }
        });
    }

    public Optional<Website> byKey(String key) {
        return db.tx(c -> find(c, "public_key", key));
    }

    public List<Website> list() {
        return db.tx(c -> {
            List<Website> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM cw_website WHERE deleted_at IS NULL ORDER BY created_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    /**
     * Locks a live website's row until the transaction ends, serialising session opens.
     *
     * @param c the transaction
     * @param id the website
     * @return the website, or empty if deleted
     */
    public static Optional<Website> lock(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM cw_website WHERE id = ? AND deleted_at IS NULL FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Website> find(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cw_website WHERE " + column
                + " = ? AND deleted_at IS NULL")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Website read(ResultSet rs) throws SQLException {
        WebsiteDefinition d = WebsiteInput.fromStored(JsonText.read(rs.getString(3)));
        return new Website(rs.getString(1), rs.getString(2), d.name(), d.origins(), d.schedule(),
                d.maxConcurrentSessions(), d.unmanagedAfterSeconds(), d.maxMessageLength(), d.contactMatchField(),
                d.settings(), Db.instant(rs.getObject(4)), Db.instant(rs.getObject(5)));
    }
}
