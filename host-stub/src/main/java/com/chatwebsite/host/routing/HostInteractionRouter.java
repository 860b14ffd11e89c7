package com.chatwebsite.host.routing;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.InteractionRouter;
import com.chatwebsite.api.host.OfferOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The host's routing: agents from {@code HOST_AGENTS}, each with an availability and a capacity;
 * offers go to every available agent with free capacity, and the first to accept holds the
 * interaction.
 */
public final class HostInteractionRouter implements InteractionRouter {

    /** Published when an interaction is offered; data: {@code interactionId}. */
    public static final String OFFERED_TOPIC = "host.routing.offered";
    /** Published when an offer is withdrawn or taken; data: {@code interactionId}. */
    public static final String OFFER_GONE_TOPIC = "host.routing.offer-gone";
    /** Published when an agent's availability changes; data: {@code agent}, {@code available}. */
    public static final String AVAILABILITY_TOPIC = "host.routing.availability";

    private final Map<String, AgentState> agents = new LinkedHashMap<>();
    private final Map<String, InteractionOffer> offers = new LinkedHashMap<>();
    private final Map<String, InteractionOffer> accepting = new HashMap<>();
    private final Map<String, Held> held = new HashMap<>();
    private final Function<String, Optional<ChatChannel>> channels;
    private final EventBus events;
    private final Clock clock;

    public HostInteractionRouter(
            List<Agent> agents, Function<String, Optional<ChatChannel>> channels, EventBus events, Clock clock) {
        agents.forEach(a -> this.agents.put(a.name(), new AgentState(a)));
        this.channels = channels;
        this.events = events;
        this.clock = clock;
    }

    private record Held(InteractionOffer offer, String agent) {
    }

    private static final class AgentState {
        final Agent agent;
        boolean available;
        final Set<String> holding = new LinkedHashSet<>();

        AgentState(Agent agent) {
            this.agent = agent;
        }

        boolean canTakeMore() {
            return available && holding.size() < agent.capacity();
        }
    }

    @Override
    public OfferOutcome offer(InteractionOffer offer) {
        synchronized (this) {
            String id = offer.interactionId();
            if (offers.containsKey(id) || accepting.containsKey(id) || held.containsKey(id)) {
                throw new IllegalStateException("interaction " + id + " is already routed");
            }
            if (!anyAgentAvailable()) {
                return OfferOutcome.NO_AGENT_AVAILABLE;
            }
            offers.put(id, offer);
        }
        publish(OFFERED_TOPIC, Map.of("interactionId", offer.interactionId()));
        return OfferOutcome.OFFERED;
    }

    @Override
    public synchronized boolean resume(InteractionOffer offer, String agent) {
        String id = offer.interactionId();
        AgentState a = agents.get(agent);
        if (a == null || offers.containsKey(id) || accepting.containsKey(id) || held.containsKey(id)) {
            return false;
        }
        held.put(id, new Held(offer, agent));
        a.holding.add(id);
        return true;
    }

    @Override
    public void withdraw(String interactionId) {
        boolean removed;
        synchronized (this) {
            removed = offers.remove(interactionId) != null;
        }
        if (removed) {
            publish(OFFER_GONE_TOPIC, Map.of("interactionId", interactionId));
        }
    }

    @Override
    public void finish(String interactionId, String disposition) {
        boolean wasOffered;
        synchronized (this) {
            wasOffered = offers.remove(interactionId) != null;
            accepting.remove(interactionId);
            Held h = held.remove(interactionId);
            if (h != null) {
                agents.get(h.agent()).holding.remove(interactionId);
            }
        }
        if (wasOffered) {
            publish(OFFER_GONE_TOPIC, Map.of("interactionId", interactionId));
        }
    }

    @Override
    public synchronized Optional<String> assignedAgent(String interactionId) {
        return Optional.ofNullable(held.get(interactionId)).map(Held::agent);
    }

    @Override
    public synchronized boolean anyAgentAvailable() {
        return agents.values().stream().anyMatch(AgentState::canTakeMore);
    }

    /**
     * Sets an agent's availability.
     *
     * @param agent the agent's name
     * @param available whether they take new interactions
     */
    public void setAvailable(String agent, boolean available) {
        synchronized (this) {
            state(agent).available = available;
        }
        publish(AVAILABILITY_TOPIC, Map.of("agent", agent, "available", available));
    }

    /**
     * Whether an agent is available.
     *
     * @param agent the agent's name
     * @return the availability
     */
    public synchronized boolean isAvailable(String agent) {
        return state(agent).available;
    }

