package com.chatwebsite.host;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The exchanges {@link Http} made while recording is on (a test switches it on, or
 * {@code -Dhttp.record=true}), for checking them against the OpenAPI document.
 */
public final class HttpExchanges {

    /**
     * One request and its answer.
     *
     * @param method the method
     * @param uri the request URI
     * @param requestContentType its Content-Type, or null
     * @param requestBody its body (empty when none)
     * @param status the answer's status
     * @param responseContentType the answer's Content-Type, or null
     * @param responseBody the answer's body as text
     */
    public record Exchange(String method, URI uri, String requestContentType, byte[] requestBody, int status,
            String responseContentType, String responseBody) {

        @Override
        public String toString() {
            return method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " -> " + status;
        }
    }

    /**
     * One event of an event stream {@link SseClient} read.
     *
     * @param uri the stream's URI
     * @param status the stream's status
     * @param contentType the stream's Content-Type
     * @param event the event's name
     * @param data its data
     */
    public record StreamEvent(URI uri, int status, String contentType, String event, String data) {

        @Override
        public String toString() {
            return "GET " + uri.getRawPath() + " event " + event;
        }
    }

    /**
     * What was recorded.
     *
     * @param exchanges the requests and answers
     * @param events the events read from event streams
     */
    public record Recorded(List<Exchange> exchanges, List<StreamEvent> events) {
    }

    private static final List<Exchange> RECORDED = new ArrayList<>();
    private static final List<StreamEvent> EVENTS = new ArrayList<>();
    private static volatile boolean recording = Boolean.getBoolean("http.record");

    private HttpExchanges() {
    }

    /** Starts recording, dropping what was recorded before. */
    public static synchronized void start() {
        RECORDED.clear();
        EVENTS.clear();
        recording = true;
    }

    /**
     * Stops recording.
     *
     * @return what was recorded since {@link #start()}
     */
    public static synchronized Recorded stop() {
        recording = false;
        Recorded out = new Recorded(List.copyOf(RECORDED), List.copyOf(EVENTS));
        RECORDED.clear();
        EVENTS.clear();
        return out;
    }

    static void recordEvent(URI uri, int status, String contentType, String event, String data) {
        if (recording) {
            synchronized (HttpExchanges.class) {
                EVENTS.add(new StreamEvent(uri, status, contentType, event, data));
            }
        }
    }

    static void record(HttpRequest request, HttpResponse<String> response) {
        if (!recording) {
            return;
        }
        Exchange x = new Exchange(request.method(), request.uri(),
                request.headers().firstValue("Content-Type").orElse(null), body(request), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        synchronized (HttpExchanges.class) {
            RECORDED.add(x);
        }
    }

    /** The request's body, read again from its publisher (those of the JDK's BodyPublishers replay). */
    private static byte[] body(HttpRequest request) {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the request body back", e);
        }
    }
}
