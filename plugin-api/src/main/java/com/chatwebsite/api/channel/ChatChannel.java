package com.chatwebsite.api.channel;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: a chat channel, which the host calls for what its agents do on the channel's
 * interactions.
 *
 * <p>The plugin offers its interactions through
 * {@link com.chatwebsite.api.host.InteractionRouter#offer}, naming this channel's
 * {@link #channelId()}. The host then calls these methods on the request thread of the agent's
 * call, after it has authenticated the agent and checked that the agent was offered or holds the
 * interaction. Calls for different interactions run concurrently; an implementation serialises
 * what must be serialised per interaction. A refused action throws {@link InteractionException};
 * any other exception is answered with {@code 500}.
 *
 * <p>What happens afterwards (the customer's messages, the close) the plugin reports on the
 * host's event bus with the topics of {@link com.chatwebsite.api.host.InteractionTopics}.
 *
 * @since 1.0
 */
public interface ChatChannel extends ExtensionPoint {

    /**
     * The channel's id, unique in the host; usually the plugin's id.
     *
     * @return the id
     */
    String channelId();

    /**
     * An agent accepted an offered interaction. The plugin makes it active and tells the customer.
     * If this returns normally, the host counts the interaction against the agent's capacity.
     *
     * @param interactionId the interaction
     * @param agent the agent
     * @throws InteractionException {@code CONFLICT} if it can no longer be accepted (closed,
     *     withdrawn), {@code NOT_FOUND} if unknown
     */
    void accept(String interactionId, AgentRef agent);

    /**
     * The interaction's messages after a sequence number, oldest first.
     *
     * @param interactionId the interaction
     * @param afterSeq return messages with a greater {@code seq}; 0 for all
     * @return the messages
     * @throws InteractionException {@code NOT_FOUND} if unknown
     */
    List<ChatMessage> messages(String interactionId, long afterSeq);

    /**
     * The agent writes to the customer. With a {@code clientMessageId} the call is idempotent:
     * a retry with the same id returns the first call's message and adds nothing.
     *
     * @param interactionId the interaction
     * @param agent the agent
     * @param text the text
     * @param clientMessageId the agent UI's idempotency key, if any
     * @return the stored message
     * @throws InteractionException {@code CONFLICT} if the interaction is not active,
     *     {@code INVALID} for blank text, {@code TOO_LARGE} over the length limit
     */
    ChatMessage postMessage(String interactionId, AgentRef agent, String text, Optional<String> clientMessageId);

    /**
     * The agent closes the interaction.
     *
     * @param interactionId the interaction
     * @param agent the agent
     * @param disposition the outcome, such as {@code Solved}
     * @throws InteractionException {@code CONFLICT} if it is already closed
     */
    void close(String interactionId, AgentRef agent, String disposition);

    /**
     * The agent moves the chat to a video call: the plugin creates the call and sends the
     * customer its link.
     *
     * @param interactionId the interaction
     * @param agent the agent
     * @return the links
     * @throws InteractionException {@code CONFLICT} if the interaction is not active or video is
     *     off for it, {@code UPSTREAM_FAILED} if the video provider failed
     */
    VideoCallLink startVideoCall(String interactionId, AgentRef agent);

    /**
     * The agent is typing to the customer, or stopped. Live only: the plugin passes it to the
     * customer's open streams and stores nothing. The host's agent UI sends at most one a few
     * seconds apart; the plugin may drop calls that come faster.
     *
     * <p>The default, for channels that show no typing, drops it.
     *
     * @param interactionId the interaction, held by the agent
     * @param agent the agent
     * @param typing true while typing, false once stopped
     * @return whether the signal was passed on (false: dropped as too frequent, or not supported)
     * @throws InteractionException {@code NOT_FOUND} if unknown
     * @since 1.2
     */
    default boolean typing(String interactionId, AgentRef agent, boolean typing) {
        return false;
    }

    /**
     * The agent has seen the interaction's messages up to {@code seq}. Durable: the plugin stores
     * it before returning and tells the customer. A lower number than the stored one changes
     * nothing (receipts only move forward).
     *
     * <p>The default, for channels that keep no receipts, refuses with {@code CONFLICT}
     * ({@code receipts_unsupported}).
     *
     * @param interactionId the interaction, held by the agent
     * @param agent the agent
     * @param seq the highest message sequence number the agent's UI displayed
     * @return both sides' receipts after the call
     * @throws InteractionException {@code INVALID} for a number beyond the interaction's last
     *     message, {@code NOT_FOUND} if unknown
     * @since 1.2
     */
    default ReadReceipts markRead(String interactionId, AgentRef agent, long seq) {
        throw new InteractionException(InteractionException.Reason.CONFLICT, "receipts_unsupported",
                "This channel keeps no read receipts.");
    }

    /**
     * The agent sends the customer a file, as a chat message carrying {@link ChatMessage#file()}. The host calls it
     * on the agent's request thread after checking that the agent holds the interaction, with the file part of the
     * agent's multipart upload, already limited by the host to what the route takes (10 MB). The plugin checks the
     * file's size, its name's extension and its content against what the interaction's website accepts, stores it
     * durably before returning, and binds it to the interaction: only its customer and the agent holding it may
     * download it. With a {@code clientMessageId} the call is idempotent like {@link #postMessage}: a retry with
     * the same id returns the first call's message and keeps no second file.
     *
     * <p>The default refuses: a channel that does not know files.
     *
     * @param interactionId the interaction
     * @param agent the agent
     * @param fileName the name the agent's browser gave the file, unchecked (the plugin makes it safe)
     * @param content the file's bytes; the host closes it after the call
     * @param clientMessageId the agent UI's idempotency key, if any
     * @return the stored message, with its file
     * @throws InteractionException {@code CONFLICT} if the interaction is not active or the channel takes no files,
     *     {@code TOO_LARGE} over the size limit, {@code UNSUPPORTED_TYPE} for a type, by name or content, the
     *     website does not accept, {@code INVALID} for an empty file or a bad {@code clientMessageId}
     * @since 1.2
     */
    default ChatMessage postFile(String interactionId, AgentRef agent, String fileName, InputStream content,
            Optional<String> clientMessageId) {
        throw new InteractionException(InteractionException.Reason.CONFLICT, "files_not_supported",
                "This channel does not take files.");
    }

    /**
     * A file of the interaction, for the agent who holds it to download. The host calls it on the agent's request
     * thread after checking that the agent holds the interaction, and reads and closes the content on that thread.
     *
     * <p>The default finds nothing: a channel that does not know files.
     *
     * @param interactionId the interaction
     * @param agent the agent
     * @param fileId the file's {@link ChatFile#id()}
     * @return the file, or empty if the interaction has no such file (the host answers {@code 404})
     * @since 1.2
     */
    default Optional<ChatFileContent> file(String interactionId, AgentRef agent, String fileId) {
        return Optional.empty();
    }
}
