package com.chatwebsite.plugin.privacy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What erasure, export and retention need from storage. Implemented by the {@code store} package. */
public interface ContactDataRepository {

    /** Deletes uploads' files; called inside the transaction that deletes their rows, before it commits. */
    @FunctionalInterface
    interface FileEraser {
        void erase(List<String> uploadIds) throws IOException;
    }

    /**
     * Everything kept about a contact, as JSON-like maps.
     *
     * @param contactId the host contact
     * @return {@code chats, offlineMessages, uploads, consents, ratings}
     */
    Map<String, Object> export(String contactId);

    /**
     * Deletes everything kept about a contact and writes the audit record, in one transaction: its
     * chats (events, head, rating, transcripts, files), its offline messages (outbox rows, attachments;
     * also those sent after one of its chats without a contact), and its consents.
     *
     * @param contactId the host contact
     * @param audit the record to write, its counts filled in here
     * @param files deletes the uploads' files before the rows go
     * @return the audit record as written
     */
    Erased erase(String contactId, ErasureRecord audit, FileEraser files);

    /** The latest audit records, newest first. */
    List<ErasureRecord> erasures(int limit);

    /**
     * Deletes a website's chats closed before a time, with everything of theirs, at most {@code limit}.
     *
     * @return how many chats were deleted
     */
    int deleteClosedChats(String websiteId, Instant closedBefore, int limit, FileEraser files);

    /**
     * Deletes a website's uploads made before a time, at most {@code limit}, except those of an open
     * chat or of an offline message still being delivered.
     *
     * @return how many uploads were deleted
     */
    int deleteUploads(String websiteId, Instant createdBefore, int limit, FileEraser files);
}