    /**
     * An agent accepts an offered interaction: the channel is told, then the agent holds it.
     *
     * @param agent the agent's name
     * @param interactionId the interaction
     * @throws InteractionException {@code NOT_FOUND} if not offered, {@code CONFLICT} if the agent is
     *     unavailable or full, or whatever the channel throws
     */
    public void accept(String agent, String interactionId) {
        InteractionOffer offer;
        synchronized (this) {
            AgentState a = state(agent);
            Held current = held.get(interactionId);
            if (current != null && current.agent().equals(agent)) {
                return;
            }
            offer = offers.get(interactionId);
            if (offer == null) {
                throw new InteractionException(InteractionException.Reason.NOT_FOUND, "not_offered",
                        "Interaction " + interactionId + " is not offered (anymore).");
            }
            if (!a.canTakeMore()) {
                throw new InteractionException(InteractionException.Reason.CONFLICT, "agent_unavailable",
                        "Set yourself available and below your capacity of " + a.agent.capacity() + " to accept.");
            }
            offers.remove(interactionId);
            accepting.put(interactionId, offer);
        }
        ChatChannel channel = channels.apply(offer.channelId()).orElse(null);
        try {
            if (channel == null) {
                throw new InteractionException(InteractionException.Reason.CONFLICT, "channel_unavailable",
                        "The channel " + offer.channelId() + " is not running.");
            }
            channel.accept(interactionId, new AgentRef(agent, agent));
        } catch (RuntimeException e) {
            synchronized (this) {
                if (accepting.remove(interactionId) != null && !(e instanceof InteractionException)) {
                    offers.put(interactionId, offer);
                }
            }
            throw e;
        }
        synchronized (this) {
            if (accepting.remove(interactionId) == null) {
                return; // finished while the channel accepted it
            }
            held.put(interactionId, new Held(offer, agent));
            agents.get(agent).holding.add(interactionId);
        }
        publish(OFFER_GONE_TOPIC, Map.of("interactionId", interactionId));
    }

    /**
     * The agents who are available and below their capacity.
     *
     * @return their names
     */
    public synchronized List<String> availableAgents() {
        return agents.values().stream().filter(AgentState::canTakeMore).map(a -> a.agent.name()).toList();
    }

    /**
     * The offers nobody accepted yet.
     *
     * @return oldest first
     */
    public synchronized List<InteractionOffer> openOffers() {
        return List.copyOf(offers.values());
    }

    /**
     * What an agent sees: the offers (while available) and what the agent holds.
     *
     * @param agent the agent's name
     * @return oldest first
     */
    public synchronized List<RoutedInteraction> interactionsOf(String agent) {
        AgentState a = state(agent);
        List<RoutedInteraction> out = new ArrayList<>();
        if (a.available) {
            offers.values().forEach(o -> out.add(new RoutedInteraction(o, false, Optional.empty())));
        }
        a.holding.forEach(id -> out.add(new RoutedInteraction(held.get(id).offer(), true, Optional.of(agent))));
        out.sort(Comparator.comparing(r -> r.offer().createdAt()));
        return out;
    }

    /**
     * Whether an agent may see an interaction: it holds it, or it is offered and the agent is available.
     *
     * @param agent the agent's name
     * @param interactionId the interaction
     * @return true if visible
     */
    public synchronized boolean visibleTo(String agent, String interactionId) {
        Held h = held.get(interactionId);
        if (h != null) {
            return h.agent().equals(agent);
        }
        return offers.containsKey(interactionId) && state(agent).available;
    }

    /**
     * Whether an agent holds an interaction.
     *
     * @param agent the agent's name
     * @param interactionId the interaction
     * @return true if the agent accepted it and it has not finished
     */
    public synchronized boolean holds(String agent, String interactionId) {
        Held h = held.get(interactionId);
        return h != null && h.agent().equals(agent);
    }

    /**
     * The channel an interaction belongs to, while routed.
     *
     * @param interactionId the interaction
     * @return the offer, if offered or held
     */
    public synchronized Optional<InteractionOffer> routed(String interactionId) {
        InteractionOffer o = offers.get(interactionId);
        if (o == null && held.containsKey(interactionId)) {
            o = held.get(interactionId).offer();
        }
        return Optional.ofNullable(o);
    }

    private AgentState state(String agent) {
        AgentState a = agents.get(agent);
        if (a == null) {
            throw new IllegalArgumentException("unknown agent " + agent);
        }
        return a;
    }

    private void publish(String topic, Map<String, Object> data) {
        events.publish(new HostEvent(topic, data, clock.instant()));
    }
}
