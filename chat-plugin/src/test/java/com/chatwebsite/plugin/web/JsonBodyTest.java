package com.chatwebsite.plugin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request bodies: I-JSON, the plugin's limits, and errors in plain words with the member's path. */
class JsonBodyTest {

    private static final List<String> LIBRARY_WORDS = List.of("`", "jackson", "Jackson", "com.", "java.",
            "JsonNode", "Feature", "StreamRead", "getMax", "Object", "token", "JsonLocation");

    private static Problem refused(String body) {
        return refused(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem refused(byte[] body) {
        Problem p = assertThrows(Problem.class, () -> JsonBody.object(body), new String(body, StandardCharsets.UTF_8));
        assertEquals(400, p.status);
        for (String word : LIBRARY_WORDS) {
            assertFalse(p.getMessage().contains(word), "'" + word + "' in: " + p.getMessage());
            p.fields.forEach(f -> assertFalse(f.message().contains(word), "'" + word + "' in: " + f.message()));
        }
        return p;
    }

    private static FieldError onlyField(Problem p) {
        assertEquals(1, p.fields.size(), p.fields.toString());
        return p.fields.get(0);
    }

    @Test
    void aBodyReadsAsPlainValuesInOrder() {
        Map<String, Object> m = JsonBody.object(("{\"b\":1,\"a\":[true,null,\"x\\ud83d\\ude00\"],\"big\":"
                + "123456789012345678901234567890,\"f\":1.5,\"o\":{\"n\":-2}}").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("b", "a", "big", "f", "o"), List.copyOf(m.keySet()));
        assertEquals(1, m.get("b"));
        assertEquals(java.util.Arrays.asList(true, null, "x\uD83D\uDE00"), m.get("a"));
        assertEquals(new BigInteger("123456789012345678901234567890"), m.get("big"));
        assertEquals(1.5, m.get("f"));
        assertEquals(Map.of("n", -2), m.get("o"));
    }

    @Test
    void nestingDeeperThan64LevelsIsRefusedWithoutBuildingIt() {
        String ok = "{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}";
        assertEquals(1, JsonBody.object(ok.getBytes(StandardCharsets.UTF_8)).size(), "64 levels with the object");

        Problem p = refused("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}");
        assertEquals("json_limit", p.code);
        assertTrue(p.getMessage().contains("JSON nested deeper than 64 levels"), p.getMessage());
        assertEquals("depth", onlyField(p).rule());
        assertTrue(onlyField(p).field().startsWith("a[0][0]"), onlyField(p).field());

        Problem objects = refused("{\"x\":".repeat(10_000) + "1" + "}".repeat(10_000));
        assertEquals("json_limit", objects.code);
        assertTrue(objects.getMessage().contains("line 1, column"), objects.getMessage());
        Problem arrays = refused("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        assertEquals("json_limit", arrays.code);
        Problem unclosed = refused("{\"a\":" + "[".repeat(10_000));
        assertEquals("json_limit", unclosed.code);
    }

    @Test
    void aBodyThatIsNotAnObjectOrEndsEarlyOrGoesOnIsMalformed() {
        assertTrue(refused("[".repeat(10_000)).getMessage().contains("must be a JSON object"));
        assertTrue(refused("[1,2]").getMessage().contains("must be a JSON object"));
        assertTrue(refused("\"text\"").getMessage().contains("must be a JSON object"));
        assertTrue(refused("{\"a\":[[[").getMessage().contains("ends"));
        assertTrue(refused("{\"a\":1} x").getMessage().contains("line 1, column 9"), refused("{\"a\":1} x").getMessage());
        assertTrue(refused("{\"a\":1}{}").getMessage().contains("more text after"));
        for (String bad : List.of("{\"a\":NaN}", "{\"a\":Infinity}", "{a:1}", "{'a':1}", "{\"a\":01}",
                "{\"a\":\"x\ny\"}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":tru}", "{\"a\":\"\\x\"}")) {
            Problem p = refused(bad);
            assertEquals("malformed_json", p.code, bad);
            assertTrue(p.getMessage().startsWith("The body is not valid JSON at line 1, column "), p.getMessage());
        }
        Problem nan = refused("{\"a\":NaN}");
        assertTrue(nan.getMessage().contains("NaN and Infinity are not JSON numbers"), nan.getMessage());
    }

    @Test
    void numbersLongerThan100DigitsAreRefusedNamingTheMember() {
        String hundred = "9".repeat(100);
        assertEquals(new BigInteger(hundred), JsonBody.object(("{\"n\":" + hundred + "}")
                .getBytes(StandardCharsets.UTF_8)).get("n"));

        Problem p = refused("{\"fields\":{\"order\":" + "9".repeat(5_000) + "}}");
        assertEquals("json_limit", p.code);
        assertTrue(p.getMessage().contains("a number longer than 100 digits"), p.getMessage());
        assertEquals(new FieldError("fields.order", "numberLength", p.getMessage()), onlyField(p));
        assertEquals("list[1]", onlyField(refused("{\"list\":[1," + "1".repeat(101) + "]}")).field());
        assertEquals("numberLength", onlyField(refused("{\"f\":0." + "1".repeat(200) + "}")).rule());
    }

    @Test
    void aKeyTwiceInOneObjectIsRefusedWithItsPathAndPosition() {
        Problem p = refused("{\"name\":\"a\",\"name\":\"b\"}");
        assertEquals("malformed_json", p.code);
        assertTrue(p.getMessage().contains("the key \"name\" twice"), p.getMessage());
        assertTrue(p.getMessage().contains("line 1, column 13"), p.getMessage());
        assertEquals("name", onlyField(p).field());
        assertEquals("duplicate", onlyField(p).rule());

        Problem nested = refused("{\"fields\":{\"email\":\"a@b.c\",\n\"email\":\"d@e.f\"}}");
        assertEquals("fields.email", onlyField(nested).field());
        assertTrue(nested.getMessage().contains("line 2, column 1"), nested.getMessage());
        // The same key in different objects is fine.
        assertEquals(2, JsonBody.object("{\"a\":{\"x\":1},\"b\":{\"x\":2}}".getBytes(StandardCharsets.UTF_8)).size());
    }

    @Test
    void unpairedSurrogatesAreRefusedWhereverTheyAre() {
        FieldError value = onlyField(refused("{\"fields\":{\"email\":\"x\\ud800y\"}}"));
        assertEquals("fields.email", value.field());
        assertEquals("unicode", value.rule());
        assertEquals("list[1]", onlyField(refused("{\"list\":[\"ok\",\"\\udc00\"]}")).field());
        FieldError key = onlyField(refused("{\"fields\":{\"a\\ud800\":\"x\"}}"));
        assertEquals(new FieldError("fields", "unicode", key.message()), key, "a key's object is named");
        assertEquals("body", onlyField(refused("{\"\\udc00\":1}")).field());
        assertEquals("unicode", onlyField(refused("{\"t\":\"\\ude00\\ud83d\"}")).rule(), "a pair in the wrong order");
        // Surrogates encoded straight into the bytes (CESU-8) are not UTF-8.
        byte[] cesu = {'{', '"', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertEquals("t", onlyField(refused(cesu)).field());
    }

    @Test
    void theMapperItselfKeepsTheLimitsAndRefusesRepeatedKeys() {
        assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree("{\"a\":1,\"a\":2}"));
        JsonProcessingException deep = assertThrows(JsonProcessingException.class,
                () -> Json.MAPPER.readTree("[".repeat(65) + "]".repeat(65)));
        assertInstanceOf(JsonBody.LimitExceeded.class, deep);
        assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree("[" + "1".repeat(101) + "]"));
    }

    @Test
    void routesAnswerTheProblemsAsTheContractsJsonError() throws Exception {
        WebRequest request = (WebRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("bodyBytes")) {
                        return ("{\"a\":" + "[".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        WebResponse r = Routes.guarded(req -> Json.response(200, Routes.object(req))).handle(request);
        assertEquals(400, r.status());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals("json_limit", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("nested deeper than 64 levels"));
        assertEquals("depth", body.get("fields").get(0).get("rule").asText());
    }
}
