package com.chatwebsite.api.web;

/**
 * An open {@code text/event-stream} response that a plugin writes to for as long as the client
 * stays connected.
 *
 * <p>Implemented by the host and handed to {@link EventStreamHandler#open}. Every method is safe
 * to call from any thread. Sending never blocks: the host queues events and writes them in order;
 * when a client reads too slowly and its queue is full, the host closes the stream (the client
 * reconnects with {@code Last-Event-ID}). The host also sends keep-alive comments on its own.
 *
 * @since 1.0
 */
public interface EventStream {

    /**
     * Queues an event.
     *
     * @param event the event
     * @return false if the stream is already closed (the event is dropped)
     */
    boolean send(ServerSentEvent event);

    /**
     * Whether the stream is still open.
     *
     * @return false once the client left, the host stopped, or {@link #close()} was called
     */
    boolean isOpen();

    /**
     * Registers an action to run once when the stream closes, for whatever reason. Runs at once if
     * it is already closed. Used to stop publishing to the stream.
     *
     * @param action the action; it must not block
     */
    void onClose(Runnable action);

    /** Ends the response after the queued events; calling it again does nothing. */
    void close();
}
