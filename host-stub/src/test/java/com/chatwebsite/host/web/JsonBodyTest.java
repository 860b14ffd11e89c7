package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The host reads a JSON body strictly and says what is wrong in plain words, always as a 400. */
class JsonBodyTest {

    private static HttpError refused(String json) {
        return refused(json.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpError refused(byte[] body) {
        HttpError e = assertThrows(HttpError.class, () -> HostJson.parseObject(body));
        assertEquals(400, e.status(), e.getMessage());
        return e;
    }

    @Test
    void readsObjectsArraysNumbersAndWholeCharacters() {
        Map<String, Object> v = HostJson.parseObject(("{\"a\":{\"b\":[1,2.5,true,null]},\"n\":12345678901234567890,"
                + "\"emoji\":\"\uD83D\uDE00\",\"s\":\"x\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("b", java.util.Arrays.asList(1, 2.5, true, null)), v.get("a"));
        assertEquals(new BigInteger("12345678901234567890"), v.get("n"));
        assertEquals("\uD83D\uDE00", v.get("emoji"));
        assertEquals(List.of("a", "n", "emoji", "s"), List.copyOf(v.keySet()), "in the body's order");
    }

    @Test
    void aDuplicateKeyIsRefusedNamingIt() {
        HttpError e = refused("{\"fields\":{\"email\":\"a@x\",\"email\":\"b@x\"}}");
        assertEquals("fields.email", e.fields().get(0).field());
        assertEquals("duplicate", e.fields().get(0).rule());
    }

    @Test
    void anUnpairedSurrogateIsRefusedInAValueOrAKey() {
        HttpError value = refused("{\"text\":\"a\\ud800b\"}");
        assertEquals("text", value.fields().get(0).field());
        assertEquals("unicode", value.fields().get(0).rule());
        HttpError lowAlone = refused("{\"list\":[\"ok\",\"\\udc00\"]}");
        assertEquals("list[1]", lowAlone.fields().get(0).field());
        HttpError key = refused("{\"\\ud83d\":1}");
        assertTrue(key.getMessage().contains("surrogate"), key.getMessage());
        HttpError lowKey = refused("{\"a\\udc00\":1}");
        assertTrue(lowKey.getMessage().contains("surrogate"), lowKey.getMessage());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String deep = "{\"a\":" + "[".repeat(HostJson.MAX_DEPTH) + "]".repeat(HostJson.MAX_DEPTH) + "}";
        HttpError e = refused(deep);
        assertTrue(e.getMessage().contains("nested more than " + HostJson.MAX_DEPTH), e.getMessage());
        String fits = "{\"a\":" + "[".repeat(HostJson.MAX_DEPTH - 1) + "]".repeat(HostJson.MAX_DEPTH - 1) + "}";
        assertTrue(HostJson.parseObject(fits.getBytes(StandardCharsets.UTF_8)).containsKey("a"));
    }

    @Test
    void aNumberLongerThanTheLimitIsRefused() {
        HttpError e = refused("{\"n\":" + "9".repeat(HostJson.MAX_NUMBER_LENGTH + 1) + "}");
        assertTrue(e.getMessage().contains("number longer than " + HostJson.MAX_NUMBER_LENGTH), e.getMessage());
    }

    @Test
    void aStringLongerThanTheLimitIsRefused() {
        HttpError e = refused("{\"s\":\"" + "x".repeat(HostJson.MAX_STRING_LENGTH + 1) + "\"}");
        assertTrue(e.getMessage().contains("string longer than"), e.getMessage());
        assertEquals("json_limit", e.code(), "the same code as the plugin's routes");
    }

    @Test
    void aSyntaxErrorSaysWhere() {
        HttpError e = refused("{\"a\": 1,\n \"b\": x}");
        assertEquals("malformed_json", e.code());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(refused("{\"a\": 1,").getMessage().contains("line 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1,", "{\"a\": 01}", "{\"a\": NaN}", "{'a': 1}", "{\"a\": \"\u0001\"}",
        "{\"a\": \"\\q\"}", "{\"a\": tru}", "{\"a\": 1}}", "[1, 2]", "\"text\"", "{\"a\": 1} {}", "{a: 1}",
        "{\"a\": [1,}", "{\"a\": .5}", "{\"a\": 1e}", "/* c */ {}"})
    void malformedJsonIsRefusedWithoutNamingALibrary(String json) {
        assertPlainWords(refused(json));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedInPlainWords() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertPlainWords(refused(body));
        assertPlainWords(refused(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}));
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertEquals("empty_body", refused(new byte[0]).code());
    }

    private static void assertPlainWords(HttpError e) {
        String m = e.getMessage();
        for (String word : List.of("com.fasterxml", "Jackson", "JsonReadFeature", "Feature", "java.lang", "JsonNode",
                "Exception", "`")) {
            assertFalse(m.contains(word), m);
        }
        assertTrue(m.endsWith("."), m);
    }
}
