package com.chatwebsite.plugin.web;

import com.chatwebsite.api.settings.FieldError;
import java.util.List;
import java.util.Map;

/** A request the plugin refuses; answered as the contract's JSON error by {@link Routes#guarded}. */
final class Problem extends RuntimeException {

    final int status;
    final String code;
    final List<FieldError> fields;
    final Map<String, String> headers;

    Problem(int status, String code, String message, List<FieldError> fields, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
        this.headers = Map.copyOf(headers);
    }

    Problem(int status, String code, String message, List<FieldError> fields) {
        this(status, code, message, fields, Map.of());
    }

    Problem(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    /**
     * {@code 429 rate_limited} with {@code Retry-After}, readable by the widget's script across origins.
     *
     * @param message what was refused and when to try again
     * @param retryAfterSeconds whole seconds until the client may try again
     * @return the problem
     */
    static Problem rateLimited(String message, long retryAfterSeconds) {
        return new Problem(429, "rate_limited", message, List.of(), Map.of("Retry-After",
                Long.toString(retryAfterSeconds), "Access-Control-Expose-Headers", "Retry-After"));
    }

    static Problem invalid(String message, List<FieldError> fields) {
        return new Problem(400, "validation_failed", message, fields);
    }

    static Problem field(String field, String rule, String message) {
        return new Problem(400, "validation_failed", message, List.of(new FieldError(field, rule, message)));
    }
}
