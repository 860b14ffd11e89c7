package com.chatwebsite.api.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named set of {@link SettingDescriptor}s: everything a host UI needs to render a settings
 * form for one kind of object (a website, a form, a provider).
 *
 * <p>Built by a plugin, usually with {@link #builder}, and returned from
 * {@link SettingsSchemaProvider#schemas()}; the host reads it on a request thread.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param id what the settings are of, such as {@code website}
 * @param title a heading for the form
 * @param settings the settings, in the order they were added
 * @since 1.0
 */
public record SettingsSchema(String id, String title, List<SettingDescriptor> settings) {

    /** Copies the list and rejects duplicate keys. */
    public SettingsSchema {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        settings = List.copyOf(settings);
        Set<String> keys = new HashSet<>();
        for (SettingDescriptor s : settings) {
            if (!keys.add(s.key())) {
                throw new IllegalArgumentException("duplicate setting key: " + s.key());
            }
        }
    }

    /**
     * One setting by key.
     *
     * @param key the key
     * @return the descriptor, if present
     */
    public Optional<SettingDescriptor> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Starts a schema.
     *
     * @param id what the settings are of
     * @param title the heading
     * @return a builder
     */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /**
     * Builds a {@link SettingsSchema}, rejecting a key added twice as soon as it is added.
     * Not thread-safe.
     *
     * @since 1.0
     */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<SettingDescriptor> settings = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /**
         * Adds a setting.
         *
         * @param setting the setting
         * @return this builder
         * @throws IllegalArgumentException if its key was added already
         */
        public Builder add(SettingDescriptor setting) {
            if (!keys.add(setting.key())) {
                throw new IllegalArgumentException("duplicate setting key: " + setting.key());
            }
            settings.add(setting);
            return this;
        }

        /**
         * Builds the schema.
         *
         * @return the schema
         */
        public SettingsSchema build() {
            return new SettingsSchema(id, title, settings);
        }
    }
}
