package com.chatwebsite.host.routing;

import com.chatwebsite.api.web.EventStream;
import com.chatwebsite.api.web.ServerSentEvent;
import java.util.ArrayList;
import java.util.List;

/** An event stream that keeps what it is sent, as an agent console would receive it. */
final class CollectingStream implements EventStream {

    private final List<ServerSentEvent> sent = new ArrayList<>();
    private final List<Runnable> onClose = new ArrayList<>();
    private boolean open = true;

    @Override
    public synchronized boolean send(ServerSentEvent event) {
        if (open) {
            sent.add(event);
        }
        return open;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public void onClose(Runnable action) {
        boolean closed;
        synchronized (this) {
            closed = !open;
            if (!closed) {
                onClose.add(action);
            }
        }
        if (closed) {
            action.run();
        }
    }

    @Override
    public void close() {
        List<Runnable> actions;
        synchronized (this) {
            open = false;
            actions = List.copyOf(onClose);
        }
        actions.forEach(Runnable::run);
    }

    synchronized List<ServerSentEvent> sent() {
        return List.copyOf(sent);
    }

    /** The ids received, in order. */
    synchronized List<String> ids() {
        return sent.stream().map(e -> e.id().orElseThrow()).toList();
    }

    /** The event types received, in order. */
    synchronized List<String> types() {
        return sent.stream().map(e -> e.event().orElseThrow()).toList();
    }

    synchronized int size() {
        return sent.size();
    }
}
