package com.chatwebsite.host.routing;

import java.util.Objects;

/**
 * A host agent, from {@code HOST_AGENTS}.
 *
 * @param name the agent's unique name
 * @param token the agent's bearer token
 * @param capacity how many interactions the agent holds at once
 */
public record Agent(String name, String token, int capacity) {

    public Agent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
    }

    @Override
    public String toString() {
        return "Agent[" + name + ", capacity " + capacity + "]";
    }
}
