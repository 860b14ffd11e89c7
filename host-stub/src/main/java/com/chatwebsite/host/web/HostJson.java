package com.chatwebsite.host.web;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.PayloadTooLargeException;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private HostJson() {
    }

    /**
     * Reads the body as a JSON object.
     *
     * @param request the request
     * @return the object's members
     * @throws HttpError 400 naming the problem if the body is not a JSON object
     */
    public static Map<String, Object> readObject(WebRequest request) {
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (PayloadTooLargeException e) {
            throw new HttpError(413, "payload_too_large", "The request body is larger than " + e.limit() + " bytes.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length == 0) {
            throw HttpError.badRequest("empty_body", "The request needs a JSON object body.");
        }
        try {
            Object value = MAPPER.readValue(body, Object.class);
            if (!(value instanceof Map)) {
                throw HttpError.badRequest("malformed_json", "The body must be a JSON object.");
            }
            return MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("malformed_json", "Malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
