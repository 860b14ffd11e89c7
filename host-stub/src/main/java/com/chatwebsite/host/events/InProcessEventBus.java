package com.chatwebsite.host.events;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's event bus: synchronous delivery to every matching listener, in subscription order. */
public final class InProcessEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile EventRecorder recorder = EventRecorder.NONE;

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
