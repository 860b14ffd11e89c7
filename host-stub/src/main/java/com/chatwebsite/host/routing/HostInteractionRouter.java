package com.chatwebsite.host.routing;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.InteractionRouter;
import com.chatwebsite.api.host.OfferOutcome;
import com.chatwebsite.host.api.AgentViews;
import com.chatwebsite.host.db.Jdbc;
import com.chatwebsite.host.routing.RoutingStore.Routed;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The host's routing: agents from {@code HOST_AGENTS}, each with an availability and a capacity;
 * offers go to every available agent with free capacity, and the first to accept holds the
 * interaction.
 *
 * <p>The state lives in the host's database ({@code host_agent}, {@code host_routing}), so every
 * node sharing it routes alike and a restart keeps it. An agent's row is locked while its capacity
 * is checked, so accepts on any node never exceed it. The {@code offered} and {@code withdrawn}
 * events of the agents' streams are appended in the same transactions; the topics below are
 * published after commit, as doorbells.
 */
public final class HostInteractionRouter implements InteractionRouter {

    /** The code of the refusal while an interaction's channel is not running (a 503 for the agent). */
    public static final String CHANNEL_UNAVAILABLE = "channel_unavailable";

    /** Published when an interaction is offered; data: {@code interactionId}. */
    public static final String OFFERED_TOPIC = "host.routing.offered";
    /** Published when an offer is withdrawn or taken; data: {@code interactionId}. */
    public static final String OFFER_GONE_TOPIC = "host.routing.offer-gone";
    /** Published when an agent's availability changes; data: {@code agent}, {@code available}. */
    public static final String AVAILABILITY_TOPIC = "host.routing.availability";

    private final Jdbc jdbc;
    private final Set<String> agents;
    private final Function<String, Optional<ChatChannel>> channels;
    private final EventBus events;
    private final ContactManager contacts;
    private final Clock clock;
    private final RoutingStore routing = new RoutingStore();
    private final AgentEventStore streams = new AgentEventStore();

    /**
     * Adds the agents to the database (or updates their capacity) and routes with them.
     *
     * @param jdbc the host's database
     * @param agents the agents of {@code HOST_AGENTS}
     * @param channels the running chat channels, by id
     * @param events the bus the doorbells go to
     * @param contacts shows an offer's contact in the {@code offered} event
     * @param clock the time of events
     */
    public HostInteractionRouter(Jdbc jdbc, List<Agent> agents, Function<String, Optional<ChatChannel>> channels,
            EventBus events, ContactManager contacts, Clock clock) {
        this.jdbc = jdbc;
        this.agents = Set.copyOf(agents.stream().map(Agent::name).toList());
        this.channels = channels;
        this.events = events;
        this.contacts = contacts;
        this.clock = clock;
        try {
            jdbc.inTransaction(c -> {
                streams.seed(c, agents);
                return null;
            });
        } catch (IllegalStateException e) {
            if (!duplicate(e)) {
                throw e;
            }
            jdbc.inTransaction(c -> { // another node added the same agent at the same time
                streams.seed(c, agents);
                return null;
            });
        }
    }

    /** Ends a transaction that must leave nothing behind: nobody could take the offer. */
    private static final class NobodyAvailable extends RuntimeException {
        NobodyAvailable() {
            super(null, null, false, false);
        }
    }

