package com.chatwebsite.plugin.presence;

/**
 * How far each side of a chat has read: the highest message sequence number each has seen.
 *
 * @param customerReadSeq the customer's; 0 for none
 * @param agentReadSeq the agent's; 0 for none
 */
public record Receipts(long customerReadSeq, long agentReadSeq) implements LiveSignal {

    /** No receipts yet. */
    public static final Receipts NONE = new Receipts(0, 0);

    /**
     * One side's receipt.
     *
     * @param side the side
     * @return its highest seen sequence number
     */
    public long of(Side side) {
        return side == Side.CUSTOMER ? customerReadSeq : agentReadSeq;
    }
}
