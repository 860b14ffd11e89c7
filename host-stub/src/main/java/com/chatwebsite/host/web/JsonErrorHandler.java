package com.chatwebsite.host.web;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty makes itself (a request it cannot parse, an ambiguous path, a URI or headers
 * too large, bad framing, a failure outside our handler) in the contract's JSON error shape, for
 * every method, never HTML. A status Jetty gives for a bad request line (505) is answered as 400.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private static final int MAX_REASON_LENGTH = 120;

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String s ? s : null;
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            reason = http.getReason();
        }
        if (status < 400 || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            status = HttpStatus.BAD_REQUEST_400;
        }
        response.setStatus(status);
        SecurityHeaders.apply(response.getHeaders());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (status == HttpStatus.PAYLOAD_TOO_LARGE_413 || status == HttpStatus.BAD_REQUEST_400) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        byte[] body = HostJson.error(status, code(status), message(status, reason), List.of()).body();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        if (request.getMethod().equals("HEAD")) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
        return true;
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 411 -> "length_required";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 417 -> "expectation_failed";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status < 500 ? "bad_request" : "internal_error";
        };
    }

    private static String message(int status, String reason) {
        return switch (status) {
            case 400 -> "The request is malformed" + detail(reason) + ".";
            case 404 -> "Nothing is here.";
            case 405 -> "This method is not allowed here.";
            case 408 -> "The request took too long to arrive.";
            case 411 -> "The request needs a Content-Length.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 417 -> "The Expect header is not supported.";
            case 431 -> "The request headers are too large.";
            default -> status < 500 ? "The request was refused" + detail(reason) + "."
                    : "The server failed to answer; the error is logged.";
        };
    }

    /**
     * Jetty's reason when it is a short plain phrase, such as "Ambiguous URI path separator".
     * Anything that could echo request bytes or name a class is left out.
     */
    private static String detail(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH
                || reason.equals(HttpStatus.getMessage(HttpStatus.BAD_REQUEST_400))
                || reason.contains("org.") || reason.contains("java.") || reason.contains("Exception")) {
            return "";
        }
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '<' || c == '>' || c == '\\') {
                return "";
            }
        }
        return ": " + reason;
    }
}
