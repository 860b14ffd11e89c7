package com.chatwebsite.host.web;

import com.chatwebsite.api.web.EventStream;
import com.chatwebsite.api.web.ServerSentEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open {@code text/event-stream} response. Events from any thread go to a queue that one
 * {@link IteratingCallback} writes in order, never blocking the sender; a client too slow to keep
 * its queue below {@link #MAX_QUEUED} is disconnected and resumes with {@code Last-Event-ID}.
 */
final class JettyEventStream implements EventStream {

    static final int MAX_QUEUED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(JettyEventStream.class);
    private static final ByteBuffer KEEP_ALIVE = ByteBuffer.wrap(":\n\n".getBytes(StandardCharsets.UTF_8));

    private final Response response;
    private final Callback done;
    private final Queue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CopyOnWriteArrayList<Runnable> closeActions = new CopyOnWriteArrayList<>();
    private final Flusher flusher = new Flusher();

    JettyEventStream(Response response, Callback done) {
        this.response = response;
        this.done = done;
    }

    @Override
    public boolean send(ServerSentEvent event) {
        return enqueue(ByteBuffer.wrap(event.toWireFormat().getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a comment line that keeps proxies and the idle timeout from closing the stream. */
    boolean keepAlive() {
        return enqueue(KEEP_ALIVE.slice());
    }

    private boolean enqueue(ByteBuffer buffer) {
        if (closed.get()) {
            return false;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            LOG.info("closing an event stream whose client does not keep up");
            close();
            return false;
        }
        queue.offer(buffer);
        flusher.iterate();
        return true;
    }

    @Override
    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
        if (closed.get() && closeActions.remove(action)) {
            runSafely(action);
        }
    }

    @Override
    public void close() {
        if (markClosed()) {
            flusher.iterate();
        }
    }

    /** The connection failed: no more writes. */
    void abort(Throwable cause) {
        markClosed();
        flusher.abort(cause);
    }

    private boolean markClosed() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        for (Runnable action : closeActions) {
            if (closeActions.remove(action)) {
                runSafely(action);
            }
        }
        return true;
    }

    private static void runSafely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("an event stream close action failed", e);
        }
    }

    private final class Flusher extends IteratingCallback {
        private boolean lastWritten;

        @Override
        protected Action process() {
            if (lastWritten) {
                return Action.SUCCEEDED;
            }
            ByteBuffer next = queue.poll();
            if (next != null) {
                queued.decrementAndGet();
                response.write(false, next, this);
                return Action.SCHEDULED;
            }
            if (closed.get()) {
                lastWritten = true;
                response.write(true, ByteBuffer.allocate(0), this);
                return Action.SCHEDULED;
            }
            return Action.IDLE;
        }

        @Override
        protected void onCompleteSuccess() {
            done.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            markClosed();
            queue.clear();
            done.failed(cause);
        }
    }
}
