package com.chatwebsite.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of a {@code text/event-stream}: collects events as a browser's EventSource would. */
public final class SseClient implements AutoCloseable {

    /**
     * One dispatched event.
     *
     * @param id the last event id, as a browser keeps it (an event without an id field keeps the one before)
     * @param event the type
     * @param data the data
     * @param ownId whether this event carried an id field itself
     */
    public record Event(String id, String event, String data, boolean ownId) {
        public Event(String id, String event, String data) {
            this(id, event, data, true);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final int status;
    private final InputStream body;
    private final Thread reader;

    private final URI uri;
    private final String contentType;

    private SseClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.uri = response.request().uri();
        this.contentType = response.headers().firstValue("Content-Type").orElse(null);
        this.body = response.body();
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(b::header);
        try {
            return new SseClient(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    private volatile boolean ended;

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            List<String> data = new ArrayList<>();
            boolean ownId = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        Event e = new Event(id, event == null ? "message" : event, String.join("\n", data), ownId);
                        HttpExchanges.recordEvent(uri, status, contentType, e.event(), e.data());
                        events.add(e);
                    }
                    ownId = false;
                    event = null;
                    data.clear();
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                    ownId = true;
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed
        }
        ended = true;
    }

    /**
     * The next event, waiting up to the deadline.
     *
     * @param deadline how long to wait
     * @return the event
     */
    public Event next(Duration deadline) {
        try {
            Event e = events.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + deadline);
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Events until one of a type arrives (inclusive).
     *
     * @param type the event type
     * @param deadline how long to wait in all
     * @return the events read
     */
    public List<Event> until(String type, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        List<Event> out = new ArrayList<>();
        while (true) {
            Event e = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            out.add(e);
            if (e.event().equals(type)) {
                return out;
            }
        }
    }

    /** Whether no event is waiting now. */
    public boolean idle() {
        return events.isEmpty();
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        reader.interrupt();
    }
}
