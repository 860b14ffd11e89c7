package com.chatwebsite.plugin.store;

import com.chatwebsite.plugin.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON text columns: maps of JDK values in, maps out. */
public final class JsonText {

    private static final ObjectMapper MAPPER = JsonMappers.plain();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private JsonText() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> read(String text) {
        try {
            return MAPPER.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
