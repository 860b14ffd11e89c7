package com.chatwebsite.host.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The open event streams: sends them keep-alives and closes them when the host stops. */
final class EventStreams implements AutoCloseable {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final java.util.Map<JettyEventStream, String> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "host-sse-keepalive");
        t.setDaemon(true);
        return t;
    });

    EventStreams() {
        long period = KEEP_ALIVE.toMillis();
        timer.scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
    }

    void add(JettyEventStream stream, String owner) {
        open.put(stream, owner);
        stream.onClose(() -> open.remove(stream));
    }

    /** Closes the streams a route owner (a plugin) opened, as it stops. */
    void closeAllOf(String owner) {
        open.forEach((stream, o) -> {
            if (o.equals(owner)) {
                stream.close();
            }
        });
    }

    int openCount() {
        return open.size();
    }

    private void keepAlive() {
        for (JettyEventStream s : open.keySet()) {
            s.keepAlive();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (JettyEventStream s : open.keySet()) {
            s.close();
        }
    }
}
