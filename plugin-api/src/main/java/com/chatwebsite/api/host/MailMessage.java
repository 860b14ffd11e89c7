package com.chatwebsite.api.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An e-mail that a plugin asks the host to send through the host's SMTP account.
 *
 * <p>The sender is always the host's account; a plugin names the person to answer with
 * {@code replyTo}. The host refuses header values that hold line breaks.
 *
 * <p>Built by a plugin and passed to {@link MailService#send} on the plugin's thread.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param messageId a stable RFC 5322 Message-ID (with angle brackets) so that a retried send can
 *     be recognised as the same message; empty lets the host choose one
 * @param to the recipients' addresses
 * @param replyTo the address replies go to, if not the host's account
 * @param subject the subject line
 * @param textBody the plain-text body
 * @param htmlBody an HTML alternative, already escaped by the caller, if any
 * @param attachments files to attach
 * @since 1.0
 */
public record MailMessage(
        Optional<String> messageId,
        List<String> to,
        Optional<String> replyTo,
        String subject,
        String textBody,
        Optional<String> htmlBody,
        List<MailAttachment> attachments) {

    /** Copies the lists and checks the components. */
    public MailMessage {
        Objects.requireNonNull(messageId, "messageId");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient");
        }
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        attachments = List.copyOf(attachments);
    }
}
