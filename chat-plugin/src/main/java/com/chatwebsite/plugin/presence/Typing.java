package com.chatwebsite.plugin.presence;

/**
 * The agent typing to the customer, or having stopped.
 *
 * @param agent the agent's display name
 * @param typing true while typing
 */
public record Typing(String agent, boolean typing) implements LiveSignal {
}
