package com.chatwebsite.api.web;

import java.io.IOException;

/**
 * Thrown while reading a {@link WebRequest} body that is over the route's limit. The host answers
 * {@code 413} when a handler does not catch it.
 *
 * <p>Thrown by the host's {@link WebRequest} on the handler's thread, while the plugin reads the
 * body.
 *
 * @since 1.0
 */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    /**
     * Creates the exception.
     *
     * @param limit the limit in bytes that was passed
     */
    public PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /**
     * The limit.
     *
     * @return bytes
     */
    public long limit() {
        return limit;
    }
}
