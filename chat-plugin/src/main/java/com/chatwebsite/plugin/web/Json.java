package com.chatwebsite.plugin.web;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.plugin.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON bodies of the plugin's routes, including the contract's error shape. */
public final class Json {

    /**
     * The plugin's one mapper; thread-safe once configured. What it reads is held to {@link JsonBody}'s limits
     * (depth, number, string and key lengths) and refuses repeated keys.
     */
    public static final ObjectMapper MAPPER = JsonMappers.mapper(JsonMappers.factory()
                    .streamReadConstraints(JsonBody.LIMITS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    /**
     * A JSON response.
     *
     * @param status the HTTP status
     * @param value any value Jackson can write
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
     * JSON text of a value.
     *
     * @param value any value Jackson can write
     * @return the text
     */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An error in the contract's shape: {@code {"error","message","fields"}}.
     *
     * @param status a 4xx status
     * @param code a short machine-readable code
     * @param message a sentence
     * @param fields the fields at fault; omitted when empty
     * @return the response
     */
    public static WebResponse error(int status, String code, String message, List<FieldError> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (!fields.isEmpty()) {
            body.put("fields", fields.stream()
                    .map(f -> Map.of("field", f.field(), "rule", f.rule(), "message", f.message()))
                    .toList());
        }
        return response(status, body);
    }
}
