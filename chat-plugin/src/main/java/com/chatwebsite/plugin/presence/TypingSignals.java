package com.chatwebsite.plugin.presence;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.InteractionTopics;
import com.chatwebsite.plugin.cache.BoundedCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Typing, both ways, live only: never stored. The customer's goes to the host
 * ({@link InteractionTopics#TYPING}, with the draft where the website shows drafts to agents); the
 * agent's goes to the customers' streams on every node ({@link #TOPIC}). At most one signal per
 * session and side is passed on per {@link #MIN_GAP}; faster ones are dropped (the clients send
 * one every two seconds, and the receivers forget a typing signal that is not renewed). The
 * throttle is per node.
 */
public final class TypingSignals {

    /** Doorbell topic of the agent's typing: data {@code sessionId}, {@code agent}, {@code typing}. */
    public static final String TOPIC = "chat-website.typing";
    /** The longest draft passed on, in characters; the widget sends the draft's end. */
    public static final int MAX_DRAFT = 500;
    /** The least time between two signals of one side of one session that are passed on. */
    public static final Duration MIN_GAP = Duration.ofSeconds(1);
    private static final int TRACKED = 100_000;

    private final EventBus bus;
    private final LiveSignals live;
    private final Clock clock;
    private final BoundedCache<String, Instant> lastPassed;

    public TypingSignals(EventBus bus, LiveSignals live, Clock clock) {
        this.bus = bus;
        this.live = live;
        this.clock = clock;
        this.lastPassed = BoundedCache.bySizeAndIdle(TRACKED, Duration.ofMinutes(1), clock);
    }

    /**
     * The customer types, or stopped.
     *
     * @param sessionId the session, whose token is checked
     * @param typing true while typing
     * @param draft the text being typed, already checked; passed on only when present
     * @return whether it was passed on (false: too soon after the previous one)
     */
    public boolean customer(String sessionId, boolean typing, Optional<String> draft) {
        Instant now = clock.instant();
        if (!admit(sessionId + " customer", now)) {
            return false;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interactionId", sessionId);
        data.put("typing", typing);
        draft.ifPresent(d -> data.put("draft", d));
        bus.publish(new HostEvent(InteractionTopics.TYPING, data, now));
        return true;
    }

    /**
     * The agent types to the customer, or stopped.
     *
     * @param sessionId the session
     * @param agentName the agent's display name
     * @param typing true while typing
     * @return whether it was passed on
     */
    public boolean agent(String sessionId, String agentName, boolean typing) {
        Instant now = clock.instant();
        if (!admit(sessionId + " agent", now)) {
            return false;
        }
        bus.publish(new HostEvent(TOPIC, Map.of("sessionId", sessionId, "agent", agentName, "typing", typing), now));
        return true;
    }

    /**
     * A {@link #TOPIC} event from any node (this one included): the session's streams here get it.
     *
     * @param event the event
     */
    public void onEvent(HostEvent event) {
        if (event.data().get("sessionId") instanceof String id && event.data().get("agent") instanceof String agent
                && event.data().get("typing") instanceof Boolean typing) {
            live.deliver(id, new Typing(agent, typing));
        }
    }

    private boolean admit(String key, Instant now) {
        synchronized (lastPassed) {
            Optional<Instant> last = lastPassed.get(key);
            if (last.isPresent() && now.isBefore(last.get().plus(MIN_GAP))) {
                return false;
            }
            lastPassed.put(key, now);
            return true;
        }
    }
}
