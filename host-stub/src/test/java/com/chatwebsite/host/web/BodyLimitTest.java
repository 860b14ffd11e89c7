package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body over its route's limit gets 413 as soon as the limit is passed, declared or streamed; the
 * server reads no more of it and closes the connection. Ordinary errors keep the connection.
 */
class BodyLimitTest {

    private static final int SETTINGS_LIMIT = 16 * 1024;
    private static final String HOST = "Host: localhost\r\n";
    private static final String ADMIN = "Authorization: Bearer " + TestHost.ADMIN_TOKEN + "\r\n";
    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    @TempDir
    static Path dir;
    static HostStub host;
    static URI base;
    static Http http;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        base = host.baseUrl();
        http = new Http(base);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** Writes a body slowly on its own thread until the server stops taking it or the body is sent. */
    static final class SlowBody implements Runnable {
        final AtomicLong sent = new AtomicLong();
        final AtomicBoolean refused = new AtomicBoolean();
        private final OutputStream out;
        private final int pieceBytes;
        private final long totalBytes;
        private final boolean chunked;

        SlowBody(OutputStream out, int pieceBytes, long totalBytes, boolean chunked) {
            this.out = out;
            this.pieceBytes = pieceBytes;
            this.totalBytes = totalBytes;
            this.chunked = chunked;
        }

        Thread start() {
            Thread t = new Thread(this, "slow-body");
            t.setDaemon(true);
            t.start();
            return t;
        }

        @Override
        public void run() {
            byte[] piece = new byte[pieceBytes];
            Arrays.fill(piece, (byte) ' ');
            try {
                while (sent.get() < totalBytes) {
                    if (chunked) {
                        out.write((Integer.toHexString(pieceBytes) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(piece);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    sent.addAndGet(pieceBytes);
                    Thread.sleep(10); // a slow client, not a wait for the server
                }
            } catch (IOException e) {
                refused.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitGets413AtOnceAndTheConnectionIsClosed() {
        JsonNode before = http.get("/api/settings", TestHost.ADMIN_TOKEN).json();
        try (RawHttp c = RawHttp.connect(base)) {
            long started = System.nanoTime();
            c.send("PUT /api/settings HTTP/1.1\r\n" + HOST + ADMIN + "Content-Type: application/json\r\n"
                    + "Content-Length: 52428800\r\n\r\n{\"chatTimeoutSeconds\": 30, \"pad\": \"");
            SlowBody body = new SlowBody(c.output(), 1024, 52_428_800L, false);
            body.start();
            RawHttp.Answer a = c.read();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(413, a.status(), a.text());
            assertEquals("payload_too_large", a.json().get("error").asText());
            assertTrue(took.compareTo(PROMPTLY) < 0, "answered after " + took);
            assertEquals("close", a.header("Connection"));
            assertTrue(c.closedWithin(PROMPTLY), "the server closes the connection");
            Poll.until(Duration.ofSeconds(10), "the server takes no more of the body", body.refused::get);
            assertTrue(body.sent.get() < 4L * 1024 * 1024, "sent " + body.sent.get());
        }
        assertEquals(before, http.get("/api/settings", TestHost.ADMIN_TOKEN).json());
    }

    @Test
    void aStreamedBodyGets413JustPastTheLimitAndTheConnectionIsClosed() {
        JsonNode before = http.get("/api/settings", TestHost.ADMIN_TOKEN).json();
        try (RawHttp c = RawHttp.connect(base)) {
            c.send("PUT /api/settings HTTP/1.1\r\n" + HOST + ADMIN + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            SlowBody body = new SlowBody(c.output(), 1024, 50L * 1024 * 1024, true);
            body.start();
            RawHttp.Answer a = c.read();
            long sentWhenRefused = body.sent.get();
            assertEquals(413, a.status(), a.text());
            assertEquals("payload_too_large", a.json().get("error").asText());
            assertTrue(sentWhenRefused > SETTINGS_LIMIT, "refused after " + sentWhenRefused + " bytes");
            assertTrue(sentWhenRefused < SETTINGS_LIMIT + 256 * 1024, "refused only after " + sentWhenRefused);
            assertEquals("close", a.header("Connection"));
            assertTrue(c.closedWithin(PROMPTLY), "the server closes the connection");
            Poll.until(Duration.ofSeconds(10), "the server takes no more of the body", body.refused::get);
        }
        assertEquals(before, http.get("/api/settings", TestHost.ADMIN_TOKEN).json());
    }

    @Test
    void theLimitIsTheRoutesUploadsTakeTenMegabytes() {
        String upload = "POST /plugins/chat-website/widget/no-such-key/uploads?form=online&field=f HTTP/1.1\r\n" + HOST
                + "Origin: https://shop.example.com\r\nContent-Type: multipart/form-data; boundary=x\r\n";
        try (RawHttp c = RawHttp.connect(base)) {
            c.send(upload + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n");
            RawHttp.Answer a = c.read();
            assertEquals(413, a.status(), a.text());
            assertTrue(c.closedWithin(PROMPTLY));
        }
        try (RawHttp c = RawHttp.connect(base)) {
            c.send(upload + "Content-Length: " + (9 * 1024 * 1024) + "\r\n\r\n");
            RawHttp.Answer a = c.read();
            assertNotEquals(413, a.status(), a.text());
            assertEquals("close", a.header("Connection"), "the unsent rest is not waited for");
            assertTrue(c.closedWithin(PROMPTLY));
        }
    }

    @Test
    void anOrdinaryErrorWithASmallBodyKeepsTheConnectionForTheNextRequest() {
        try (RawHttp c = RawHttp.connect(base)) {
            c.send("PUT /api/settings HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\nContent-Length: 26\r\n\r\n"
                    + "{\"chatTimeoutSeconds\": 30}");
            RawHttp.Answer refused = c.read();
            assertEquals(401, refused.status());
            assertEquals(null, refused.header("Connection"));
            c.send("GET /health HTTP/1.1\r\n" + HOST + "\r\n");
            assertEquals(200, c.read().status());
            c.send("PUT /api/settings HTTP/1.1\r\n" + HOST + ADMIN + "Content-Type: application/json\r\n"
                    + "Content-Length: 27\r\n\r\n{\"chatTimeoutSeconds\": 600}");
            RawHttp.Answer saved = c.read();
            assertEquals(200, saved.status(), saved.text());
            assertEquals(null, saved.header("Connection"));
            c.send("GET /health HTTP/1.1\r\n" + HOST + "\r\n");
            assertEquals(200, c.read().status());
        }
    }
}
