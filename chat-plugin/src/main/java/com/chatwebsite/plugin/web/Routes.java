package com.chatwebsite.plugin.web;

import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.api.web.PayloadTooLargeException;
import com.chatwebsite.api.web.RouteHandler;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.plugin.settings.TextRules;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the plugin's route handlers share: JSON bodies, parameters and error answers. */
final class Routes {

    private Routes() {
    }

    /** Answers {@link Problem}s and channel refusals as JSON errors. */
    static RouteHandler guarded(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (Problem p) {
                return Json.error(p.status, p.code, p.getMessage(), p.fields).withHeaders(p.headers);
            } catch (ChatException e) {
                WebResponse answer = Json.error(status(e.kind()), e.code(), e.getMessage(), List.of());
                return e.kind() == ChatException.Kind.UNAVAILABLE ? answer.withHeader("Retry-After", "1") : answer;
            } catch (PayloadTooLargeException e) {
                return Json.error(413, "payload_too_large", "The request is larger than " + e.limit() + " bytes.",
                        List.of());
            }
        };
    }

    /** The HTTP status of a domain refusal. */
    static int status(ChatException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case UPSTREAM_FAILED -> 502;
            case UNAVAILABLE -> 503;
            case UNSUPPORTED_TYPE -> 415;
        };
    }

    /**
     * The body as a JSON object.
     *
     * @param request the request
     * @return its members
     * @throws Problem 400 naming the problem (see {@link JsonBody}), or 413 over the route's limit
     */
    static Map<String, Object> object(WebRequest request) {
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (PayloadTooLargeException e) {
            throw new Problem(413, "payload_too_large", "The request body is larger than " + e.limit() + " bytes.");
        } catch (IOException e) {
            throw new Problem(400, "unreadable_body", "The request body could not be read.");
        }
        if (body.length == 0) {
            throw new Problem(400, "empty_body", "The request needs a JSON object body.");
        }
        return JsonBody.object(body);
    }

    /**
     * An optional string member of one line ({@link TextRules#line}).
     *
     * @param body the object
     * @param name the member
     * @param maxLength its longest length
     * @return the value
     */
    static Optional<String> optionalString(Map<String, Object> body, String name, int maxLength) {
        Object value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s) || s.length() > maxLength) {
            throw Problem.field(name, "string", name + " must be text of at most " + maxLength + " characters.");
        }
        TextRules.line(name, name, s).ifPresent(e -> {
            throw Problem.field(e.field(), e.rule(), e.message());
        });
        return Optional.of(s);
    }

    /**
     * A {@code ?after=} style whole number.
     *
     * @param request the request
     * @param name the parameter
     * @return its value, 0 when absent
     */
    static long nonNegative(WebRequest request, String name) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return 0;
        }
        try {
            long v = Long.parseLong(raw.get());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw Problem.field(name, "min", name + " must be a whole number >= 0.");
    }
}
