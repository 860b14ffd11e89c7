package com.chatwebsite.host.web;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.PayloadTooLargeException;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for the host's endpoints: reading bodies with clear 400s, writing responses and errors. */
public final class HostJson {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_STRING_LENGTH = 1024 * 1024;
    static final int MAX_NAME_LENGTH = 1024;

    /** Bodies are also bounded by their route's size limit. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .build();

    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private HostJson() {
    }

    /**
     * Reads the body as a JSON object: no duplicate keys, no unpaired UTF-16 surrogates, at most
     * {@value #MAX_DEPTH} levels deep, numbers up to {@value #MAX_NUMBER_LENGTH} digits, strings up
     * to 1 MiB.
     *
     * @param request the request
     * @return the object's members (objects as maps, arrays as lists)
     * @throws HttpError 400 naming the problem and where it is; 413 over the route's limit
     */
    public static Map<String, Object> readObject(WebRequest request) {
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (PayloadTooLargeException e) {
            throw new HttpError(413, "payload_too_large", "The request body is larger than " + e.limit() + " bytes.");
        } catch (IOException e) {
            throw HttpError.badRequest("unreadable_body", "The request body could not be read to its end.");
        }
        return parseObject(body);
    }

    /**
     * Parses a body as {@link #readObject} does.
     *
     * @param body the bytes
     * @return the object's members
     * @throws HttpError 400 naming the problem
     */
    static Map<String, Object> parseObject(byte[] body) {
        if (body.length == 0) {
            throw HttpError.badRequest("empty_body", "The request needs a JSON object body.");
        }
        return JsonBody.object(FACTORY, body);
    }

    /**
     * A JSON response.
     *
     * @param status the status
     * @param value the value
     * @return the response
     */
    public static WebResponse response(int status, Object value) {
        try {
            return WebResponse.json(status, MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The contract's error body.
     *
     * @param status the status
     * @param code the code
     * @param message the sentence
     * @param fields the fields at fault
     * @return the response
     */
    public static WebResponse error(int status, String code, String message, List<FieldError> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (!fields.isEmpty()) {
            body.put("fields", fields.stream()
                    .map(f -> Map.of("field", f.field(), "rule", f.rule(), "message", f.message())).toList());
        }
        return response(status, body);
    }
}
