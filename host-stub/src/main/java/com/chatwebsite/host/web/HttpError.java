package com.chatwebsite.host.web;

import com.chatwebsite.api.settings.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request the host refuses: answered as the contract's JSON error. */
public final class HttpError extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> fields;
    private final Map<String, String> headers;

    public HttpError(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public HttpError(int status, String code, String message, List<FieldError> fields) {
        this(status, code, message, fields, Map.of());
    }

    private HttpError(int status, String code, String message, List<FieldError> fields, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
        this.headers = Map.copyOf(headers);
    }

    /**
     * This error with a header on its answer, such as {@code Retry-After}.
     *
     * @param name the header
     * @param value its value
     * @return a new error
     */
    public HttpError withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpError(status, code, getMessage(), fields, more);
    }

    /** The headers its answer carries. */
    public Map<String, String> headers() {
        return headers;
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
