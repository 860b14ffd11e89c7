package com.chatwebsite.host.routing;

import com.chatwebsite.api.host.InteractionOffer;
import java.util.Optional;

/**
 * An interaction as the router sees it.
 *
 * @param offer what the plugin offered
 * @param assigned whether an agent holds it ({@code false}: still offered)
 * @param agent the agent who holds it
 */
public record RoutedInteraction(InteractionOffer offer, boolean assigned, Optional<String> agent) {
}
