package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin page, agent console and demo shop: a policy that runs no inline script, no framing of
 * the consoles, a referrer policy and nosniff; GET and HEAD only.
 */
class PageHeadersTest {

    private static final String HOST = "Host: localhost\r\n";
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>(.*?)</script>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_SRC = Pattern.compile("\\ssrc=\"([^\"]+)\"");

    @TempDir
    static Path dir;
    static HostStub host;
    static URI base;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        base = host.baseUrl();
        ChatApi api = new ChatApi(host);
        api.createWebsite(ChatApi.website("Shop")); // so that the demo page carries the snippet
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static RawHttp.Answer get(String path) {
        return RawHttp.exchange(base, "GET " + path + " HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n");
    }

    /** The policy's directives, such as {@code script-src -> ['self']}. */
    private static Map<String, List<String>> policy(RawHttp.Answer a) {
        String header = a.header("Content-Security-Policy");
        assertNotNull(header, "a Content-Security-Policy");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String directive : header.split(";")) {
            String[] words = directive.trim().split("\\s+");
            out.put(words[0], Arrays.asList(words).subList(1, words.length));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/agent/", "/demo/"})
    void everyPageHasAPolicyThatRunsOnlyScriptFiles(String page) {
        RawHttp.Answer a = get(page);
        assertEquals(200, a.status());
        Map<String, List<String>> csp = policy(a);
        assertEquals(List.of("'self'"), csp.get("default-src"), page);
        assertTrue(csp.get("script-src").contains("'self'"), page);
        assertFalse(csp.get("script-src").stream().anyMatch(s -> s.startsWith("'unsafe")), page);
        assertEquals(List.of("'none'"), csp.get("object-src"), page);
        assertEquals(List.of("'none'"), csp.get("base-uri"), page);
        assertEquals("nosniff", a.header("X-Content-Type-Options"));
        assertNotNull(a.header("Referrer-Policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/agent/"})
    void theConsolesCannotBeFramed(String page) {
        RawHttp.Answer a = get(page);
        assertEquals(List.of("'none'"), policy(a).get("frame-ancestors"));
        assertEquals("DENY", a.header("X-Frame-Options"));
    }

    @Test
    void theAgentConsoleAllowsNoInlineStyleEither() {
        assertEquals(List.of("'self'"), policy(get("/agent/")).get("style-src"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/agent/", "/demo/"})
    void thePagesHaveNoInlineScriptHandlerOrStyleAttribute(String page) {
        String html = get(page).text();
        Matcher script = SCRIPT_TAG.matcher(html);
        int scripts = 0;
        while (script.find()) {
            scripts++;
            assertTrue(script.group(1).contains("src="), page + ": " + script.group());
            assertTrue(script.group(2).isBlank(), page + ": " + script.group());
        }
        assertTrue(scripts > 0, page);
        assertFalse(INLINE_HANDLER.matcher(html).find(), page);
        assertFalse(STYLE_ATTRIBUTE.matcher(html).find(), page);
        assertFalse(html.contains("javascript:"), page);
    }

    @Test
    void theDemoPolicyAllowsTheWidgetItsSnippetLoads() {
        RawHttp.Answer a = get("/demo/");
        Matcher tag = SCRIPT_TAG.matcher(a.text());
        String snippet = null;
        while (tag.find()) {
            if (tag.group(1).contains("data-chat-website-key")) {
                snippet = tag.group(1);
            }
        }
        assertNotNull(snippet, a.text());
        Matcher widget = SCRIPT_SRC.matcher(snippet);
        assertTrue(widget.find(), snippet);
        URI src = URI.create(widget.group(1));
        String origin = src.getScheme() + "://" + src.getRawAuthority();
        Map<String, List<String>> csp = policy(a);
        boolean sameOrigin = origin.equals(base.getScheme() + "://" + base.getRawAuthority());
        assertTrue(sameOrigin || csp.get("script-src").contains(origin), origin + " in " + csp);
        assertTrue(sameOrigin || csp.get("connect-src").contains(origin), origin + " in " + csp);
        RawHttp.Answer script = get(src.getRawPath());
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").contains("javascript"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin", "/admin/", "/agent/", "/demo/", "/admin/admin.js", "/agent/agent.css",
        "/demo/demo.js"})
    void anotherMethodOnAPageIs405AllowingGetAndHead(String path) {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            RawHttp.Answer a = RawHttp.exchange(base, method + " " + path + " HTTP/1.1\r\n" + HOST
                    + "Content-Length: 0\r\n\r\n");
            assertEquals(405, a.status(), method + " " + path);
            assertEquals("GET, HEAD", a.header("Allow"), method + " " + path);
            assertEquals("method_not_allowed", a.json().get("error").asText());
        }
    }

    @Test
    void headOfAPageIsItsHeadWithoutTheBody() {
        int length = get("/agent/").body().length;
        try (RawHttp c = RawHttp.connect(base)) {
            c.send("HEAD /agent/ HTTP/1.1\r\n" + HOST + "\r\n");
            RawHttp.Answer head = c.readHead();
            assertEquals(200, head.status());
            assertTrue(head.header("Content-Type").startsWith("text/html"));
            assertEquals(Integer.toString(length), head.header("Content-Length"));
            assertNotNull(head.header("Content-Security-Policy"));
            c.send("GET /health HTTP/1.1\r\n" + HOST + "\r\n");
            RawHttp.Answer next = c.read();
            assertEquals(200, next.status(), "no body came between the two answers");
            assertEquals("UP", next.json().get("status").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/nothing-here", "/plugins/chat-website/widget.js", "/api/settings"})
    void everyAnswerHasNosniffAndAReferrerPolicy(String path) {
        RawHttp.Answer a = get(path);
        assertEquals("nosniff", a.header("X-Content-Type-Options"), path);
        assertEquals("strict-origin-when-cross-origin", a.header("Referrer-Policy"), path);
    }
}
