package com.chatwebsite.plugin.session;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happens after the event log commits: this node's streams catch up, and the bus carries a
 * doorbell to the other nodes' streams ({@link #APPENDED}: session ids with their last sequence
 * number) and the host's agent events (already recorded in the transaction) as doorbells too.
 */
public final class SessionPublisher implements EventLog.Committed {

    /** Doorbell topic: data {@code heads}, a list of {@code "<sessionId>:<lastSeq>"}. */
    public static final String APPENDED = "chat-website.appended";
    private static final int HEADS_PER_EVENT = 80;

    private final SessionFeeds feeds;
    private final EventBus bus;
    private final Clock clock;

    public SessionPublisher(SessionFeeds feeds, EventBus bus, Clock clock) {
        this.feeds = feeds;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public void committed(Map<String, List<SessionEvent>> events, List<HostEvent> forHost) {
        List<String> heads = new ArrayList<>();
        events.forEach((sessionId, list) -> {
            if (!list.isEmpty()) {
                feeds.committed(sessionId, list);
                heads.add(sessionId + ":" + list.get(list.size() - 1).seq());
            }
        });
        for (int from = 0; from < heads.size(); from += HEADS_PER_EVENT) {
            bus.publish(new HostEvent(APPENDED, Map.of("heads",
                    List.copyOf(heads.subList(from, Math.min(heads.size(), from + HEADS_PER_EVENT)))), clock.instant()));
        }
        forHost.forEach(bus::publish);
    }

    /**
     * A doorbell from any node: moves the streams of the named sessions.
     *
     * @param event an {@link #APPENDED} event
     */
    public void onAppended(HostEvent event) {
        if (!(event.data().get("heads") instanceof List<?> heads)) {
            return;
        }
        for (Object h : heads) {
            String head = String.valueOf(h);
            int colon = head.lastIndexOf(':');
            if (colon > 0) {
                try {
                    feeds.advanced(head.substring(0, colon), Long.parseLong(head.substring(colon + 1)));
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        }
    }
}
