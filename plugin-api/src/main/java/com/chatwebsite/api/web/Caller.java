package com.chatwebsite.api.web;

import java.util.Objects;

/**
 * Who the host authenticated for a request to an {@link RouteAccess#ADMIN} or
 * {@link RouteAccess#AGENT} route.
 *
 * <p>Built by the host after its access check and handed to the handler through
 * {@link WebRequest#caller()}.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param access the kind of credentials checked
 * @param name the admin's or agent's name
 * @since 1.0
 */
public record Caller(RouteAccess access, String name) {

    /** Checks the components. */
    public Caller {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(name, "name");
    }
}
