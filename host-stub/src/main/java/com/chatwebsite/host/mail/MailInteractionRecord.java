package com.chatwebsite.host.mail;

import java.time.Instant;
import java.util.List;

/**
 * An e-mail interaction the host opened, as the admin API lists it.
 *
 * @param id the host's id
 * @param messageId the Message-ID it was opened with
 * @param from the requester
 * @param to the inbox
 * @param subject the subject
 * @param body the text body
 * @param createdAt when it was opened
 * @param attachments its files
 */
public record MailInteractionRecord(
        String id, String messageId, String from, String to, String subject, String body, Instant createdAt,
        List<StoredAttachment> attachments) {

    /**
     * A file of an interaction, copied into the host's data folder.
     *
     * @param fileName the name
     * @param contentType the MIME type
     * @param size bytes
     * @param path where the host keeps it
     */
    public record StoredAttachment(String fileName, String contentType, long size, String path) {
    }
}
