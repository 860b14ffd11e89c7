package com.chatwebsite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/** The bench's HTTP: blocking JSON calls for set-up, event streams, request pools (all {@link RawHttp}). */
final class Http implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int CALL_CONNECTIONS = 32;

    private final RawHttp.Streams streams;
    private final Map<InetSocketAddress, RawHttp.Pool> pools = new ConcurrentHashMap<>();

    Http() throws IOException {
        streams = new RawHttp.Streams();
    }

    static InetSocketAddress address(URI uri) {
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    static String pathAndQuery(URI uri) {
        String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
    }

    /** The set-up pool of an address ({@value #CALL_CONNECTIONS} connections). */
    RawHttp.Pool pool(URI uri) {
        return pools.computeIfAbsent(address(uri), a -> new RawHttp.Pool("call", a, CALL_CONNECTIONS));
    }

    /** A request answering the raw response (60 s at most). */
    RawHttp.Response send(String method, URI uri, String body, String... headers)
            throws IOException, InterruptedException {
        CompletableFuture<RawHttp.Response> f = pool(uri).send(method, pathAndQuery(uri), headers, body);
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new IOException(method + " " + uri.getPath() + " did not answer in 60 s");
        }
    }

    /** Set-up calls answered 503 (the host starting or its database briefly unavailable) and retried. */
    final java.util.concurrent.atomic.LongAdder retried503 = new java.util.concurrent.atomic.LongAdder();

    /**
     * A blocking JSON call of the set-up (never of the measured load); throws unless the status is the
     * expected one. A 503 is retried after a second, for 30 s at most, as the contract asks clients to.
     */
    JsonNode call(String method, URI uri, String body, int expect, String... headers)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        RawHttp.Response r = send(method, uri, body == null && !method.equals("GET") ? "" : body, headers);
        while (r.status() == 503 && expect != 503 && System.nanoTime() < end) {
            retried503.increment();
            Thread.sleep(1_000);
            r = send(method, uri, body == null && !method.equals("GET") ? "" : body, headers);
        }
        if (r.status() != expect) {
            throw new IOException(method + " " + uri.getPath() + " answered " + r.status() + ": " + r.text());
        }
        return r.body().length == 0 ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** What an event stream's lines go to. */
    interface LineListener {
        void line(String line, long receivedNanos);
    }

    /** Counts of the event streams opened through {@link #openStream}. */
    static final class StreamCounts {
        final LongAdder open = new LongAdder();
        final LongAdder ended = new LongAdder();
    }

    /**
     * Opens an event stream; its lines go to the listener as they arrive.
     *
     * @return completes with the status as soon as the response headers arrive
     */
    CompletableFuture<Integer> openStream(URI uri, LineListener listener, StreamCounts counts, String... headers) {
        return streams.open(address(uri), pathAndQuery(uri), headers, listener, counts);
    }

    @Override
    public void close() {
        streams.close();
        pools.values().forEach(RawHttp.Pool::close);
    }
}
