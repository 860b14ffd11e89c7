package com.chatwebsite.api.channel;

import java.util.Objects;

/**
 * The host agent acting on an interaction, as the host authenticated them.
 *
 * <p>Built by the host and passed to the {@link ChatChannel} methods it calls on the agent's
 * request thread; a plugin keeps it only as long as it needs the names.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
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
