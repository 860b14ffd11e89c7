package com.chatwebsite.api.web;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTTP route a plugin serves. The host mounts it at {@code /plugins/{pluginId}} plus
 * {@link #pathTemplate()}.
 *
 * <p>Built by the plugin in {@link WebRoutes#routes()}; the host reads it when it mounts the
 * plugin's routes and calls {@link #handler()} for each request.
 *
 * <p>May gain components in a minor version (such as a per-route rate limit). The constructor of
 * every earlier version then stays, delegating to the new canonical constructor with defaults
 * that keep the old behaviour, and {@link #of} keeps its meaning; see "How the API grows" in
 * plugin-api/README.md.
 *
 * @param method the HTTP method, such as {@code GET} or {@code OPTIONS}
 * @param pathTemplate the path below the mount point; segments in braces are parameters, such as
 *     {@code /api/websites/{id}}
 * @param access who may call it; the host enforces it
 * @param maxBodyBytes the largest body the host lets through; larger ones get {@code 413}
 * @param handler what answers
 * @since 1.0
 */
public record WebRoute(
        String method, String pathTemplate, RouteAccess access, long maxBodyBytes, RouteHandler handler) {

    /** The body limit of routes that do not choose one: 64 KiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern TEMPLATE = Pattern.compile("(/([A-Za-z0-9._~-]+|\\{[A-Za-z][A-Za-z0-9]*\\}))+|/");

    /** Checks the components. */
    public WebRoute {
        Objects.requireNonNull(method, "method");
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        if (!TEMPLATE.matcher(pathTemplate).matches() || pathTemplate.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException("bad path template: " + pathTemplate);
        }
        Objects.requireNonNull(access, "access");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes < 0");
        }
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * A route with the default body limit.
     *
     * @param method the method
     * @param pathTemplate the path template
     * @param access who may call it
     * @param handler what answers
     * @return the route
     */
    public static WebRoute of(String method, String pathTemplate, RouteAccess access, RouteHandler handler) {
        return new WebRoute(method, pathTemplate, access, DEFAULT_MAX_BODY_BYTES, handler);
    }
}
