package com.chatwebsite.api.channel;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message of a chat interaction.
 *
 * <p>Built by the plugin and returned from {@link ChatChannel#messages} and
 * {@link ChatChannel#postMessage}; the host reads it on the agent's request thread and shows it in
 * the agent's UI.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param seq its sequence number within the interaction, from 1, without gaps
 * @param from {@code customer}, {@code agent} or {@code system}
 * @param text the text, as typed (never HTML)
 * @param at when the server stored it
 * @param clientMessageId the sender's idempotency key, if it gave one
 * @param file the file this message sends, if it is a file (since 1.2); then text is the file's name
 * @since 1.0
 */
public record ChatMessage(long seq, String from, String text, Instant at, Optional<String> clientMessageId,
        Optional<ChatFile> file) {

    /** Checks the components. */
    public ChatMessage {
        if (seq < 1) {
            throw new IllegalArgumentException("seq < 1");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
        Objects.requireNonNull(file, "file");
    }

    /**
     * The 1.0 constructor: a text message without a file. Plugins built against 1.0 and 1.1 call it.
     *
     * @param seq its sequence number within the interaction, from 1, without gaps
     * @param from {@code customer}, {@code agent} or {@code system}
     * @param text the text, as typed (never HTML)
     * @param at when the server stored it
     * @param clientMessageId the sender's idempotency key, if it gave one
     * @since 1.0
     */
    public ChatMessage(long seq, String from, String text, Instant at, Optional<String> clientMessageId) {
        this(seq, from, text, at, clientMessageId, Optional.empty());
    }
}
