package com.chatwebsite.host.contact;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.host.db.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** The host's Contact Manager, in the host's database. */
public final class JdbcContactManager implements ContactManager {

    private static final List<ContactField> FIELDS = List.of(
            new ContactField("email", "E-mail", true),
            new ContactField("firstName", "First name", false),
            new ContactField("lastName", "Last name", false),
            new ContactField("phone", "Phone", true),
            new ContactField("company", "Company", false),
            new ContactField("externalId", "External id", true));
    private static final int MAX_VALUE_LENGTH = 1000;

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcContactManager(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Deletes the contact, its fields, and the e-mail interactions it sent (matched by its e-mail
     * address) with their attachments' files, which go once the rows are gone.
     */
    @Override
    public boolean erase(String id) {
        List<Path> files = new ArrayList<>();
        boolean existed = jdbc.inTransaction(c -> {
            Optional<String> email = Optional.ofNullable(load(c, id).fields().get("email"));
            if (email.isPresent()) {
                List<String> mails = new ArrayList<>();
                // LIKE narrows the rows; sentBy decides (a From may carry a display name)
                try (PreparedStatement ps = c.prepareStatement("SELECT id, mail_from FROM host_mail_interaction "
                        + "WHERE LOWER(mail_from) LIKE ? ESCAPE '!'")) {
                    ps.setString(1, "%" + email.get().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                            .replace("_", "!_") + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (sentBy(rs.getString(2), email.get())) {
                                mails.add(rs.getString(1));
                            }
                        }
                    }
                }
                for (String mail : mails) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT stored_path FROM host_mail_attachment WHERE interaction_id = ?")) {
                        ps.setString(1, mail);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                files.add(Path.of(rs.getString(1)));
                            }
                        }
                    }
                    for (String table : List.of("host_mail_attachment WHERE interaction_id", "host_mail_interaction WHERE id")) {
                        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " = ?")) {
                            ps.setString(1, mail);
                            ps.executeUpdate();
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM host_contact_field WHERE contact_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM host_contact WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + file, e);
            }
        }
        return existed;
    }

    /** Whether a {@code From} value ({@code a@b} or {@code Name <a@b>}) is that address. */
    private static boolean sentBy(String from, String email) {
        String address = from.contains("<") && from.endsWith(">") ? from.substring(from.lastIndexOf('<') + 1,
                from.length() - 1) : from;
        return address.trim().equalsIgnoreCase(email.trim());
    }

    @Override
    public List<ContactField> fields() {
        return FIELDS;
    }

    @Override
    public Optional<Contact> findById(String id) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM host_contact WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(load(c, id)) : Optional.<Contact>empty();
                }
            }
        });
    }

    @Override
    public List<Contact> findByField(String field, String value) {
        requireKnown(field);
        return jdbc.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.contact_id FROM host_contact_field f "
                    + "JOIN host_contact h ON h.id = f.contact_id "
                    + "WHERE f.field_name = ? AND f.match_value = ? ORDER BY h.created_at, h.id")) {
                ps.setString(1, field);
                ps.setString(2, matchValue(field, value));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<Contact> out = new ArrayList<>();
            for (String id : ids) {
                out.add(load(c, id));
            }
            return out;
        });
    }

    @Override
    public Contact create(Map<String, String> fields) {
        fields.keySet().forEach(JdbcContactManager::requireKnown);
        String id = UUID.randomUUID().toString();
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO host_contact (id, created_at, updated_at) VALUES (?, ?, ?)")) {
                ps.setString(1, id);
                ps.setObject(2, Jdbc.utc(clock.instant()));
                ps.setObject(3, Jdbc.utc(clock.instant()));
                ps.executeUpdate();
            }
            writeFields(c, id, fields);
            return load(c, id);
        });
    }

    @Override
    public Contact update(String id, Map<String, String> fields) {
        fields.keySet().forEach(JdbcContactManager::requireKnown);
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE host_contact SET updated_at = ? WHERE id = ?")) {
                ps.setObject(1, Jdbc.utc(clock.instant()));
                ps.setString(2, id);
                if (ps.executeUpdate() == 0) {
                    throw new NoSuchElementException("no contact " + id);
                }
            }
            writeFields(c, id, fields);
            return load(c, id);
        });
    }

    private static void writeFields(Connection c, String id, Map<String, String> fields) throws SQLException {
        for (Map.Entry<String, String> e : fields.entrySet()) {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM host_contact_field WHERE contact_id = ? AND field_name = ?")) {
                del.setString(1, id);
                del.setString(2, e.getKey());
                del.executeUpdate();
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException(e.getKey() + " is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO host_contact_field (contact_id, field_name, field_value, match_value) VALUES (?, ?, ?, ?)")) {
                ins.setString(1, id);
                ins.setString(2, e.getKey());
                ins.setString(3, value);
                ins.setString(4, matchValue(e.getKey(), value));
                ins.executeUpdate();
            }
        }
    }

    private static Contact load(Connection c, String id) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT field_name, field_value FROM host_contact_field WHERE contact_id = ? ORDER BY field_name")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fields.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return new Contact(id, fields);
    }

    private static String matchValue(String field, String value) {
        String stripped = value.strip();
        return field.equals("email") ? stripped.toLowerCase(Locale.ROOT) : stripped;
    }

    private static void requireKnown(String field) {
        if (FIELDS.stream().noneMatch(f -> f.name().equals(field))) {
            throw new IllegalArgumentException("unknown contact field: " + field);
        }
    }
}
