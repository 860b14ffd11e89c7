package com.chatwebsite.plugin.session;

import com.chatwebsite.plugin.consent.Consent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What sessions need from storage besides their event logs. Implemented by the {@code store} package. */
public interface SessionRepository {

    /** The outcome of {@link #openUnderCap}. */
    enum OpenOutcome {
        /** Stored, with its uploads bound to it. */
        OPENED,
        /** The website is deleted or at its cap of open sessions: nothing stored. */
        FULL,
        /** An upload belongs to something else already: nothing stored. */
        UPLOAD_IN_USE
    }

    /**
     * Stores a new session if its website has fewer open sessions than its cap, counted under a
     * lock on the website's row so the cap holds across nodes, and binds the form's uploads to it,
     * all in one transaction.
     *
     * @param session the new session
     * @param uploadIds the uploads to bind
     * @param now the time
     * @return what happened
     */
    default OpenOutcome openUnderCap(ChatSession session, List<String> uploadIds, Instant now) {
        return openUnderCap(session, uploadIds, List.of(), now);
    }

    /**
     * As {@link #openUnderCap(ChatSession, List, Instant)}, also recording the consents the form gave
     * in the same transaction.
     *
     * @param session the new session
     * @param uploadIds the uploads to bind
     * @param consents the checked agreement fields
     * @param now the time
     * @return what happened
     */
    OpenOutcome openUnderCap(ChatSession session, List<String> uploadIds, List<Consent> consents, Instant now);

    /**
     * Records the contact a session's requester was linked to, after the session is stored (on its
     * consents too).
     *
     * @param sessionId the session
     * @param contactId the host contact
     */
    void linkContact(String sessionId, String contactId);

    Optional<ChatSession> find(String sessionId);

    /** Waiting and active sessions, oldest first. */
    List<ChatSession> openSessions();

    int countOpen(String websiteId);

    /**
     * A website's sessions for the supervisor, newest first.
     *
     * @param websiteId the website
     * @param state {@code waiting}, {@code active}, {@code closed}, {@code unmanaged}, or null for all
     * @param limit the most to return
     * @return the sessions
     */
    List<ChatSession> forSupervisor(String websiteId, String state, int limit);
}
