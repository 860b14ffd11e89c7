package com.chatwebsite.api.host;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact of the host's Contact Manager: an id and its fields by name.
 *
 * <p>Built by the host and returned by {@link ContactManager}; immutable. Field names are the
 * host's (for example {@code email}, {@code firstName}, {@code lastName}, {@code phone},
 * {@code company}).
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param id the host's id of the contact
 * @param fields the contact's fields; a field without a value is absent
 * @since 1.0
 */
public record Contact(String id, Map<String, String> fields) {

    /** Copies the fields. */
    public Contact {
        Objects.requireNonNull(id, "id");
        fields = Map.copyOf(fields);
    }

    /**
     * One field.
     *
     * @param name the field's name
     * @return its value, if the contact has one
     */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
