package com.chatwebsite.plugin.website;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.settings.SettingsValidator;
import java.util.Optional;

/** The website's own rules for its {@code identity} settings, beyond what the schema checks. */
final class IdentitySettings {

    /** The shortest signing secret: 32 characters, as for a 256-bit HMAC key. */
    static final int MIN_SECRET = 32;

    private IdentitySettings() {
    }

    /**
     * The first problem with the identity settings, if any.
     *
     * @param values the validated settings, with stored secrets the input left out
     * @return the error
     */
    static Optional<FieldError> check(java.util.Map<String, Object> values) {
        for (String key : new String[] {"identity.secret", "identity.previousSecret"}) {
            if (SettingsValidator.lookup(values, key) instanceof String s && s.length() < MIN_SECRET) {
                return Optional.of(new FieldError(key, "minLength", "A signing secret must be at least "
                        + MIN_SECRET + " characters."));
            }
        }
        Object mode = SettingsValidator.lookup(values, "identity.mode");
        if (mode != null && !"off".equals(mode) && SettingsValidator.lookup(values, "identity.secret") == null) {
            return Optional.of(new FieldError("identity.secret", "required",
                    "A signing secret is needed to check visitors' identities."));
        }
        return Optional.empty();
    }
}
