package com.chatwebsite.api.host;

import java.util.Collection;
import java.util.Optional;

/**
 * The host's routing: offers interactions to its available agents and tracks who holds which.
 *
 * <p>Implemented by the host; called by plugins from any thread. When an agent accepts an offer,
 * the host calls {@link com.chatwebsite.api.channel.ChatChannel#accept} of the offer's channel on
 * the agent's request thread, and counts the interaction against the agent's capacity only if that
 * call returns normally. An agent holds at most its capacity of interactions at once.
 *
 * @since 1.0
 */
public interface InteractionRouter {

    /**
     * Offers an interaction to the agents who are available and below their capacity.
     *
     * <p>Routing state is kept by the host in its database, so it outlives a node; offering again an
     * interaction that is already offered or held changes nothing and answers
     * {@link OfferOutcome#OFFERED} (since 1.1; 1.0 threw {@code IllegalStateException}).
     *
     * @param offer the interaction, with its routing variables
     * @return {@link OfferOutcome#OFFERED}, or {@link OfferOutcome#NO_AGENT_AVAILABLE} when nobody
     *     could take it now (the host then keeps nothing)
     */
    OfferOutcome offer(InteractionOffer offer);

    /**
     * After a restart, tells the host that an agent still holds an open interaction, so the agent
     * can go on with it. The host assigns it again to that agent (even above the agent's capacity);
     * it does nothing for an unknown agent or an interaction already routed.
     *
     * @param offer the interaction, as it was offered
     * @param agent the agent's name
     * @return true if the host assigned it again
     */
    boolean resume(InteractionOffer offer, String agent);

    /**
     * Withdraws an offer nobody accepted (the customer left, or it waited too long). Does nothing
     * if the interaction is not offered.
     *
     * @param interactionId the interaction
     */
    void withdraw(String interactionId);

    /**
     * Tells the host an interaction ended, whoever ended it: it leaves the agents' lists and frees
     * the capacity it held. Does nothing for an unknown id.
     *
     * @param interactionId the interaction
     * @param disposition why it ended, such as {@code Solved} or {@code Timeout}
     */
    void finish(String interactionId, String disposition);

    /**
     * The agent who holds an interaction.
     *
     * @param interactionId the interaction
     * @return the agent's name, if an agent accepted it and it has not finished
     */
    Optional<String> assignedAgent(String interactionId);

    /**
     * Whether any agent is available with free capacity now.
     *
     * @return true if an offer made now would reach someone
     */
    boolean anyAgentAvailable();

    /**
     * Forgets what the host keeps of ended interactions beyond its own records of them: their
     * offers (with the form's values) and the events of the agents' streams that carry their
     * messages. A plugin calls it after it erased a person's data (GDPR), from an admin request
     * thread; the interactions have ended. Unknown ids are ignored. The default keeps everything,
     * for hosts that hold no such copies.
     *
     * @param interactionIds the interactions
     * @since 1.2
     */
    default void forget(Collection<String> interactionIds) {
    }
}
