package com.chatwebsite.plugin.transcript;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What transcripts and their outbox need from storage. Implemented by the {@code store} package. */
public interface TranscriptRepository {

    /**
     * Stores a pending transcript, unless the chat has one for this address already (compared
     * without case) or has {@code max} already, in one transaction.
     *
     * @param id the new transcript's id
     * @param sessionId the chat
     * @param email the address
     * @param origin {@link TranscriptRecord#CUSTOMER} or {@link TranscriptRecord#AUTO}
     * @param now the time
     * @param max the most transcripts a chat may have
     * @return the transcript for this chat and address, the new one or the one stored before; empty
     *     when the chat has {@code max} for other addresses
     */
    Optional<TranscriptRecord> request(String id, String sessionId, String email, String origin, Instant now, int max);

    Optional<TranscriptRecord> find(String id);

    /**
     * Claims due transcripts for this node, as {@code OfflineRepository#claimDue} does for offline
     * deliveries.
     *
     * @return transcript ids
     */
    List<String> claimDue(String node, Instant now, Duration hold, Instant deadBefore, int limit);

    void delivered(String id, Instant now);

    /** Records a failed attempt and when to try again. */
    void failed(String id, String error, Instant nextAttempt);

    /** Failed attempts so far. */
    int attempts(String id);

    /**
     * Chats of a website closed since a time after an agent took them, that have no transcript yet.
     *
     * @return session ids, oldest first
     */
    List<String> closedWithoutTranscript(String websiteId, Instant since, int limit);
}