    @Override
    public OfferOutcome offer(InteractionOffer offer) {
        String id = offer.interactionId();
        Map<String, Object> view = AgentViews.interaction(offer, false, contacts);
        Instant now = clock.instant();
        boolean offered;
        try {
            offered = jdbc.inTransaction(c -> {
                if (routing.find(c, id, false).isPresent()) {
                    return false;
                }
                routing.insert(c, offer, RoutingStore.OFFERED, Optional.empty());
                streams.lock(c, streams.lastSeqs(c).keySet());
                List<String> to = routing.availableAgents(c);
                if (to.isEmpty()) {
                    throw new NobodyAvailable();
                }
                for (String agent : to) {
                    streams.append(c, agent, "offered", Optional.empty(), view, now);
                    routing.addNotified(c, id, agent);
                }
                return true;
            });
        } catch (NobodyAvailable e) {
            return OfferOutcome.NO_AGENT_AVAILABLE;
        } catch (IllegalStateException e) {
            if (duplicate(e)) {
                return OfferOutcome.OFFERED; // offered by another node at the same time
            }
            throw e;
        }
        if (offered) {
            publish(OFFERED_TOPIC, Map.of("interactionId", id));
        }
        return OfferOutcome.OFFERED;
    }

    @Override
    public boolean resume(InteractionOffer offer, String agent) {
        if (!agents.contains(agent)) {
            return false;
        }
        try {
            return jdbc.inTransaction(c -> {
                if (routing.find(c, offer.interactionId(), false).isPresent()) {
                    return false;
                }
                routing.insert(c, offer, RoutingStore.HELD, Optional.of(agent));
                return true;
            });
        } catch (IllegalStateException e) {
            if (duplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void withdraw(String interactionId) {
        Instant now = clock.instant();
        boolean gone = jdbc.inTransaction(c -> {
            Optional<Routed> r = routing.find(c, interactionId, true);
            if (r.isEmpty() || !r.get().is(RoutingStore.OFFERED)) {
                return false;
            }
            tellWithdrawn(c, interactionId, routing.notified(c, interactionId), now);
            routing.delete(c, interactionId);
            return true;
        });
        if (gone) {
            publish(OFFER_GONE_TOPIC, Map.of("interactionId", interactionId));
        }
    }

    /** Deletes the interactions' routing rows and every agent event about them, in one transaction. */
    @Override
    public void forget(Collection<String> interactionIds) {
        jdbc.inTransaction(c -> {
            for (String id : interactionIds) {
                routing.delete(c, id);
                streams.forget(c, id);
            }
            return null;
        });
    }

    @Override
    public void finish(String interactionId, String disposition) {
        Instant now = clock.instant();
        boolean wasOffered = jdbc.inTransaction(c -> {
            Optional<Routed> r = routing.find(c, interactionId, true);
            if (r.isEmpty()) {
                return false;
            }
            boolean offered = r.get().is(RoutingStore.OFFERED);
            if (offered) {
                tellWithdrawn(c, interactionId, routing.notified(c, interactionId), now);
            }
            routing.delete(c, interactionId);
            return offered;
        });
        if (wasOffered) {
            publish(OFFER_GONE_TOPIC, Map.of("interactionId", interactionId));
        }
    }

    @Override
    public Optional<String> assignedAgent(String interactionId) {
        return jdbc.inTransaction(c -> routing.find(c, interactionId, false)
                .filter(r -> r.is(RoutingStore.HELD)).flatMap(Routed::agent));
    }

    @Override
    public boolean anyAgentAvailable() {
        return !availableAgents().isEmpty();
    }

    /**
     * Sets an agent's availability. An agent who becomes available gets the open offers.
     *
     * @param agent the agent's name
     * @param available whether they take new interactions
     */
    public void setAvailable(String agent, boolean available) {
        requireKnown(agent);
        jdbc.inTransaction(c -> {
            routing.available(c, agent, true);
            routing.setAvailable(c, agent, available);
            return null;
        });
        if (available) {
            offerOpenOffersTo(agent);
        }
        publish(AVAILABILITY_TOPIC, Map.of("agent", agent, "available", available));
    }

    /*
     * Runs after the availability committed: an offer made since then saw the agent available and
     * notified them itself; the ones before are locked here, routing rows first, then the agent.
     */
    private void offerOpenOffersTo(String agent) {
        Instant now = clock.instant();
        jdbc.inTransaction(c -> {
            List<InteractionOffer> open = new ArrayList<>();
            for (String id : new TreeSet<>(routing.offered(c, false).stream()
                    .map(r -> r.offer().interactionId()).toList())) {
                routing.find(c, id, true).filter(r -> r.is(RoutingStore.OFFERED)).ifPresent(r -> open.add(r.offer()));
            }
            if (!routing.available(c, agent, true).orElse(false)) {
                return null;
            }
            open.sort(Comparator.comparing(InteractionOffer::createdAt));
            for (InteractionOffer o : open) {
                if (!routing.notified(c, o.interactionId()).contains(agent)) {
                    streams.append(c, agent, "offered", Optional.empty(),
                            AgentViews.interaction(o, false, contacts), now);
                    routing.addNotified(c, o.interactionId(), agent);
                }
            }
            return null;
        });
    }

    /**
     * Whether an agent is available.
     *
     * @param agent the agent's name
     * @return the availability
     */
    public boolean isAvailable(String agent) {
        requireKnown(agent);
        return jdbc.inTransaction(c -> routing.available(c, agent, false).orElse(false));
    }

    /**
     * An agent accepts an offered interaction: the channel is told, then the agent holds it. While
     * the channel is asked (outside any transaction) the interaction counts against the agent's
     * capacity; if the channel fails the offer comes back, unless it refused with an
     * {@link InteractionException}.
     *
     * @param agent the agent's name
     * @param interactionId the interaction
     * @throws InteractionException {@code NOT_FOUND} if not offered, {@code CONFLICT} if the agent is
     *     unavailable or full, or whatever the channel throws
     */
    public void accept(String agent, String interactionId) {
        requireKnown(agent);
        Optional<InteractionOffer> taking = jdbc.inTransaction(c -> {
            Optional<Routed> r = routing.find(c, interactionId, true);
            if (r.isPresent() && r.get().heldBy(agent)) {
                return Optional.empty();
            }
            if (r.isEmpty() || !r.get().is(RoutingStore.OFFERED)) {
                throw new InteractionException(InteractionException.Reason.NOT_FOUND, "not_offered",
                        "Interaction " + interactionId + " is not offered (anymore).");
            }
            boolean available = routing.available(c, agent, true).orElse(false);
            int capacity = routing.capacity(c, agent);
            if (!available || routing.load(c, agent) >= capacity) {
                throw new InteractionException(InteractionException.Reason.CONFLICT, "agent_unavailable",
                        "Set yourself available and below your capacity of " + capacity + " to accept.");
            }
            routing.setStatus(c, interactionId, RoutingStore.ACCEPTING, Optional.of(agent));
            return Optional.of(r.get().offer());
        });
        if (taking.isEmpty()) {
            return;
        }
        InteractionOffer offer = taking.get();
        Optional<ChatChannel> channel = channels.apply(offer.channelId());
        if (channel.isEmpty()) { // starting or stopped: the offer stays, the agent tries again
            undoAccept(agent, interactionId, false);
            throw new InteractionException(InteractionException.Reason.CONFLICT, CHANNEL_UNAVAILABLE,
                    "The channel " + offer.channelId() + " is not running.");
        }
        try {
            channel.get().accept(interactionId, new AgentRef(agent, agent));
        } catch (RuntimeException e) {
            undoAccept(agent, interactionId, e instanceof InteractionException);
            throw e;
        }
        Instant now = clock.instant();
        boolean held = jdbc.inTransaction(c -> {
            if (!accepting(c, agent, interactionId)) {
                return false; // finished while the channel accepted it
            }
            routing.setStatus(c, interactionId, RoutingStore.HELD, Optional.of(agent));
            TreeSet<String> others = routing.notified(c, interactionId);
            others.remove(agent);
            tellWithdrawn(c, interactionId, others, now);
            routing.clearNotified(c, interactionId);
            return true;
        });
        if (held) {
            publish(OFFER_GONE_TOPIC, Map.of("interactionId", interactionId));
        }
    }

    private void undoAccept(String agent, String interactionId, boolean refused) {
        Instant now = clock.instant();
        boolean gone = jdbc.inTransaction(c -> {
            if (!accepting(c, agent, interactionId)) {
                return false;
            }
            if (!refused) {
                routing.setStatus(c, interactionId, RoutingStore.OFFERED, Optional.empty());
                return false;
            }
            tellWithdrawn(c, interactionId, routing.notified(c, interactionId), now);
            routing.delete(c, interactionId);
            return true;
        });
        if (gone) {
            publish(OFFER_GONE_TOPIC, Map.of("interactionId", interactionId));
        }
    }

    private boolean accepting(Connection c, String agent, String interactionId) throws SQLException {
        return routing.find(c, interactionId, true)
                .filter(r -> r.is(RoutingStore.ACCEPTING) && r.agent().filter(agent::equals).isPresent())
                .isPresent();
    }

    /**
     * The agents who are available and below their capacity.
     *
     * @return their names
     */
    public List<String> availableAgents() {
        return jdbc.inTransaction(routing::availableAgents);
    }

    /**
     * The offers nobody accepted yet.
     *
     * @return oldest first
     */
    public List<InteractionOffer> openOffers() {
        return jdbc.inTransaction(c -> routing.offered(c, false).stream().map(Routed::offer).toList());
    }

    /**
     * What an agent sees: the offers (while available) and what the agent holds.
     *
     * @param agent the agent's name
     * @return oldest first
     */
    public List<RoutedInteraction> interactionsOf(String agent) {
        requireKnown(agent);
        return jdbc.inTransaction(c -> {
            List<RoutedInteraction> out = new ArrayList<>();
            if (routing.available(c, agent, false).orElse(false)) {
                routing.offered(c, false).forEach(r -> out.add(new RoutedInteraction(r.offer(), false,
                        Optional.empty())));
            }
            routing.heldBy(c, agent).forEach(r -> out.add(new RoutedInteraction(r.offer(), true,
                    Optional.of(agent))));
            out.sort(Comparator.comparing(r -> r.offer().createdAt()));
            return out;
        });
    }

    /**
     * What an agent may do with an interaction, in one read that parses no offer: the agent's
     * request path checks this on every message.
     *
     * @param channelId the interaction's channel
     * @param held whether the agent holds it (else it is offered and the agent is available)
     */
    public record Access(String channelId, boolean held) {
    }

    /**
     * An agent's access to an interaction.
     *
     * @param agent the agent's name
     * @param interactionId the interaction
     * @return empty when the interaction is not visible to the agent
     */
    public Optional<Access> access(String agent, String interactionId) {
        requireKnown(agent);
        return jdbc.inTransaction(c -> {
            Optional<RoutingStore.Slot> slot = routing.slot(c, interactionId);
            if (slot.isEmpty() || slot.get().status().equals(RoutingStore.ACCEPTING)) {
                return Optional.empty();
            }
            if (slot.get().status().equals(RoutingStore.HELD)) {
                return slot.get().agent().filter(agent::equals).map(a -> new Access(slot.get().channelId(), true));
            }
            return routing.available(c, agent, false).orElse(false)
                    ? Optional.of(new Access(slot.get().channelId(), false)) : Optional.empty();
        });
    }

    private void tellWithdrawn(Connection c, String interactionId, Collection<String> to, Instant now)
            throws SQLException {
        streams.lock(c, to);
        for (String agent : new TreeSet<>(to)) {
            streams.append(c, agent, "withdrawn", Optional.empty(), Map.of("interactionId", interactionId), now);
        }
    }

    private void requireKnown(String agent) {
        if (!agents.contains(agent)) {
            throw new IllegalArgumentException("unknown agent " + agent);
        }
    }

    private void publish(String topic, Map<String, Object> data) {
        events.publish(new HostEvent(topic, data, clock.instant()));
    }

    /** Whether a failure is a duplicate key: another node routed the same interaction or agent first. */
    static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
