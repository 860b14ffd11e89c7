package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker sends to the plugin's routes: each answer is a 400 in the contract's JSON shape naming the
 * field and the rule, in words without a library's or a class's name, and nothing is stored.
 */
class HostileInputTest {

    private static final String WEBSITES = ChatApi.PLUGIN + "/api/websites";
    private static final List<String> LIBRARY_WORDS = List.of("`", "jackson", "Jackson", "com.", "java.",
            "JsonNode", "Feature", "StreamRead", "Exception");

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static Site site;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        site = api.createWebsite(ChatApi.website("Shop"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** A 400 in the contract's shape, in plain words. */
    private static JsonNode badRequest(Http.Reply r) {
        assertEquals(400, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonNode json = r.json();
        assertTrue(json.get("error").isTextual(), r.body());
        assertTrue(json.get("message").isTextual(), r.body());
        for (String word : LIBRARY_WORDS) {
            assertFalse(r.body().contains(word), "'" + word + "' in " + r.body());
        }
        return json;
    }

    /** A 400 naming exactly this field with this rule. */
    private static void refuses(Http.Reply r, String field, String rule) {
        JsonNode fields = badRequest(r).get("fields");
        assertTrue(fields != null && fields.isArray(), r.body());
        boolean named = false;
        for (JsonNode f : fields) {
            named |= f.get("field").asText().equals(field) && f.get("rule").asText().equals(rule);
        }
        assertTrue(named, field + "/" + rule + " in " + r.body());
    }

    @Test
    void hugeNestingUnclosedArraysAndLongNumbersAre400OnEveryJsonRoute() {
        Session s = api.openSession(site.key());
        String deepArrays = "{\"fields\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String unclosed = "{\"fields\":" + "[".repeat(10_000);
        String longNumber = "{\"fields\":{\"name\":" + "9".repeat(5_000) + "}}";
        for (String body : List.of(deepArrays, deepObjects, unclosed, longNumber)) {
            badRequest(api.http.send("POST", WEBSITES, TestHost.ADMIN_TOKEN, body));
            badRequest(api.http.send("PUT", WEBSITES + "/" + site.id(), TestHost.ADMIN_TOKEN, body));
            badRequest(api.http.send("PUT", WEBSITES + "/" + site.id() + "/forms/online", TestHost.ADMIN_TOKEN, body));
            badRequest(api.http.send("POST", ChatApi.PLUGIN + "/api/forms/preview", TestHost.ADMIN_TOKEN, body));
            badRequest(api.widget("POST", site.key(), "/sessions", body, null));
            badRequest(api.widget("POST", site.key(), "/offline", body, null));
            badRequest(api.widget("POST", site.key(), "/sessions/" + s.id() + "/messages", body, s.token()));
        }
        JsonNode depth = badRequest(api.widget("POST", site.key(), "/sessions", deepArrays, null));
        assertEquals("json_limit", depth.get("error").asText());
        assertTrue(depth.get("message").asText().contains("JSON nested deeper than 64 levels"), depth.toString());
        refuses(api.widget("POST", site.key(), "/sessions", longNumber, null), "fields.name", "numberLength");
        JsonNode nan = badRequest(api.widget("POST", site.key(), "/sessions", "{\"fields\":{\"n\":NaN}}", null));
        assertTrue(nan.get("message").asText().contains("line 1, column"), nan.toString());
    }

    @Test
    void aRefusedWebsiteUpdateNamesTheFieldAndChangesNothing() {
        String path = WEBSITES + "/" + site.id();
        JsonNode before = api.http.get(path, TestHost.ADMIN_TOKEN).json();
        int websites = api.http.get(WEBSITES, TestHost.ADMIN_TOKEN).json().size();
        String[][] cases = { // the members as sent, the field at fault, the rule
            {"\"origins\":[\"https://x.example.com:99999\"]", "origins[0]", "origin"},
            {"\"timezone\":\"\"", "timezone", "timezone"},
            {"\"maxConcurrentSessions\":null", "maxConcurrentSessions", "required"},
            {"\"maxConcurrentSessions\":0", "maxConcurrentSessions", "range"},
            {"\"appearance\":{\"logoUrl\":\"http://cdn.example.com/logo.png\"}", "appearance.logoUrl", "https"},
            {"\"displayRules\":{\"hours\":\"25:00-26:00\"}", "displayRules.hours", "interval"},
            {"\"name\":\"Shop\\u202egnp.exe\"", "name", "bidi"},
            {"\"name\":\"Shop\\u0000\"", "name", "control"},
            {"\"name\":\"x\\ud800y\"", "name", "unicode"},
            {"\"offline\":{\"forwardTo\":\"support\\u202e@shop.example.com\"}", "offline.forwardTo", "bidi"},
            {"\"name\":\"Other\",\"name\":\"Shop\"", "name", "duplicate"},
        };
        for (String[] c : cases) {
            ObjectNode rest = ChatApi.website("Shop");
            rest.remove(c[1].split("[.\\[]")[0]);
            String body = "{" + c[0] + "," + rest.toString().substring(1);
            refuses(api.http.send("PUT", path, TestHost.ADMIN_TOKEN, body), c[1], c[2]);
            badRequest(api.http.send("POST", WEBSITES, TestHost.ADMIN_TOKEN, body));
        }
        assertEquals(before, api.http.get(path, TestHost.ADMIN_TOKEN).json());
        assertEquals(websites, api.http.get(WEBSITES, TestHost.ADMIN_TOKEN).json().size(), "none was created");
    }

    @Test
    void aRefusedSessionOpenOpensNothing() {
        Site quiet = api.createWebsite(ChatApi.website("Quiet"));
        String fields = "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}";
        refuses(api.widget("POST", quiet.key(), "/sessions", "{\"fields\":" + fields
                + ",\"page\":\"javascript:alert(1)\"}", null), "page", "url");
        refuses(api.widget("POST", quiet.key(), "/sessions", "{\"fields\":" + fields
                + ",\"page\":\"https://shop.example.com/\\u0000\"}", null), "page", "control");
        refuses(api.open(quiet.key(), "{\"name\":\"Ada\",\"email\":\"x\\ud800y@example.com\"}"), "fields.email",
                "unicode");
        refuses(api.open(quiet.key(), "{\"name\":\"Ada\",\"email\":\"ada\\u202e@example.com\"}"), "email", "bidi");
        refuses(api.open(quiet.key(), "{\"name\":\"Ada\\u202eecilA\",\"email\":\"ada@example.com\"}"), "name", "bidi");
        refuses(api.open(quiet.key(), "{\"name\":\"Ada\",\"name\":\"Eve\",\"email\":\"ada@example.com\"}"),
                "fields.name", "duplicate");
        assertEquals(0, api.supervisor(quiet, null).size(), "no session was opened");
        assertEquals(0, api.http.get("/api/contacts?field=email&value=ada%E2%80%AE@example.com", TestHost.ADMIN_TOKEN)
                .json().size(), "no contact was created");
    }

    @Test
    void aRefusedOfflineMessageStoresNothing() {
        Site offline = api.createWebsite(ChatApi.website("Offline"));
        assertEquals(200, api.putForm(offline, "offline", "[{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\","
                + "\"inputType\":\"email\",\"required\":true,\"mapTo\":{\"contact\":\"email\"}},"
                + "{\"type\":\"textarea\",\"name\":\"subject\",\"label\":\"Subject\",\"required\":true},"
                + "{\"type\":\"textarea\",\"name\":\"message\",\"label\":\"Message\",\"required\":true}]").status());
        refuses(api.widget("POST", offline.key(), "/offline", "{\"fields\":{\"email\":\"eve\\u202e@example.com\","
                + "\"subject\":\"Hi\",\"message\":\"Hello\"}}", null), "email", "bidi");
        refuses(api.widget("POST", offline.key(), "/offline", "{\"fields\":{\"email\":\"eve@example.com\","
                + "\"subject\":\"Hi\\r\\nBcc: all@example.com\",\"message\":\"Hello\"}}", null), "subject", "control");
        refuses(api.widget("POST", offline.key(), "/offline", "{\"fields\":{\"email\":\"eve@example.com\","
                + "\"subject\":\"Invoice \\u202efdp.exe\",\"message\":\"Hello\"}}", null), "subject", "bidi");
        refuses(api.widget("POST", offline.key(), "/offline", "{\"fields\":{\"email\":\"eve@example.com\","
                + "\"subject\":\"Hi\",\"message\":\"Hello\\u0000\"}}", null), "message", "control");
        assertEquals(0, api.supervisor(offline, "offline").size(), "no offline message was stored");

        Http.Reply ok = api.widget("POST", offline.key(), "/offline", "{\"fields\":{\"email\":\"eve@example.com\","
                + "\"subject\":\"Hi\",\"message\":\"Line 1\\r\\nLine 2\\tend\"}}", null);
        assertEquals(202, ok.status(), ok.body());
    }

    @Test
    void aMessageWithControlCharactersIsRefusedAndNotStored() {
        Session s = api.openSession(site.key());
        refuses(api.say(s, "hello\u0000world", null), "text", "control");
        refuses(api.say(s, "\u001b[31mred", null), "text", "control");
        refuses(api.widget("POST", site.key(), "/sessions/" + s.id() + "/messages", "{\"text\":\"x\\udc00\"}",
                s.token()), "text", "unicode");
        refuses(api.say(s, "hi", "id\nwith a line break"), "clientMessageId", "control");
        assertEquals(201, api.say(s, "Line 1\nLine 2\twith a tab", null).status());
        JsonNode messages = api.widget("GET", site.key(), "/sessions/" + s.id() + "/messages", null, s.token()).json();
        List<String> texts = new java.util.ArrayList<>();
        messages.forEach(m -> texts.add(m.path("text").asText()));
        assertTrue(texts.contains("Line 1\nLine 2\twith a tab"), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.contains("world") || t.contains("red") || t.contains("x")),
                texts.toString());
    }

    @Test
    void anUploadTakesExactlyOneFilePart() throws Exception {
        Site uploads = api.createWebsite(ChatApi.website("Uploads"));
        assertEquals(200, api.putForm(uploads, "online", "[{\"type\":\"attachment\",\"name\":\"files\","
                + "\"label\":\"Files\"}]").status());
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        refuses(multipart(uploads, List.of("file", "file"), pdf), "file", "single");
        refuses(multipart(uploads, List.of("file", "extra"), pdf), "extra", "unknown");
        assertEquals(201, multipart(uploads, List.of("file"), pdf).status());
    }

    private static Http.Reply multipart(Site site, List<String> partNames, byte[] content) {
        String boundary = "----cwhostile" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int n = 0;
        for (String name : partNames) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"a" + n++ + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.http.send(api.http.builder(ChatApi.PLUGIN + "/widget/" + site.key()
                        + "/uploads?form=online&field=files", null)
                .header("Origin", ChatApi.ORIGIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
