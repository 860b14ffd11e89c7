package com.chatwebsite.host.routing;

import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.InteractionTopics;
import com.chatwebsite.api.web.EventStream;
import com.chatwebsite.api.web.ServerSentEvent;
import com.chatwebsite.host.api.AgentViews;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each agent's event stream: {@code offered}, {@code withdrawn}, {@code message} and
 * {@code closed}, numbered per agent. The last {@link #KEPT} events of each agent are kept, so a
 * console that reconnects with {@code Last-Event-ID} gets exactly what it missed. Ids carry the
 * host's start time, so an id from before a restart replays everything kept.
 */
public final class AgentEventLog {

    static final int KEPT = 5_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HostInteractionRouter router;
    private final ContactManager contacts;
    private final String epoch = Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, AgentLog> logs = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> notified = new ConcurrentHashMap<>();
    private final List<EventBus.Subscription> subscriptions;

    public AgentEventLog(HostInteractionRouter router, ContactManager contacts, EventBus events) {
        this.router = router;
        this.contacts = contacts;
        this.subscriptions = List.of(
                events.subscribe(HostInteractionRouter.OFFERED_TOPIC, e -> offered(id(e))),
                events.subscribe(HostInteractionRouter.OFFER_GONE_TOPIC, e -> offerGone(id(e))),
                events.subscribe(HostInteractionRouter.AVAILABILITY_TOPIC, this::availability),
                events.subscribe(InteractionTopics.MESSAGE, this::message),
                events.subscribe(InteractionTopics.CLOSED, this::closed));
    }

    private static final class Entry {
        final long n;
        final String event;
        final String data;

        Entry(long n, String event, String data) {
            this.n = n;
            this.event = event;
            this.data = data;
        }
    }

    private final class AgentLog {
        private final Deque<Entry> kept = new ArrayDeque<>();
        private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
        private long next;

        synchronized void append(String event, Map<String, Object> data) {
            Entry e = new Entry(++next, event, json(data));
            kept.addLast(e);
            if (kept.size() > KEPT) {
                kept.removeFirst();
            }
            for (EventStream s : streams) {
                if (!s.send(sse(e))) {
                    streams.remove(s);
                }
            }
        }

        synchronized void open(EventStream stream, Optional<String> lastEventId) {
            long after = lastEventId.filter(id -> id.startsWith(epoch + "-"))
                    .map(id -> parse(id.substring(epoch.length() + 1))).orElse(0L);
            for (Entry e : kept) {
                if (e.n > after && !stream.send(sse(e))) {
                    return;
                }
            }
            streams.add(stream);
            stream.onClose(() -> streams.remove(stream));
        }

        private ServerSentEvent sse(Entry e) {
            return ServerSentEvent.of(epoch + "-" + e.n, e.event, e.data);
        }
    }

    /**
     * Opens an agent's stream, replaying what came after {@code lastEventId}.
     *
     * @param agent the agent
     * @param stream the stream
     * @param lastEventId the last id the console has
     */
    public void open(String agent, EventStream stream, Optional<String> lastEventId) {
        log(agent).open(stream, lastEventId);
    }

    private AgentLog log(String agent) {
        return logs.computeIfAbsent(agent, a -> new AgentLog());
    }

    private void offered(String interactionId) {
        router.routed(interactionId).ifPresent(offer -> {
            for (String agent : router.availableAgents()) {
                notifyOffer(agent, offer);
            }
        });
    }

    private void notifyOffer(String agent, InteractionOffer offer) {
        notified.computeIfAbsent(offer.interactionId(), k -> ConcurrentHashMap.newKeySet()).add(agent);
        log(agent).append("offered", AgentViews.interaction(offer, false, contacts));
    }

    private void offerGone(String interactionId) {
        Optional<String> holder = router.assignedAgent(interactionId);
        for (String agent : Set.copyOf(notified.getOrDefault(interactionId, Set.of()))) {
            if (holder.isEmpty() || !holder.get().equals(agent)) {
                log(agent).append("withdrawn", Map.of("interactionId", interactionId));
                notified.computeIfPresent(interactionId, (k, set) -> {
                    set.remove(agent);
                    return set;
                });
            }
        }
        holder.ifPresent(h -> notified.computeIfAbsent(interactionId, k -> ConcurrentHashMap.newKeySet()).add(h));
    }

    private void availability(HostEvent e) {
        String agent = (String) e.data().get("agent");
        if (Boolean.TRUE.equals(e.data().get("available"))) {
            for (InteractionOffer offer : router.openOffers()) {
                if (!notified.getOrDefault(offer.interactionId(), Set.of()).contains(agent)) {
                    notifyOffer(agent, offer);
                }
            }
        }
    }

    private void message(HostEvent e) {
        String interactionId = id(e);
        Set<String> to = new HashSet<>();
        router.assignedAgent(interactionId).ifPresent(to::add);
        for (String agent : to) {
            log(agent).append("message", e.data());
        }
    }

    private void closed(HostEvent e) {
        String interactionId = id(e);
        Set<String> to = new HashSet<>(notified.getOrDefault(interactionId, Set.of()));
        router.assignedAgent(interactionId).ifPresent(to::add);
        notified.remove(interactionId);
        for (String agent : to) {
            log(agent).append("closed", e.data());
        }
    }

    /** Stops listening to the bus. */
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
    }

    private static String id(HostEvent e) {
        return (String) e.data().get("interactionId");
    }

    private static long parse(String n) {
        try {
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
