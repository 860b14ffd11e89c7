package com.chatwebsite.host.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The open event streams: sends them keep-alives and closes them when the host stops. */
final class EventStreams implements AutoCloseable {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final Set<JettyEventStream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "host-sse-keepalive");
        t.setDaemon(true);
        return t;
    });

    EventStreams() {
        long period = KEEP_ALIVE.toMillis();
        timer.scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
    }

    void add(JettyEventStream stream) {
        open.add(stream);
        stream.onClose(() -> open.remove(stream));
    }

    int openCount() {
        return open.size();
    }

    private void keepAlive() {
        for (JettyEventStream s : open) {
            s.keepAlive();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (JettyEventStream s : open) {
            s.close();
        }
    }
}
