package com.chatwebsite.plugin.session;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.OfferOutcome;
import com.chatwebsite.plugin.website.OnlineStatus;
import com.chatwebsite.plugin.website.Website;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of chat sessions: opening under the website's cap, messages both ways, accept and close,
 * each change stored first, then delivered to the customer's stream and published for the agent.
 */
public final class SessionService {

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    private static final int REPLAY_LIMIT = 10_000;
    private static final int IDENTITIES = 100_000;

    private final SessionRepository sessions;
    private final EventLog log;
    private final EventLogStore logStore;
    private final SessionFeeds feeds;
    private final HostServices host;
    private final String channelId;
    private final List<Consumer<String>> countListeners = new CopyOnWriteArrayList<>();
    private final Cache<String, Identity> identities = CacheBuilder.newBuilder().maximumSize(IDENTITIES).build();

    public SessionService(SessionRepository sessions, EventLog log, EventLogStore logStore, SessionFeeds feeds,
            HostServices host, String channelId) {
        this.sessions = sessions;
        this.log = log;
        this.logStore = logStore;
        this.feeds = feeds;
        this.host = host;
        this.channelId = channelId;
    }

    /** The outcome of {@link #open}. */
    public sealed interface OpenResult permits Opened, Refused {
    }

    /**
     * A session was created.
     *
     * @param session the session as it is after opening (closed when no agent could take it)
     * @param token the customer's token, shown once
     */
    public record Opened(ChatSession session, String token) implements OpenResult {
    }

    /**
     * No session could open.
     *
     * @param reason {@code outside-working-hours} or {@code max-sessions}
     */
    public record Refused(String reason) implements OpenResult {
    }

    /**
     * Opens a session if the website is in hours and below its cap, then offers it to agents; with
     * no agent available it closes at once as Unmanaged with the website's advice.
     *
     * @param website the website
     * @param fields what the pre-chat form held
     * @param variables routing variables
     * @param contactId the linked contact
     * @param page the page the chat opens on
     * @param uploadIds uploads the form attached, bound to the session as it opens
     * @return the session, or why none opened
     */
    public OpenResult open(Website website, Map<String, Object> fields, Map<String, String> variables,
            Optional<String> contactId, Optional<String> page, List<String> uploadIds) {
        Instant now = host.clock().instant();
        if (!website.schedule().isOpen(now)) {
            return new Refused(OnlineStatus.OUTSIDE_WORKING_HOURS);
        }
        String token = SessionTokens.newToken();
        ChatSession created = new ChatSession(UUID.randomUUID().toString(), website.id(), SessionTokens.hash(token),
                SessionState.WAITING, Optional.empty(), fields, variables, contactId, page, Optional.empty(), 0,
                now, Optional.empty(), Optional.empty(), now);
        switch (sessions.openUnderCap(created, uploadIds, now)) {
            case FULL:
                return new Refused(OnlineStatus.MAX_SESSIONS);
            case UPLOAD_IN_USE:
                throw new ChatException(Kind.INVALID, "upload_in_use", "An attached upload is already used elsewhere.");
            default:
                break;
        }
        countChanged(website.id());
        String greeting = website.text("messages.greeting");
        if (!greeting.isBlank()) {
            systemMessage(created.id(), greeting);
        }
        OfferOutcome outcome = host.router().offer(offer(website, created));
        if (outcome == OfferOutcome.NO_AGENT_AVAILABLE) {
            closeQuietly(created.id(), Dispositions.UNMANAGED, website.text("messages.unmanaged"));
        }
        return new Opened(find(created.id()).orElseThrow(), token);
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
        return find(sessionId).orElseThrow(SessionService::notFound);
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
        return identity(sessionId).orElseThrow(SessionService::notFound).websiteId();
    }

    /** What never changes about a session: whose it is and its token's hash. */
    private record Identity(String websiteId, String tokenHash) {
    }

