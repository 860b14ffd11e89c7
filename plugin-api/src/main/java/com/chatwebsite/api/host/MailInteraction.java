package com.chatwebsite.api.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A new inbound e-mail interaction that a plugin opens in the host's mail channel, as if the
 * requester had written to the company's inbox.
 *
 * <p>Built by a plugin and passed to {@link MailService#openInteraction} on the plugin's thread.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param messageId a stable Message-ID so that opening the same interaction twice is recognised;
 *     empty lets the host choose one
 * @param from the requester's address: the sender the agent answers
 * @param to the inbox the interaction belongs to
 * @param subject the subject line
 * @param body the plain-text body
 * @param attachments files to attach
 * @since 1.0
 */
public record MailInteraction(
        Optional<String> messageId,
        String from,
        String to,
        String subject,
        String body,
        List<MailAttachment> attachments) {

    /** Copies the list and checks the components. */
    public MailInteraction {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
    }
}
