package com.chatwebsite.api.web;

import java.util.Objects;

/**
 * Who the host authenticated for a request to an {@link RouteAccess#ADMIN} or
 * {@link RouteAccess#AGENT} route.
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
