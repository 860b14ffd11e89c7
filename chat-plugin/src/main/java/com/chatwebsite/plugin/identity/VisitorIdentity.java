package com.chatwebsite.plugin.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Who the page says the visitor is, once its signature checked out.
 *
 * @param userId the site's own id of the user (a JWT's {@code sub}, or the HMAC's {@code userId})
 * @param email the e-mail the page passed, if any
 * @param name the name the page passed, if any
 */
public record VisitorIdentity(String userId, Optional<String> email, Optional<String> name) {

    public VisitorIdentity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
    }
}
