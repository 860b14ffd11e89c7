package com.chatwebsite.api.host;

/**
 * Event topics through which a chat channel tells the host what happened in an interaction, so
 * that the host can forward it to the agent who holds it.
 *
 * <p>A plugin publishes them on the {@link EventBus} after the change is stored.
 *
 * @since 1.0
 */
public final class InteractionTopics {

    /**
     * A message was added. Data: {@code interactionId}, {@code seq} (a number),
     * {@code from} ({@code customer}, {@code agent} or {@code system}), {@code text}, {@code at}
     * (ISO-8601), and {@code clientMessageId} when the sender gave one.
     */
    public static final String MESSAGE = "interaction.message";

    /** The interaction closed. Data: {@code interactionId}, {@code disposition}. */
    public static final String CLOSED = "interaction.closed";

    /** Something else the agent's UI shows. Data: {@code interactionId}, {@code type}, and more. */
    public static final String NOTICE = "interaction.notice";

    /**
     * The customer is typing, or stopped: live only, never stored, published without
     * {@link EventBus#record}. Data: {@code interactionId}, {@code typing} (a boolean), and
     * {@code draft} (the text being typed, at most 500 characters) only where the website lets its
     * agents see drafts. The host passes it to the open streams of the agent who holds the
     * interaction, on every node, as an event without an id (so it is never replayed).
     *
     * @since 1.2
     */
    public static final String TYPING = "interaction.typing";

    /**
     * The customer has seen the interaction's messages up to a sequence number. Durable: the
     * channel {@linkplain EventBus#record records} it in the transaction that stores the receipt,
     * then publishes it. Data: {@code interactionId}, {@code customerReadSeq} (a number),
     * {@code agentReadSeq} (a number), {@code at} (ISO-8601).
     *
     * @since 1.2
     */
    public static final String READ = "interaction.read";

    private InteractionTopics() {
    }
}
