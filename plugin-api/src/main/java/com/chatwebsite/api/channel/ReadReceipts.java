package com.chatwebsite.api.channel;

/**
 * How far each side of a chat has read: the highest message sequence number the customer and the
 * agent have each seen displayed. Both only grow.
 *
 * <p>Built by a chat channel and returned from {@link ChatChannel#markRead}; the host answers it
 * to the agent's UI.
 *
 * @param customerReadSeq the highest sequence number the customer has seen; 0 for none
 * @param agentReadSeq the highest sequence number the agent has seen; 0 for none
 * @since 1.2
 */
public record ReadReceipts(long customerReadSeq, long agentReadSeq) {

    /** Checks that neither number is negative. */
    public ReadReceipts {
        if (customerReadSeq < 0 || agentReadSeq < 0) {
            throw new IllegalArgumentException("read sequence numbers are never negative");
        }
    }
}
