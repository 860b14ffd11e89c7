package com.chatwebsite.plugin.session;

import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.plugin.cache.BoundedCache;
import java.util.List;
import java.util.Optional;

/**
 * Reading sessions: who holds a token, a session's state, its log, its live streams. Identities
 * (website and token hash) never change and are cached; everything else is read from the database.
 */
public final class SessionLookup {

    private static final int REPLAY_LIMIT = 10_000;
    private static final int IDENTITIES = 100_000;

    private final SessionRepository sessions;
    private final EventLogStore logStore;
    private final SessionFeeds feeds;
    private final BoundedCache<String, Identity> identities = BoundedCache.bySize(IDENTITIES);

    public SessionLookup(SessionRepository sessions, EventLogStore logStore, SessionFeeds feeds) {
        this.sessions = sessions;
        this.logStore = logStore;
        this.feeds = feeds;
    }

    /**
     * Finds a session by id, for the customer who holds its token.
     *
     * @param websiteId the website the request came for
     * @param sessionId the session
     * @param token the presented token
     * @return the session
     * @throws ChatException {@code NOT_FOUND} for an unknown session, another website's, or a
     *     wrong token (all alike, so ids cannot be probed)
     */
    public ChatSession authenticate(String websiteId, String sessionId, String token) {
        verify(websiteId, sessionId, token);
        return find(sessionId).orElseThrow(SessionLookup::notFound);
    }

    /**
     * Checks that a token opens a session of a website, from the cache of sessions' identities
     * (which never change) when possible.
     *
     * @param websiteId the website the request came for
     * @param sessionId the session
     * @param token the presented token
     * @return the session id
     * @throws ChatException {@code NOT_FOUND} as {@link #authenticate}
     */
    public String verify(String websiteId, String sessionId, String token) {
        Optional<Identity> id = token == null || token.isEmpty() ? Optional.empty() : identity(sessionId);
        if (id.isEmpty() || !id.get().websiteId().equals(websiteId) || !SessionTokens.matches(token, id.get().tokenHash())) {
            throw new ChatException(Kind.NOT_FOUND, "session_not_found", "No such session for this token.");
        }
        return sessionId;
    }

    /**
     * The website a session belongs to.
     *
     * @param sessionId the session
     * @return its website's id
     * @throws ChatException {@code NOT_FOUND} for an unknown session
     */
    public String websiteIdOf(String sessionId) {
        return identity(sessionId).orElseThrow(SessionLookup::notFound).websiteId();
    }

    /** What never changes about a session: whose it is and its token's hash. */
    private record Identity(String websiteId, String tokenHash) {
    }

    private Optional<Identity> identity(String sessionId) {
        Identity cached = identities.get(sessionId).orElse(null);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Identity> found = find(sessionId).map(s -> new Identity(s.websiteId(), s.tokenHash()));
        found.ifPresent(i -> identities.put(sessionId, i));
        return found;
    }

    public Optional<ChatSession> find(String sessionId) {
        return sessions.find(sessionId);
    }

    /**
     * The events after a sequence number.
     *
     * @param sessionId the session
     * @param after the last one the client has
     * @param onlyMessages whether to return messages only
     * @return the events, oldest first
     */
    public List<SessionEvent> eventsAfter(String sessionId, long after, boolean onlyMessages) {
        return logStore.eventsAfter(sessionId, after, onlyMessages ? SessionEvent.MESSAGE : null, REPLAY_LIMIT);
    }

    /**
     * Replays the events after {@code after} to a listener, then keeps it informed, with no event
     * missed or repeated.
     *
     * @param sessionId the session
     * @param after the last event the client has
     * @param listener the stream
     * @return removes the listener
     */
    public Runnable subscribe(String sessionId, long after, SessionFeeds.Listener listener) {
        return feeds.subscribe(sessionId, after, listener);
    }

    /** Waiting and active sessions, oldest first. */
    public List<ChatSession> openSessions() {
        return sessions.openSessions();
    }

    public int countOpen(String websiteId) {
        return sessions.countOpen(websiteId);
    }

    public List<ChatSession> forSupervisor(String websiteId, String state, int limit) {
        return sessions.forSupervisor(websiteId, state, limit);
    }

    /** Remembers a new session's identity, so its first requests read nothing. */
    void remember(ChatSession s) {
        identities.put(s.id(), new Identity(s.websiteId(), s.tokenHash()));
    }

    private static ChatException notFound() {
        return new ChatException(Kind.NOT_FOUND, "session_not_found", "No such session.");
    }
}
