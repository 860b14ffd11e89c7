package com.chatwebsite.api.web;

/**
 * What a plugin does when the host opens an event stream it asked for with
 * {@link WebResponse#eventStream}: implemented by the plugin (usually as a lambda) and called
 * by the host, as {@link #open} says. It stays a functional interface.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface EventStreamHandler {

    /**
     * Called once by the host, on the request's thread, right after the response headers are
     * sent. The plugin typically sends the events the client missed and keeps the stream to send
     * new ones, then returns at once.
     *
     * @param stream the open stream
     * @throws Exception if the plugin cannot serve it; the host closes the stream
     */
    void open(EventStream stream) throws Exception;
}
