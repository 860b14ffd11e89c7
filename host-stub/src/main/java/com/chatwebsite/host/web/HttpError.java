package com.chatwebsite.host.web;

import com.chatwebsite.api.settings.FieldError;
import java.util.List;

/** A request the host refuses: answered as the contract's JSON error. */
public final class HttpError extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> fields;

    public HttpError(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public HttpError(int status, String code, String message, List<FieldError> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> fields() {
        return fields;
    }

    public static HttpError badRequest(String code, String message) {
        return new HttpError(400, code, message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, "not_found", message);
    }
}
