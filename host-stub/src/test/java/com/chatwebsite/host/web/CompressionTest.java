package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers are gzip when the client accepts it and they are worth it; event streams never are. */
class CompressionTest {

    private static final String HOST = "Host: localhost\r\n";

    @TempDir
    static Path dir;
    static HostStub host;
    static URI base;
    static ChatApi api;
    static Site site;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        base = host.baseUrl();
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        site = api.createWebsite(ChatApi.website("Shop"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static RawHttp.Answer get(String path, String headers) {
        return RawHttp.exchange(base, "GET " + path + " HTTP/1.1\r\n" + HOST + headers + "Connection: close\r\n\r\n");
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/plugins/chat-website/widget.js", "/admin/", "/agent/agent.js",
        "/plugins/chat-website/api/settings-schema"})
    void isGzipWhenAcceptedAndTheSameAfterInflating(String path) {
        String admin = "Authorization: Bearer " + TestHost.ADMIN_TOKEN + "\r\n";
        RawHttp.Answer plain = get(path, admin);
        RawHttp.Answer gzip = get(path, admin + "Accept-Encoding: gzip\r\n");
        assertEquals(200, plain.status(), plain.text());
        assertNull(plain.header("Content-Encoding"), path);
        assertEquals(200, gzip.status());
        assertEquals("gzip", gzip.header("Content-Encoding"), path);
        assertTrue(gzip.header("Vary").contains("Accept-Encoding"), path);
        assertTrue(gzip.body().length < plain.body().length, path);
        assertArrayEquals(plain.body(), gunzip(gzip.body()), path);
    }

    @Test
    void aSmallAnswerIsNotCompressed() {
        RawHttp.Answer health = get("/health", "Accept-Encoding: gzip\r\n");
        assertEquals(200, health.status());
        assertNull(health.header("Content-Encoding"));
    }

    @Test
    void anEventStreamIsNeverCompressedAndEachEventArrivesOnItsOwn() {
        Session s = api.openSession(site.key());
        try (RawHttp c = RawHttp.connect(base)) {
            c.send("GET /plugins/chat-website/widget/" + s.key() + "/sessions/" + s.id() + "/events?token=" + s.token()
                    + " HTTP/1.1\r\n" + HOST + "Origin: " + ChatApi.ORIGIN + "\r\nAccept: text/event-stream\r\n"
                    + "Accept-Encoding: gzip\r\n\r\n");
            RawHttp.Answer head = c.readHead();
            assertEquals(200, head.status());
            assertTrue(head.header("Content-Type").startsWith("text/event-stream"));
            assertNull(head.header("Content-Encoding"));
            assertEquals("chunked", head.header("Transfer-Encoding"));
            assertTrue(eventWith(c, "event: message").contains("data:"), "the greeting");
            assertEquals(201, api.say(s, "first", null).status());
            assertTrue(eventWith(c, "\"text\":\"first\"").contains("event: message"));
            assertEquals(201, api.say(s, "second", null).status());
            assertTrue(eventWith(c, "\"text\":\"second\"").contains("event: message"));
        }
    }

    /** The next event (read within the connection's timeout) that contains the text. */
    private static String eventWith(RawHttp c, String text) {
        while (true) {
            String event = nextEvent(c);
            if (event.contains(text)) {
                return event;
            }
        }
    }

    /** Reads the chunked stream until one whole event (not a keep-alive comment) has come. */
    private static String nextEvent(RawHttp c) {
        StringBuilder event = new StringBuilder();
        try {
            while (true) {
                String line = c.line(); // chunk sizes and event lines alike; an event ends with an empty line
                if (line == null) {
                    throw new AssertionError("the stream ended");
                }
                if (line.startsWith("data:") || line.startsWith("event:") || line.startsWith("id:")) {
                    event.append(line).append('\n');
                } else if (line.isEmpty() && event.length() > 0 && event.indexOf("data:") >= 0) {
                    return event.toString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
