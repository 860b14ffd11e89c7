package com.chatwebsite.host.events;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's event bus: synchronous delivery to every matching listener of this node, in
 * subscription order; on PostgreSQL also handed to a {@link PgNotifyLink} that rings the other
 * nodes' doorbells and brings theirs here.
 */
public final class HostEventBus implements EventBus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostEventBus.class);

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile EventRecorder recorder = EventRecorder.NONE;
    private volatile Optional<PgNotifyLink> link = Optional.empty();

    /** A bus whose events stay in this process: one node on its H2 file, or a test. */
    public HostEventBus() {
    }

    /**
     * Joins the cluster: from now on published events also go to the other nodes, and theirs come
     * here. Starts the link's threads.
     *
     * @param cluster the link, not yet started
     */
    public void join(PgNotifyLink cluster) {
        if (link.isPresent()) {
            throw new IllegalStateException("the bus has joined a cluster already");
        }
        link = Optional.of(cluster);
        cluster.start(this::deliver);
    }

    /** Sets who stores recorded events (the agent event log), once the host has built it. */
    public void recorder(EventRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void record(Connection transaction, List<HostEvent> events) throws SQLException {
        recorder.record(transaction, events);
    }

    @Override
    public void publish(HostEvent event) {
        deliver(event);
        if (!event.topic().equals(RESYNC)) {
            link.ifPresent(l -> l.send(event));
        }
    }

    /**
     * Delivers an event to this node's listeners only: what the link does with other nodes' events.
     *
     * @param event the event
     */
    void deliver(HostEvent event) {
        for (Listener l : listeners) {
            if (l.matches(event.topic())) {
                try {
                    l.consumer.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("listener of {} failed on {}", l.topic, event.topic(), e);
                }
            }
        }
    }

    @Override
    public Subscription subscribe(String topic, Consumer<HostEvent> listener) {
        Listener l = new Listener(topic, listener);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** How many listeners are registered; plugins must remove theirs when they stop. */
    public int listenerCount() {
        return listeners.size();
    }

    /** Whether events leave this process. */
    public boolean clustered() {
        return link.isPresent();
    }

    /** Stops the cluster link, if any; local delivery goes on working. */
    @Override
    public void close() {
        link.ifPresent(PgNotifyLink::close);
    }

    private static final class Listener {
        private final String topic;
        private final Consumer<HostEvent> consumer;

        Listener(String topic, Consumer<HostEvent> consumer) {
            this.topic = topic;
            this.consumer = consumer;
        }

        boolean matches(String eventTopic) {
            if (topic.endsWith(".*")) {
                return eventTopic.startsWith(topic.substring(0, topic.length() - 1));
            }
            return topic.equals(eventTopic);
        }
    }
}
