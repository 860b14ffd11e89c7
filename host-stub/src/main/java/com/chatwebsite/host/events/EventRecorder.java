package com.chatwebsite.host.events;

import com.chatwebsite.api.host.HostEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the host does with events a plugin {@linkplain com.chatwebsite.api.host.EventBus#record
 * records} in its transaction: the agent event log stores them for the agents concerned.
 */
@FunctionalInterface
public interface EventRecorder {

    /** Records nothing: for hosts without agents. */
    EventRecorder NONE = (transaction, events) -> { };

    /**
     * Stores events as part of the caller's open transaction.
     *
     * @param transaction the caller's transaction (not committed or closed here)
     * @param events the events, in order
     * @throws SQLException if a write fails
     */
    void record(Connection transaction, List<HostEvent> events) throws SQLException;
}
