package com.chatwebsite.plugin.session;

import java.time.Instant;
import java.util.Optional;

/**
 * The mutable part of a session, as the event log's writer reads and changes it under the
 * session's head lock.
 *
 * @param state the state
 * @param disposition why it closed
 * @param agent the agent who accepted it
 * @param acceptedAt when an agent accepted it
 * @param closedAt when it closed
 * @param waitingNotified whether the waiting message was sent
 */
public record SessionStatus(SessionState state, Optional<String> disposition, Optional<String> agent,
        Optional<Instant> acceptedAt, Optional<Instant> closedAt, boolean waitingNotified) {

    public boolean isOpen() {
        return state != SessionState.CLOSED;
    }

    SessionStatus accepted(String agentName, Instant at) {
        return new SessionStatus(SessionState.ACTIVE, Optional.empty(), Optional.of(agentName), Optional.of(at),
                Optional.empty(), waitingNotified);
    }

    SessionStatus closed(String why, Instant at) {
        return new SessionStatus(SessionState.CLOSED, Optional.of(why), agent, acceptedAt, Optional.of(at),
                waitingNotified);
    }

    SessionStatus notifiedWaiting() {
        return new SessionStatus(state, disposition, agent, acceptedAt, closedAt, true);
    }
}
