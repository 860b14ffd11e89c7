package com.chatwebsite.api.web;

/**
 * Handles the requests of one {@link WebRoute}: implemented by the plugin (usually as a lambda)
 * and called by the host, as {@link #handle} says. It stays a functional interface: it never
 * gains an abstract method.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface RouteHandler {

    /**
     * Called by the host on one of its request threads, once per request, after the access check.
     * Many requests run at once, so a handler keeps no per-request state in fields. It may block
     * on I/O (database, SMTP) but should answer within seconds.
     *
     * <p>A handler answers bad input itself, with a {@code 4xx} JSON error. The host answers
     * {@code 413} for a {@link PayloadTooLargeException} and {@code 500} with a generic JSON error
     * for any other exception (and logs it).
     *
     * @param request the request
     * @return the response
     * @throws Exception on a failure the handler did not answer
     */
    WebResponse handle(WebRequest request) throws Exception;
}