    private Optional<Identity> identity(String sessionId) {
        Identity cached = identities.getIfPresent(sessionId);
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
     * The customer writes. With a clientMessageId a retry returns the first message.
     *
     * @param website the website (for its length limit)
     * @param sessionId the session
     * @param text the text
     * @param clientMessageId the idempotency key
     * @return the stored message event
     */
    public SessionEvent postCustomerMessage(Website website, String sessionId, String text,
            Optional<String> clientMessageId) {
        checkText(text, website.maxMessageLength());
        return postMessage(sessionId, "customer", text, clientMessageId, null);
    }

    /**
     * An agent who holds the session writes.
     *
     * @param website the session's website
     * @param sessionId the session
     * @param agent the agent
     * @param text the text
     * @param clientMessageId the idempotency key
     * @return the stored message event
     */
    public SessionEvent postAgentMessage(Website website, String sessionId, AgentRef agent, String text,
            Optional<String> clientMessageId) {
        checkText(text, website.maxMessageLength());
        return postMessage(sessionId, "agent", text, clientMessageId, agent);
    }

    private SessionEvent postMessage(String sessionId, String from, String text, Optional<String> clientMessageId,
            AgentRef agent) {
        if (clientMessageId.isPresent() && (clientMessageId.get().isBlank() || clientMessageId.get().length() > 100)) {
            throw new ChatException(Kind.INVALID, "invalid_client_message_id",
                    "clientMessageId must be 1 to 100 characters.");
        }
        Optional<EventLog.Key> key = clientMessageId.map(id -> new EventLog.Key(from, id));
        EventLog.Appended a = log.append(sessionId, key, (s, now) -> {
            if (!s.isOpen()) {
                throw new ChatException(Kind.CONFLICT, "session_closed", "The chat is closed.");
            }
            if (agent != null && (s.state() != SessionState.ACTIVE || !s.agent().orElse("").equals(agent.name()))) {
                throw new ChatException(Kind.CONFLICT, "not_active", "Accept the chat before writing.");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", from);
            data.put("text", text);
            clientMessageId.ifPresent(id -> data.put("clientMessageId", id));
            if (agent != null) {
                data.put("agent", agent.displayName());
            }
            return new EventLog.Decision(List.of(new NewEvent(SessionEvent.MESSAGE, Optional.of(from), clientMessageId,
                    data)), s, true);
        });
        return a.events().get(0);
    }

    /**
     * The customer closes the chat.
     *
     * @param website the website
     * @param sessionId the session
     */
    public void customerClose(Website website, String sessionId) {
        close(sessionId, Dispositions.CUSTOMER_CLOSED, List.of(website.text("messages.closing")));
    }

    /**
     * An agent accepts a waiting session.
     *
     * @param sessionId the session
     * @param agent the agent
     */
    public void accept(String sessionId, AgentRef agent) {
        log.append(sessionId, Optional.empty(), (s, now) -> {
            if (s.state() != SessionState.WAITING) {
                throw new ChatException(Kind.CONFLICT, "not_waiting",
                        "The chat is " + s.state().wire() + " and cannot be accepted.");
            }
            return new EventLog.Decision(List.of(new NewEvent(SessionEvent.STATE, Optional.empty(), Optional.empty(),
                    Map.of("state", SessionState.ACTIVE.wire(), "agent", agent.displayName()))),
                    s.accepted(agent.name(), now), true);
        });
    }

    /**
     * Closes an open session with a disposition, after optional system messages.
     *
     * @param sessionId the session
     * @param disposition the disposition
     * @param systemTexts texts both sides see before the close (blank ones are skipped)
     * @throws ChatException {@code CONFLICT} if it is closed already
     */
    public void close(String sessionId, String disposition, List<String> systemTexts) {
        log.append(sessionId, Optional.empty(), (s, now) -> {
            if (!s.isOpen()) {
                throw new ChatException(Kind.CONFLICT, "session_closed", "The chat is already closed.");
            }
            List<NewEvent> news = new ArrayList<>();
            for (String text : systemTexts) {
                if (text != null && !text.isBlank()) {
                    news.add(NewEvent.system(text));
                }
            }
            Map<String, Object> closedState = new LinkedHashMap<>();
            closedState.put("state", SessionState.CLOSED.wire());
            closedState.put("disposition", disposition);
            if (disposition.equals(Dispositions.UNMANAGED)) {
                closedState.put("offlineForm", true); // the widget shows the offline form, prefilled
            }
            news.add(new NewEvent(SessionEvent.STATE, Optional.empty(), Optional.empty(), closedState));
            return new EventLog.Decision(news, s.closed(disposition, now), false);
        });
        host.router().finish(sessionId, disposition);
        find(sessionId).ifPresent(s -> countChanged(s.websiteId()));
    }

    /** Closes unless already closed; for the plugin's own closes, which may race a customer's. */
    public void closeQuietly(String sessionId, String disposition, String systemText) {
        try {
            close(sessionId, disposition, List.of(systemText));
        } catch (ChatException e) {
            LOG.debug("session {} was closed already", sessionId);
        }
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

    /** Calls the listener with a website id whenever its number of open sessions changes. */
    public void onCountChange(Consumer<String> listener) {
        countListeners.add(listener);
    }

    /**
     * The offer made to the host's agents for a session.
     *
     * @param website the website
     * @param s the session
     * @return the offer
     */
    public InteractionOffer offer(Website website, ChatSession s) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sessionId", s.id());
        attributes.put("websiteId", website.id());
        attributes.put("websiteName", website.name());
        s.page().ifPresent(p -> attributes.put("page", p));
        return new InteractionOffer(s.id(), channelId, attributes, s.variables(), s.fields(), s.contactId(),
                s.createdAt());
    }

    /**
     * Sends the customer a video call's link: a {@code video-call} event and a system message.
     *
     * @param sessionId the active chat
     * @param agent the agent who started it
     * @param customerUrl the customer's link
     */
    public void videoCall(String sessionId, AgentRef agent, String customerUrl) {
        log.append(sessionId, Optional.empty(), (s, now) -> {
            if (s.state() != SessionState.ACTIVE) {
                throw new ChatException(Kind.CONFLICT, "not_active", "The chat is no longer active.");
            }
            return new EventLog.Decision(List.of(
                    new NewEvent(SessionEvent.VIDEO_CALL, Optional.empty(), Optional.empty(),
                            Map.of("url", customerUrl, "agent", agent.displayName())),
                    NewEvent.system(agent.displayName() + " invites you to a video call: " + customerUrl)), s, true);
        });
    }

    /**
     * Sends a still-waiting chat the website's waiting message, once.
     *
     * @param sessionId the session
     * @param text the message
     */
    public void waitingNotice(String sessionId, String text) {
        log.append(sessionId, Optional.empty(), (s, now) -> s.state() != SessionState.WAITING || s.waitingNotified()
                ? new EventLog.Decision(List.of(), s, false)
                : new EventLog.Decision(List.of(NewEvent.system(text)), s.notifiedWaiting(), false));
    }

    /**
     * Adds a system message both sides see, without counting it as activity.
     *
     * @param sessionId the session
     * @param text the text
     */
    public void systemMessage(String sessionId, String text) {
        log.append(sessionId, Optional.empty(), (s, now) -> new EventLog.Decision(List.of(NewEvent.system(text)), s,
                false));
    }

    private void countChanged(String websiteId) {
        countListeners.forEach(l -> l.accept(websiteId));
    }


    private static void checkText(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new ChatException(Kind.INVALID, "empty_message", "The message text is empty.");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new ChatException(Kind.TOO_LARGE, "message_too_long",
                    "The message is longer than " + maxLength + " characters.");
        }
    }

    private static ChatException notFound() {
        return new ChatException(Kind.NOT_FOUND, "session_not_found", "No such session.");
    }
}
