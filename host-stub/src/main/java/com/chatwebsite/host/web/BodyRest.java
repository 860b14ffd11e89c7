package com.chatwebsite.host.web;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * What happens to the part of a request body a handler did not read. Nothing here waits for the
 * client: a small rest that has already arrived is dropped so the connection serves the next
 * request; anything else closes the connection.
 */
final class BodyRest {

    /** The most an answer drops to keep the connection open. */
    static final long KEEP_ALIVE_LIMIT = 64 * 1024;

    private BodyRest() {
    }

    /**
     * Drops the unread rest of the body if it has all arrived and is small.
     *
     * @param request the request
     * @return whether the body is now consumed, so the connection may stay open
     */
    static boolean discardArrived(Request request) {
        long dropped = 0;
        while (dropped <= KEEP_ALIVE_LIMIT) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false; // the rest is still on its way
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    return false;
                }
                dropped += chunk.remaining();
                if (chunk.isLast()) {
                    return dropped <= KEEP_ALIVE_LIMIT;
                }
            } finally {
                chunk.release();
            }
        }
        return false;
    }
}
