package com.chatwebsite.api.host;

/**
 * What {@link InteractionRouter#offer} did with an interaction: returned by the host to the plugin
 * that offered it. New outcomes may come in a minor version; a plugin treats an unknown one like
 * {@link #NO_AGENT_AVAILABLE}.
 *
 * @since 1.0
 */
public enum OfferOutcome {
    /** At least one available agent with free capacity now sees the offer. */
    OFFERED,
    /** No agent was available with free capacity; the host keeps nothing of the offer. */
    NO_AGENT_AVAILABLE
}
