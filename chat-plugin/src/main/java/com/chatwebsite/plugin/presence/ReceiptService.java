package com.chatwebsite.plugin.presence;

import com.chatwebsite.api.host.EventBus;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.api.host.InteractionTopics;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read receipts: each side reports the highest message it has seen; the receipt is stored (only
 * forward) before the call returns. The customer's is recorded in the agent's event stream in the
 * same transaction; both ring the {@link #READ_TOPIC} doorbell for the customers' streams.
 */
public final class ReceiptService {

    /** Doorbell topic: data {@code sessionId}, {@code customerReadSeq}, {@code agentReadSeq}. */
    public static final String READ_TOPIC = "chat-website.read";
    /** The code of a receipt beyond the session's last message. */
    public static final String BEYOND_LAST = "seq_beyond_last";

    private final ReceiptRepository repository;
    private final LiveSignals live;
    private final EventBus bus;
    private final Clock clock;

    public ReceiptService(ReceiptRepository repository, LiveSignals live, EventBus bus, Clock clock) {
        this.repository = repository;
        this.live = live;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * One side has seen the session's messages up to {@code seq}.
     *
     * @param sessionId the session, whose caller is already checked
     * @param side who has seen them
     * @param seq the highest sequence number displayed
     * @return both sides' receipts after the call
     * @throws ChatException {@code NOT_FOUND} for an unknown session, {@code INVALID}
     *     ({@link #BEYOND_LAST}) for a number beyond its last event
     */
    public Receipts markRead(String sessionId, Side side, long seq) {
        Instant at = clock.instant();
        ReceiptRepository.Advance done = repository.advance(sessionId, side, seq,
                r -> side == Side.CUSTOMER ? List.of(hostEvent(sessionId, r, at)) : List.of())
                .orElseThrow(() -> new ChatException(Kind.NOT_FOUND, "session_not_found", "No such session."));
        if (seq > done.lastSeq()) {
            throw new ChatException(Kind.INVALID, BEYOND_LAST,
                    "seq must be at most " + done.lastSeq() + ", the chat's last message.");
        }
        if (done.changed()) {
            Receipts r = done.receipts();
            // the bus calls this node's listeners too: the doorbell feeds the streams here as well
            bus.publish(new HostEvent(READ_TOPIC, Map.of("sessionId", sessionId,
                    "customerReadSeq", r.customerReadSeq(), "agentReadSeq", r.agentReadSeq()), at));
            if (side == Side.CUSTOMER) {
                bus.publish(hostEvent(sessionId, r, at));
            }
        }
        return done.receipts();
    }

    /**
     * A session's receipts, for a stream that opens.
     *
     * @param sessionId the session
     * @return them, or none for an unknown session
     */
    public Receipts current(String sessionId) {
        return repository.find(sessionId).orElse(Receipts.NONE);
    }

    /**
     * A {@link #READ_TOPIC} doorbell from any node: the session's streams here get the receipts.
     *
     * @param event the event
     */
    public void onDoorbell(HostEvent event) {
        if (event.data().get("sessionId") instanceof String id
                && event.data().get("customerReadSeq") instanceof Number c
                && event.data().get("agentReadSeq") instanceof Number a) {
            live.deliver(id, new Receipts(c.longValue(), a.longValue()));
        }
    }

    /** After doorbells may have been lost: every followed session's streams get the stored receipts. */
    public void resync() {
        for (String id : live.sessions()) {
            repository.find(id).ifPresent(r -> live.deliver(id, r));
        }
    }

    private static HostEvent hostEvent(String sessionId, Receipts r, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interactionId", sessionId);
        data.put("customerReadSeq", r.customerReadSeq());
        data.put("agentReadSeq", r.agentReadSeq());
        data.put("at", at.toString());
        return new HostEvent(InteractionTopics.READ, data, at);
    }
}
