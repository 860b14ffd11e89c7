package com.chatwebsite.plugin.session;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.plugin.settings.TextRules;
import com.chatwebsite.api.host.InteractionRouter;
import com.chatwebsite.plugin.website.Website;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to chat sessions: messages both ways, accept, close, system messages and video links.
 * Each is a {@link EventLog.Change} decided against the session's status inside the log's
 * transaction, so it is durable when the method returns and refused as a whole otherwise.
 */
public final class SessionService {

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final EventLog log;
    private final SessionLookup lookup;
    private final InteractionRouter router;
    private final List<Consumer<String>> countListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> queueListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> closeListeners = new CopyOnWriteArrayList<>();

    public SessionService(EventLog log, SessionLookup lookup, InteractionRouter router) {
        this.log = log;
        this.lookup = lookup;
        this.router = router;
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
        return postMessage(sessionId, "customer", text, clientMessageId, null, null);
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
        return postMessage(sessionId, "agent", text, clientMessageId, agent, null);
    }

    /**
     * A file, already stored and bound to the session, becomes a message: its {@code text} is the file's name and
     * its {@code file} member describes it. The customer may send one while the chat is open; an agent only while
     * holding the active chat. With a clientMessageId a retry returns the first message (whose file may be another
     * one: the caller then drops its own).
     *
     * @param sessionId the session
     * @param agent the agent who sends it, or empty for the customer
     * @param file the file's {@code id}, {@code name}, {@code size} and {@code contentType}
     * @param clientMessageId the idempotency key
     * @return the stored message event
     */
    public SessionEvent postFile(String sessionId, Optional<AgentRef> agent, Map<String, Object> file,
            Optional<String> clientMessageId) {
        return postMessage(sessionId, agent.isPresent() ? "agent" : "customer", (String) file.get("name"),
                clientMessageId, agent.orElse(null), Collections.unmodifiableMap(new LinkedHashMap<>(file)));
    }

    private SessionEvent postMessage(String sessionId, String from, String text, Optional<String> clientMessageId,
            AgentRef agent, Map<String, Object> file) {
        if (clientMessageId.isPresent() && (clientMessageId.get().isBlank() || clientMessageId.get().length() > 100
                || TextRules.line("clientMessageId", "clientMessageId", clientMessageId.get()).isPresent())) {
            throw new ChatException(Kind.INVALID, "invalid_client_message_id",
                    "clientMessageId must be 1 to 100 characters on one line, without control characters.");
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
            if (file != null) {
                data.put("file", file);
            }
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
        queueChanged(lookup.websiteIdOf(sessionId));
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
        router.finish(sessionId, disposition);
        String websiteId = lookup.websiteIdOf(sessionId);
        countChanged(websiteId);
        queueChanged(websiteId);
        closeListeners.forEach(l -> l.accept(sessionId));
    }

    /** Closes unless already closed; for the plugin's own closes, which may race a customer's. */
    public void closeQuietly(String sessionId, String disposition, String systemText) {
        try {
            close(sessionId, disposition, List.of(systemText));
        } catch (ChatException e) {
            LOG.debug("session {} was closed already", sessionId);
        }
    }

    /** Calls the listener with a session id after this node closed that session (not for other nodes' closes). */
    public void onClosed(Consumer<String> listener) {
        closeListeners.add(listener);
    }

    /** Calls the listener with a website id whenever its number of open sessions changes. */
    public void onCountChange(Consumer<String> listener) {
        countListeners.add(listener);
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
                    // videoUrl lets the widget show the link once, as a link, also after a reload
                    new NewEvent(SessionEvent.MESSAGE, Optional.of("system"), Optional.empty(), Map.of("from", "system",
                            "text", agent.displayName() + " invites you to a video call: " + customerUrl,
                            "videoUrl", customerUrl))), s, true);
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

    /**
     * Calls the listener with a website id whenever a chat of it leaves the queue (accepted or
     * closed), after the change is stored.
     */
    public void onQueueChange(Consumer<String> listener) {
        queueListeners.add(listener);
    }

    private void queueChanged(String websiteId) {
        queueListeners.forEach(l -> l.accept(websiteId));
    }

    /** Tells the listeners that a website's number of open sessions changed. */
    void countChanged(String websiteId) {
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
        TextRules.multiline("text", "The message", text).ifPresent(e -> {
            throw new ChatException(Kind.INVALID, "invalid_text", e.message());
        });
    }
}
