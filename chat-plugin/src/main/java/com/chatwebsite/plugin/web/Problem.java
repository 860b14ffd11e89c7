package com.chatwebsite.plugin.web;

import com.chatwebsite.api.settings.FieldError;
import java.util.List;

/** A request the plugin refuses; answered as the contract's JSON error by {@link Routes#guarded}. */
final class Problem extends RuntimeException {

    final int status;
    final String code;
    final List<FieldError> fields;

    Problem(int status, String code, String message, List<FieldError> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    Problem(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    static Problem invalid(String message, List<FieldError> fields) {
        return new Problem(400, "validation_failed", message, fields);
    }

    static Problem field(String field, String rule, String message) {
        return new Problem(400, "validation_failed", message, List.of(new FieldError(field, rule, message)));
    }
}
