package com.chatwebsite.plugin.session;

import com.chatwebsite.api.host.HostEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the session event log needs from storage: sessions' heads (last sequence number, activity),
 * their status, and their events. Implemented by the {@code store} package.
 */
public interface EventLogStore {

    /**
     * Runs work in one transaction: committed (durably) when it returns, rolled back when it throws.
     *
     * @param work the work
     * @param <T> its result
     * @return the result
     */
    <T> T inTransaction(Work<T> work);

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx);
    }

    /**
     * A stored event with what only the store keeps.
     *
     * @param event the event
     * @param sender for messages, who sent it
     * @param clientMessageId the sender's idempotency key
     */
    record Stored(SessionEvent event, Optional<String> sender, Optional<String> clientMessageId) {
    }

    /**
     * A sender's idempotency key within a session.
     *
     * @param sessionId the session
     * @param sender who sent the message
     * @param clientMessageId the sender's id for it
     */
    record MessageKey(String sessionId, String sender, String clientMessageId) {
    }

    /**
     * A head's new values.
     *
     * @param lastSeq the last sequence number
     * @param activityAt the new activity time, if the events count as activity
     */
    record Head(long lastSeq, Optional<Instant> activityAt) {
    }

    /** The operations of one transaction. */
    interface Tx {
        /**
         * Locks the heads of sessions, in the order given (callers sort them, so that transactions
         * on several nodes never deadlock), until the transaction ends.
         *
         * @param sessionIds the sessions, sorted
         * @return each existing session's last sequence number
         */
        Map<String, Long> lockHeads(List<String> sessionIds);

        /** The status of sessions (read after their heads are locked). */
        Map<String, SessionStatus> statuses(Collection<String> sessionIds);

        /**
         * Messages already stored under senders' idempotency keys.
         *
         * @param keys the keys looked for
         * @return the stored message of each key found
         */
        Map<MessageKey, SessionEvent> byClientMessageIds(Collection<MessageKey> keys);

        void insert(List<Stored> events);

        void advanceHeads(Map<String, Head> heads);

        void updateStatus(String sessionId, SessionStatus status);

        /** Records events for the host's agents in this transaction ({@code EventBus.record}). */
        void recordForHost(List<HostEvent> events);
    }

    /**
     * A session's events after a sequence number, oldest first.
     *
     * @param sessionId the session
     * @param after the last one the reader has
     * @param onlyType a type to keep, or null for all
     * @param limit the most to return
     * @return the events
     */
    List<SessionEvent> eventsAfter(String sessionId, long after, String onlyType, int limit);

    /**
     * The last sequence numbers of sessions, for streams that check they missed nothing.
     *
     * @param sessionIds the sessions
     * @return each existing session's last sequence number
     */
    Map<String, Long> lastSeqs(Collection<String> sessionIds);
}
