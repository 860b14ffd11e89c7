package com.chatwebsite.api.host;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The host's event bus: what one part publishes reaches every listener of the topic, in the host
 * and in every plugin, on every node of the cluster.
 *
 * <p>Implemented by the host. {@link #publish} calls this node's listeners on the publisher's
 * thread, in the order they subscribed, and returns after the last one; a listener that throws is
 * logged and does not stop the others. Listeners must therefore be quick and must not block.
 *
 * <p><b>Cluster-wide.</b> When several host nodes share one database (PostgreSQL), every event
 * published on one node also reaches the listeners on the other nodes, on a host thread, usually
 * within milliseconds (since 1.1). Across nodes an event is a doorbell, not a record: it is
 * delivered at most once and may be lost when a node dies or the database connection drops, so
 * its data should carry ids and sequence numbers only, and a listener catches up from the database
 * by sequence. After such a gap the host publishes {@link #RESYNC} on every node, telling
 * listeners to catch up on everything they follow. On one node (H2) nothing leaves the process.
 * Data must be JSON-like and small (at most 4,000 characters as JSON).
 *
 * <p><b>Durable.</b> Events that the host keeps for its agents ({@link InteractionTopics#MESSAGE},
 * {@link InteractionTopics#CLOSED}) are first {@linkplain #record recorded} in the caller's
 * transaction and then published as the doorbell.
 *
 * <p>Topics used between the host and chat channels are in {@link InteractionTopics}.
 *
 * @since 1.0
 */
public interface EventBus {

    /**
     * Delivers an event to the listeners of its topic.
     *
     * @param event the event
     */
    void publish(HostEvent event);

    /**
     * Published by the host on every node after cluster events may have been missed (the
     * database connection that carries them was lost and is back). Data: empty. A listener that
     * follows a log catches up on everything it follows.
     *
     * @since 1.1
     */
    String RESYNC = "host.bus.resync";

    /**
     * Stores events in the caller's database transaction, so that they exist exactly when that
     * transaction commits: the host adds {@link InteractionTopics#MESSAGE} and
     * {@link InteractionTopics#CLOSED} events (and, since 1.2, {@link InteractionTopics#READ}) to
     * the event streams of the agents concerned, where they survive a crash and are replayed by
     * sequence. Other topics are ignored.
     *
     * <p>Called by a chat channel on its own thread, inside the transaction that stores the change,
     * with the connection it got from the host's {@code DataSource}. The host neither commits nor
     * closes it. After the commit the caller {@link #publish}es the same events as the doorbell.
     * The host may lock rows of its own (an agent's stream); callers that lock rows of theirs take
     * those first.
     *
     * @param transaction the caller's open transaction
     * @param events the events, in order
     * @throws SQLException if the host's writes fail; the caller rolls back
     * @since 1.1
     */
    default void record(Connection transaction, List<HostEvent> events) throws SQLException {
    }

    /**
     * Listens to a topic.
     *
     * @param topic an exact topic, or a prefix ending in {@code .*} (such as {@code interaction.*})
     * @param listener called for each event of the topic
     * @return the subscription; close it to stop listening (a plugin does so in {@code stop()})
     */
    Subscription subscribe(String topic, Consumer<HostEvent> listener);

    /**
     * A listener's registration, returned by {@link #subscribe}; the subscriber closes it, a plugin
     * in its {@code stop()}.
     *
     * @since 1.0
     */
    interface Subscription extends AutoCloseable {
        /** Stops delivery to the listener; calling it again does nothing. */
        @Override
        void close();
    }
}
