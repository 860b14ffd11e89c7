package com.chatwebsite.host.durability;

import com.chatwebsite.host.Poll;
import com.chatwebsite.host.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything one event-stream client received, across its connections: a browser's EventSource
 * that reconnects with {@code Last-Event-ID} = the last id it saw.
 */
final class StreamTap {

    private final String name;
    private final List<SseClient.Event> events = new ArrayList<>();
    private SseClient current;

    StreamTap(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Starts reading a new connection of this client; the previous one must have ended. */
    synchronized void attach(SseClient connection) {
        if (connection.status() != 200) {
            throw new AssertionError(name + ": the event stream answered " + connection.status());
        }
        current = connection;
    }

    /** The id of the last event received that had one, as EventSource keeps it; null before any. */
    synchronized String lastEventId() {
        drain();
        String id = null;
        for (SseClient.Event e : events) {
            if (e.id() != null) {
                id = e.id();
            }
        }
        return id;
    }

    /** Every event received so far, in order of arrival. */
    synchronized List<SseClient.Event> events() {
        drain();
        return List.copyOf(events);
    }

    /** Waits until the server's end of the connection is gone (after a kill), then keeps its events. */
    void awaitEnd(Duration deadline) {
        Poll.until(deadline, name + "'s stream ends", () -> current.ended());
        synchronized (this) {
            drain();
            current.close();
        }
    }

    /**
     * Waits until an event matching the predicate has arrived.
     *
     * @return whether it arrived within the deadline
     */
    boolean awaitEvent(Duration deadline, Predicate<SseClient.Event> wanted) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (events().stream().anyMatch(wanted)) {
                return true;
            }
            pause();
        }
        return events().stream().anyMatch(wanted);
    }

    void close() {
        if (current != null) {
            current.close();
        }
    }

    private void drain() {
        if (current == null) {
            return;
        }
        while (!current.idle()) {
            events.add(current.next(Duration.ofMillis(1)));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
