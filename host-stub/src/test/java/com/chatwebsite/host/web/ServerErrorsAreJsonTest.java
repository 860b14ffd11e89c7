package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the HTTP server refuses by itself (before or while a route reads the request) is answered in
 * the contract's JSON error shape with nosniff, never as an HTML page or an empty body, and never as
 * a 5xx.
 */
class ServerErrorsAreJsonTest {

    private static final String HOST = "Host: localhost\r\n";
    private static final String ADMIN = "Authorization: Bearer " + TestHost.ADMIN_TOKEN + "\r\n";

    @TempDir
    static Path dir;
    static HostStub host;
    static URI base;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        base = host.baseUrl();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("encoded slash", "GET /plugins%2Fchat-website/widget.js HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("encoded dot segment", "GET /admin/%2e%2e/api/settings HTTP/1.1\r\n" + HOST + ADMIN + "\r\n",
                        400),
                Arguments.of("dot segment with parameter", "GET /admin/..;/api/settings HTTP/1.1\r\n" + HOST + "\r\n",
                        400),
                Arguments.of("encoded backslash", "GET /admin/..%5Capi HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("encoded NUL", "GET /admin/admin.js%00.css HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("empty segment", "GET //health HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("encoded percent", "GET /admin/%25 HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("above the root", "GET /../health HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("bad escape", "GET /admin/%zz HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("plain dot segment", "GET /admin/../api/settings HTTP/1.1\r\n" + HOST + ADMIN + "\r\n",
                        404),
                Arguments.of("URI too long", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + HOST + "\r\n", 414),
                Arguments.of("headers too large", "GET /health HTTP/1.1\r\n" + HOST + "X-Pad: " + "a".repeat(20_000)
                        + "\r\n\r\n", 431),
                Arguments.of("bad Content-Length", "PUT /api/settings HTTP/1.1\r\n" + HOST + ADMIN
                        + "Content-Length: 12abc\r\n\r\n{}", 400),
                Arguments.of("two Content-Lengths", "PUT /api/settings HTTP/1.1\r\n" + HOST + ADMIN
                        + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400),
                Arguments.of("Content-Length and chunked", "PUT /api/settings HTTP/1.1\r\n" + HOST + ADMIN
                        + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("bad chunk size", "PUT /api/settings HTTP/1.1\r\n" + HOST + ADMIN
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
                        400),
                Arguments.of("NUL in Authorization", "GET /api/settings HTTP/1.1\r\n" + HOST
                        + "Authorization: Bearer test\u0000admin\r\n\r\n", 400),
                Arguments.of("control byte in a header", "GET /health HTTP/1.1\r\n" + HOST + "X-Note: a\u0007b\r\n\r\n",
                        400),
                Arguments.of("folded header", "GET /health HTTP/1.1\r\n" + HOST + "X-Note: a\r\n b\r\n\r\n", 400),
                Arguments.of("no Host", "GET /health HTTP/1.1\r\n\r\n", 400),
                Arguments.of("unknown version", "GET /health HTTP/3.7\r\n" + HOST + "\r\n", 400),
                Arguments.of("NUL in the method", "GE\u0000T /health HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("no request line", "\u0001\u0002\u0003\r\n\r\n", 400),
                Arguments.of("unknown method", "BREW /health HTTP/1.1\r\n" + HOST + "\r\n", 405),
                Arguments.of("malformed query", "GET /api/contacts?field=%zz&value=x HTTP/1.1\r\n" + HOST + ADMIN
                        + "\r\n", 400),
                Arguments.of("HEAD of nothing", "HEAD /nothing HTTP/1.1\r\n" + HOST + "\r\n", 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void isAJsonErrorWithTheRightStatus(String what, String request, int status) {
        RawHttp.Answer a = RawHttp.exchange(base, request);
        assertEquals(status, a.status(), what + ": " + a.text());
        assertEquals("nosniff", a.header("X-Content-Type-Options"), what);
        assertTrue(a.header("Content-Type").startsWith("application/json"), what + ": " + a.header("Content-Type"));
        assertFalse(a.text().toLowerCase().contains("<html"), what);
        if (!request.startsWith("HEAD")) {
            JsonNode body = a.json();
            assertTrue(body.get("error").isTextual(), what + ": " + a.text());
            assertTrue(body.get("message").isTextual(), what + ": " + a.text());
            assertFalse(a.text().contains("org.eclipse") || a.text().contains("Exception"), what + ": " + a.text());
        }
    }

    @Test
    void anAmbiguousPathNamesWhatIsWrongInPlainWords() {
        RawHttp.Answer a = RawHttp.exchange(base, "GET /a%2Fb HTTP/1.1\r\n" + HOST + "\r\n");
        assertEquals("bad_request", a.json().get("error").asText());
        assertTrue(a.json().get("message").asText().contains("path separator"), a.text());
    }

    @Test
    void anUnknownMethodOnARouteNamesTheAllowedOnes() {
        RawHttp.Answer a = RawHttp.exchange(base, "BREW /health HTTP/1.1\r\n" + HOST + "\r\n");
        assertEquals("method_not_allowed", a.json().get("error").asText());
        assertEquals("GET", a.header("Allow"));
    }

    @Test
    void aRefusedRequestLineClosesTheConnectionAndTheNextConnectionIsServed() {
        try (RawHttp c = RawHttp.connect(base)) {
            c.send("GET //health HTTP/1.1\r\n" + HOST + "\r\n");
            RawHttp.Answer a = c.read();
            assertEquals(400, a.status());
            assertEquals("close", a.header("Connection"));
            assertTrue(c.closedWithin(java.time.Duration.ofSeconds(5)));
        }
        RawHttp.Answer ok = RawHttp.exchange(base, "GET /health HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n");
        assertEquals(200, ok.status());
        assertNotNull(ok.json().get("status"));
    }
}
