package com.chatwebsite.plugin.website;

import com.chatwebsite.plugin.schedule.WorkingSchedule;
import com.chatwebsite.plugin.settings.SettingsValidator;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A configured chat website.
 *
 * @param id the admin API's id
 * @param key the public key the widget uses
 * @param name the name agents see
 * @param origins where the widget may be embedded
 * @param schedule when agents answer
 * @param maxConcurrentSessions the most open chats at once
 * @param unmanagedAfterSeconds how long a chat waits for an agent before it is Unmanaged
 * @param maxMessageLength the longest message, in characters
 * @param contactMatchField the contact field that identifies a requester
 * @param settings every setting, normalized, as stored (nested maps of JDK values)
 * @param createdAt when it was created
 * @param updatedAt when it was last saved
 */
public record Website(
        String id,
        String key,
        String name,
        List<OriginPattern> origins,
        WorkingSchedule schedule,
        int maxConcurrentSessions,
        int unmanagedAfterSeconds,
        int maxMessageLength,
        String contactMatchField,
        Map<String, Object> settings,
        Instant createdAt,
        Instant updatedAt) {

    public Website {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        origins = List.copyOf(origins);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Whether a request's origin may use this website's widget.
     *
     * @param origin the exact origin
     * @return true if a pattern matches
     */
    public boolean allows(OriginPattern origin) {
        return origins.stream().anyMatch(p -> p.matches(origin));
    }

    /**
     * The abuse limits and the trusted proxy header.
     *
     * @return the limits, defaults where the stored settings have none
     */
    public AbuseLimits abuseLimits() {
        return AbuseLimits.of(settings);
    }

    /**
     * A text setting such as {@code messages.greeting}.
     *
     * @param dottedKey the key
     * @return the value, or "" when unset
     */
    public String text(String dottedKey) {
        Object value = SettingsValidator.lookup(settings, dottedKey);
        return value instanceof String s ? s : "";
    }

    /**
     * Whether agents see the customer's draft as it is typed ({@code chat.showDraftToAgent}); the
     * widget then tells the customer so.
     *
     * @return true only when the website turned it on
     */
    public boolean showDraftToAgent() {
        return Boolean.TRUE.equals(SettingsValidator.lookup(settings, "chat.showDraftToAgent"));
    }

    /**
     * A nested group of settings such as {@code appearance}.
     *
     * @param group the group's key
     * @return its values, or an empty map
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> group(String group) {
        Object value = settings.get(group);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
