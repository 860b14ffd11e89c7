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

    private InteractionTopics() {
    }
}
