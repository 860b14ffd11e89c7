package com.chatwebsite.api.host;

import java.util.Objects;

/**
 * A field that the host's Contact Manager knows, so that a form builder can offer it as a
 * mapping target.
 *
 * <p>Built by the host and returned by {@link ContactManager#fields()}; plugins read it when an
 * admin builds a form.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param name the field's name, as used in {@link Contact#fields()}
 * @param label a human label
 * @param unique whether the host treats a value of it as identifying one contact (for example
 *     {@code email}); such fields are the sensible match fields
 * @since 1.0
 */
public record ContactField(String name, String label, boolean unique) {

    /** Checks the components. */
    public ContactField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }
}
