package com.chatwebsite.host.web;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every answer carries, ours and Jetty's: no MIME sniffing; only the origin in a
 * cross-origin Referer.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void apply(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
