package com.chatwebsite.api.web;

/**
 * Who may call a {@link WebRoute}. The host checks it before the handler runs and answers
 * {@code 401} without credentials and {@code 403} with the wrong ones.
 *
 * <p>Chosen by a plugin for each route; read by the host when it mounts the routes and by the
 * plugin in {@link Caller#access()}. New kinds of caller may come in a minor version.
 *
 * @since 1.0
 */
public enum RouteAccess {
    /** Anyone; the plugin does its own checks (origins, session tokens). */
    PUBLIC,
    /** The host's admin, by the admin bearer token. */
    ADMIN,
    /** A host agent, by the agent's bearer token. */
    AGENT
}
