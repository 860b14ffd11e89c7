package com.chatwebsite.plugin.session;

import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.OfferOutcome;
import com.chatwebsite.plugin.website.OnlineStatus;
import com.chatwebsite.plugin.website.Website;
import com.google.common.util.concurrent.Striped;
import java.time.Instant;
import java.util.concurrent.locks.Lock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opening chats: under the website's hours and cap (counted under the website's row lock, so it
 * holds across nodes), greeted, then offered to the host's agents; with nobody available a chat
 * closes at once as Unmanaged with the website's advice.
 */
public final class SessionOpener {

    private final SessionRepository sessions;
    private final SessionService changes;
    private final SessionLookup lookup;
    private final HostServices host;
    private final String channelId;
    private final Striped<Lock> opening = Striped.lock(64);

    public SessionOpener(SessionRepository sessions, SessionService changes, SessionLookup lookup, HostServices host,
            String channelId) {
        this.sessions = sessions;
        this.changes = changes;
        this.lookup = lookup;
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
        SessionRepository.OpenOutcome outcome;
        Lock lock = opening.get(website.id());
        lock.lock(); // opens of one website queue here, not holding a connection while the row lock waits
        try {
            outcome = sessions.openUnderCap(created, uploadIds, now);
        } finally {
            lock.unlock();
        }
        switch (outcome) {
            case FULL:
                return new Refused(OnlineStatus.MAX_SESSIONS);
            case UPLOAD_IN_USE:
                throw new ChatException(Kind.INVALID, "upload_in_use", "An attached upload is already used elsewhere.");
            default:
                break;
        }
        lookup.remember(created);
        changes.countChanged(website.id());
        String greeting = website.text("messages.greeting");
        if (!greeting.isBlank()) {
            changes.systemMessage(created.id(), greeting);
        }
        OfferOutcome offered = host.router().offer(offer(website, created));
        if (offered == OfferOutcome.NO_AGENT_AVAILABLE) {
            changes.closeQuietly(created.id(), Dispositions.UNMANAGED, website.text("messages.unmanaged"));
        }
        return new Opened(lookup.find(created.id()).orElseThrow(), token);
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
}
