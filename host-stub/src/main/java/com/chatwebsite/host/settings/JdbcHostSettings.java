package com.chatwebsite.host.settings;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.HostSettings;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.host.db.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The host's global settings, kept in the host's database and cached in memory; saving publishes
 * {@link HostSettings#CHANGED_TOPIC}.
 */
public final class JdbcHostSettings implements HostSettings {

    /** The settings the host knows, with the largest value each may take. */
    private static final Map<String, Integer> KNOWN = Map.of(CHAT_TIMEOUT_SECONDS, 7 * 24 * 3600);

    private final Jdbc jdbc;
    private final EventBus events;
    private final Clock clock;
    private final AtomicReference<Map<String, String>> cache = new AtomicReference<>();

    public JdbcHostSettings(Jdbc jdbc, EventBus events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        cache.set(load());
    }

    @Override
    public int chatTimeoutSeconds() {
        return get(CHAT_TIMEOUT_SECONDS).map(Integer::parseInt).orElse(600);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(cache.get().get(key));
    }

    @Override
    public Map<String, String> all() {
        return cache.get();
    }

    /**
     * Checks new values without saving them.
     *
     * @param values the values by key, as parsed from JSON
     * @return the errors; empty when the values can be saved
     */
    public List<FieldError> validate(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Integer max = KNOWN.get(e.getKey());
            if (max == null) {
                errors.add(new FieldError(e.getKey(), "unknown", "There is no setting " + e.getKey() + "."));
            } else if (!(e.getValue() instanceof Integer n) || n < 1 || n > max) {
                errors.add(new FieldError(e.getKey(), "range",
                        e.getKey() + " must be a whole number from 1 to " + max + "."));
            }
        }
        return errors;
    }

    /**
     * Saves values that {@link #validate} accepted, all or none.
     *
     * @param values the values by key
     */
    public void save(Map<String, Object> values) {
        if (!validate(values).isEmpty()) {
            throw new IllegalArgumentException("invalid settings");
        }
        jdbc.inTransaction(c -> {
            for (Map.Entry<String, Object> e : values.entrySet()) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM host_setting WHERE setting_key = ?")) {
                    del.setString(1, e.getKey());
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO host_setting (setting_key, setting_value) VALUES (?, ?)")) {
                    ins.setString(1, e.getKey());
                    ins.setString(2, String.valueOf(e.getValue()));
                    ins.executeUpdate();
                }
            }
            return null;
        });
        cache.set(load());
        events.publish(new HostEvent(CHANGED_TOPIC, Map.of("keys", List.copyOf(values.keySet())), clock.instant()));
    }

    /**
     * The settings as typed JSON values.
     *
     * @return numbers as numbers; {@code chatTimeoutSeconds} always, its default when never set
     */
    public Map<String, Object> asJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(CHAT_TIMEOUT_SECONDS, chatTimeoutSeconds());
        all().forEach((k, v) -> out.put(k, KNOWN.containsKey(k) ? (Object) Integer.valueOf(v) : v));
        return out;
    }

    private Map<String, String> load() {
        return jdbc.inTransaction(c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_key, setting_value FROM host_setting");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return Map.copyOf(out);
        });
    }
}
