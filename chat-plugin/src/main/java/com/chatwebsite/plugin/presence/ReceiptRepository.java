package com.chatwebsite.plugin.presence;

import com.chatwebsite.api.host.HostEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where read receipts are kept, beside each session's log head. Implemented by the {@code store} package. */
public interface ReceiptRepository {

    /**
     * What {@link #advance} found and did.
     *
     * @param receipts both sides' receipts after the call
     * @param lastSeq the session's last sequence number
     * @param changed whether the receipt moved
     */
    record Advance(Receipts receipts, long lastSeq, boolean changed) {
    }

    /**
     * In one transaction, under the session head's row lock: moves one side's receipt to
     * {@code seq} when that is higher and not beyond the session's last sequence number, and then
     * records the host events made from the new receipts.
     *
     * @param sessionId the session
     * @param side whose receipt
     * @param seq the highest sequence number seen
     * @param forHost the host events to record with the change (none for none)
     * @return the outcome; empty for an unknown session
     */
    Optional<Advance> advance(String sessionId, Side side, long seq, Function<Receipts, List<HostEvent>> forHost);

    /**
     * A session's receipts.
     *
     * @param sessionId the session
     * @return them; empty for an unknown session
     */
    Optional<Receipts> find(String sessionId);
}
