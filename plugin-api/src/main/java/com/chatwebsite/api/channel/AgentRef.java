package com.chatwebsite.api.channel;

import java.util.Objects;

/**
 * The host agent acting on an interaction, as the host authenticated them.
 *
 * @param name the agent's unique name in the host
 * @param displayName what the customer sees as the agent's name
 * @since 1.0
 */
public record AgentRef(String name, String displayName) {

    /** Checks the components. */
    public AgentRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
    }
}
