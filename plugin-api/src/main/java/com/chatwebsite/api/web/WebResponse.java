package com.chatwebsite.api.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RouteHandler} answers: a complete body, or an event stream the plugin keeps
 * writing to.
 *
 * <p>Built by the plugin, usually with {@link #json}, {@link #of} or {@link #eventStream}, and
 * returned from {@link RouteHandler#handle} on the host's request thread; the host writes it.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param status the HTTP status
 * @param headers response headers, such as {@code Content-Type} and CORS headers
 * @param body the body; empty for an event stream
 * @param stream for an event stream, what to do once it is open
 * @since 1.0
 */
public record WebResponse(
        int status, Map<String, String> headers, byte[] body, Optional<EventStreamHandler> stream) {

    /** Copies the headers and checks the components. */
    public WebResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status " + status);
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(stream, "stream");
    }

    /**
     * A body of bytes.
     *
     * @param status the status
     * @param contentType the {@code Content-Type}
     * @param body the body
     * @return the response
     */
    public static WebResponse of(int status, String contentType, byte[] body) {
        return new WebResponse(status, Map.of("Content-Type", contentType), body, Optional.empty());
    }

    /**
     * A JSON body.
     *
     * @param status the status
     * @param json the JSON text
     * @return the response, as {@code application/json; charset=utf-8}
     */
    public static WebResponse json(int status, String json) {
        return of(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An HTML body.
     *
     * @param status the status
     * @param html the HTML text
     * @return the response, as {@code text/html; charset=utf-8}
     */
    public static WebResponse html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A response without a body.
     *
     * @param status the status, such as {@code 204}
     * @return the response
     */
    public static WebResponse empty(int status) {
        return new WebResponse(status, Map.of(), new byte[0], Optional.empty());
    }

    /**
     * A {@code text/event-stream} that stays open.
     *
     * @param handler called once the stream is open
     * @return the response
     */
    public static WebResponse eventStream(EventStreamHandler handler) {
        return new WebResponse(
                200,
                Map.of("Content-Type", "text/event-stream; charset=utf-8", "Cache-Control", "no-store"),
                new byte[0],
                Optional.of(handler));
    }

    /**
     * This response with one more header (replacing one of the same name).
     *
     * @param name the header
     * @param value its value, without line breaks
     * @return a new response
     */
    public WebResponse withHeader(String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header values must not contain line breaks");
        }
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WebResponse(status, copy, body, stream);
    }

    /**
     * This response with more headers.
     *
     * @param more the headers to add
     * @return a new response
     */
    public WebResponse withHeaders(Map<String, String> more) {
        WebResponse out = this;
        for (Map.Entry<String, String> e : more.entrySet()) {
            out = out.withHeader(e.getKey(), e.getValue());
        }
        return out;
    }
}
