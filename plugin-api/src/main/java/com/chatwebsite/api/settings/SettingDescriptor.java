package com.chatwebsite.api.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting, described as data so that a host UI can render an input for it without knowing
 * the plugin.
 *
 * <p>Keys may be dotted ({@code offline.forwardTo}): the value then sits in a nested JSON object.
 * Values of secret settings are never returned by a plugin's GET routes; a UI shows a masked input.
 *
 * <p>Built by a plugin, usually with {@link #builder}, and returned inside a {@link SettingsSchema}
 * from {@link SettingsSchemaProvider#schemas()}; the host's admin UI reads it on a request thread.
 * New properties of a setting come as new components with new builder methods; the builder is the
 * way to build one that keeps compiling. The constructors of earlier versions stay as well.
 *
 * @param key the JSON key (dotted for nested objects)
 * @param label a short human label
 * @param help a sentence shown beside the input
 * @param type how the value is edited and written
 * @param defaultValue the value used when the admin gives none, as a JSON-like JDK value
 * @param options the allowed values, for {@link SettingType#SELECT} and
 *     {@link SettingType#MULTI_SELECT}
 * @param required whether a value must be given
 * @param secret whether the value is a secret (an API key, a password)
 * @param group the heading the UI shows it under
 * @param order its place within the group, lowest first
 * @param items for {@link SettingType#OBJECT_LIST}, the fields of each item
 * @since 1.0
 */
public record SettingDescriptor(
        String key,
        String label,
        String help,
        SettingType type,
        Optional<Object> defaultValue,
        List<String> options,
        boolean required,
        boolean secret,
        String group,
        int order,
        List<SettingDescriptor> items) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    /** Copies the lists and checks the components. */
    public SettingDescriptor {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("bad setting key: " + key);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        options = List.copyOf(options);
        Objects.requireNonNull(group, "group");
        items = List.copyOf(items);
        boolean choice = type == SettingType.SELECT || type == SettingType.MULTI_SELECT;
        if (choice && options.isEmpty()) {
            throw new IllegalArgumentException(key + ": a " + type + " needs options");
        }
        if ((type == SettingType.OBJECT_LIST) == items.isEmpty()) {
            throw new IllegalArgumentException(key + ": items are for OBJECT_LIST settings, which need them");
        }
    }

    /**
     * Starts a descriptor.
     *
     * @param key the key
     * @param type the type
     * @return a builder; the label defaults to the key
     */
    public static Builder builder(String key, SettingType type) {
        return new Builder(key, type);
    }

    /**
     * Builds a {@link SettingDescriptor}. Not thread-safe.
     *
     * @since 1.0
     */
    public static final class Builder {
        private final String key;
        private final SettingType type;
        private String label;
        private String help = "";
        private Object defaultValue;
        private List<String> options = List.of();
        private boolean required;
        private boolean secret;
        private String group = "General";
        private int order;
        private final List<SettingDescriptor> items = new ArrayList<>();

        private Builder(String key, SettingType type) {
            this.key = key;
            this.type = type;
            this.label = key;
        }

        /**
         * Sets the label.
         *
         * @param value the label
         * @return this builder
         */
        public Builder label(String value) {
            this.label = value;
            return this;
        }

        /**
         * Sets the help text.
         *
         * @param value the help
         * @return this builder
         */
        public Builder help(String value) {
            this.help = value;
            return this;
        }

        /**
         * Sets the default value.
         *
         * @param value a JSON-like JDK value
         * @return this builder
         */
        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        /**
         * Sets the allowed values.
         *
         * @param values the options
         * @return this builder
         */
        public Builder options(List<String> values) {
            this.options = values;
            return this;
        }

        /**
         * Marks the setting required.
         *
         * @return this builder
         */
        public Builder required() {
            this.required = true;
            return this;
        }

        /**
         * Marks the setting secret.
         *
         * @return this builder
         */
        public Builder secret() {
            this.secret = true;
            return this;
        }

        /**
         * Sets the group and the order within it.
         *
         * @param name the group
         * @param position the order
         * @return this builder
         */
        public Builder group(String name, int position) {
            this.group = name;
            this.order = position;
            return this;
        }

        /**
         * Adds a field of each item of an {@link SettingType#OBJECT_LIST}.
         *
         * @param item the field
         * @return this builder
         */
        public Builder item(SettingDescriptor item) {
            this.items.add(item);
            return this;
        }

        /**
         * Builds the descriptor.
         *
         * @return the descriptor
         * @throws IllegalArgumentException if the components do not fit together
         */
        public SettingDescriptor build() {
            return new SettingDescriptor(key, label, help, type, Optional.ofNullable(defaultValue),
                    options, required, secret, group, order, items);
        }
    }
}
