package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.web.EventStream;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.ServerSentEvent;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.routing.Agent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A route answering with an event stream that another thread keeps writing to. */
class EventStreamTest {

    Server server;
    URI base;
    final CompletableFuture<EventStream> opened = new CompletableFuture<>();
    final AtomicInteger closedCount = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        RouteTable routes = new RouteTable();
        routes.mount("test", "/plugins/test", List.of(WebRoute.of("GET", "/events", RouteAccess.PUBLIC,
                request -> WebResponse.eventStream(stream -> {
                    stream.onClose(closedCount::incrementAndGet);
                    stream.send(ServerSentEvent.of("1", "hello", "{\"n\":1}"));
                    opened.complete(stream);
                }))));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new HostHandler(routes, new Authenticator("a", List.of(new Agent("x", "y", 1))),
                java.nio.file.Path.of("target", "parts")));
        server.start();
        base = URI.create("http://localhost:" + connector.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void eventsWrittenFromAnotherThreadArriveInOrderAndCloseEndsTheResponse() throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/plugins/test/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        EventStream stream = opened.get();
        Thread writer = new Thread(() -> {
            for (int i = 2; i <= 200; i++) {
                stream.send(ServerSentEvent.of(Integer.toString(i), "message", "line one\nline " + i));
            }
            stream.close();
        });
        writer.start();
        List<String> ids = new ArrayList<>();
        List<String> data = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    ids.add(line.substring(4));
                } else if (line.startsWith("data: line ") && !line.equals("data: line one")) {
                    data.add(line.substring(6));
                }
            }
        }
        writer.join();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, ids, "every event once, in order, and the stream ended");
        assertEquals("line 2", data.get(0), "multi-line data is framed as several data: lines");
        assertEquals(1, closedCount.get(), "close actions run once");
        assertTrue(!stream.send(ServerSentEvent.of("x", "late", "{}")), "a closed stream refuses events");
    }

    @Test
    void aClientThatLeavesClosesTheStream() throws Exception {
        CompletableFuture<HttpResponse<java.io.InputStream>> pending = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(base.resolve("/plugins/test/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        EventStream stream = opened.get();
        pending.get().body().close();
        Poll.until(Duration.ofSeconds(10), "the server notices the client left", () -> {
            stream.send(ServerSentEvent.of("n", "ping", "x".repeat(8192)));
            return !stream.isOpen();
        });
        assertEquals(1, closedCount.get());
    }
}
