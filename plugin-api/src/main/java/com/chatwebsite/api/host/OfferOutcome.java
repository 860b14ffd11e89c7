package com.chatwebsite.api.host;

/**
 * What {@link InteractionRouter#offer} did with an interaction.
 *
 * @since 1.0
 */
public enum OfferOutcome {
    /** At least one available agent with free capacity now sees the offer. */
    OFFERED,
    /** No agent was available with free capacity; the host keeps nothing of the offer. */
    NO_AGENT_AVAILABLE
}
