package com.chatwebsite.plugin.session;

import com.chatwebsite.plugin.consent.Consent;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.OfferOutcome;
import com.chatwebsite.plugin.website.OnlineStatus;
import com.chatwebsite.plugin.website.Website;
import java.time.Instant;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening chats: under the website's hours and cap (counted under the website's row lock, so it
 * holds across nodes), linked to the requester's contact only once stored, greeted, then offered to
 * the host's agents; with nobody available a chat closes at once as Unmanaged with the website's
 * advice. A refused open never reaches the Contact Manager.
 */
public final class SessionOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);

    private final SessionRepository sessions;
    private final SessionService changes;
    private final SessionLookup lookup;
    private final HostServices host;
    private final String channelId;
    private final OfferForm offerForm;
    private final Lock[] opening = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock()).toArray(Lock[]::new);

    public SessionOpener(SessionRepository sessions, SessionService changes, SessionLookup lookup, HostServices host,
            String channelId, OfferForm offerForm) {
        this.offerForm = offerForm;
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
     * @param linkContact finds, updates or creates the requester's contact; called only once the
     *     session is stored (in hours, under the cap), outside any lock, and its id is then stored on
     *     the session before the chat is offered
     * @param page the page the chat opens on
     * @param uploadIds uploads the form attached, bound to the session as it opens
     * @return the session, or why none opened
     */
    public OpenResult open(Website website, Map<String, Object> fields, Map<String, String> variables,
            Supplier<Optional<String>> linkContact, Optional<String> page, List<String> uploadIds) {
        return open(website, fields, variables, linkContact, page, uploadIds, List.of());
    }

    /**
     * As the shorter {@code open}, also recording the form's consents with the session, in the
     * transaction that stores it.
     *
     * @param website the website
     * @param fields what the pre-chat form held
     * @param variables routing variables
     * @param linkContact as the shorter {@code open} says
     * @param page the page the chat opens on
     * @param uploadIds uploads the form attached
     * @param consents the agreement fields the customer checked
     * @return the session, or why none opened
     */
    public OpenResult open(Website website, Map<String, Object> fields, Map<String, String> variables,
            Supplier<Optional<String>> linkContact, Optional<String> page, List<String> uploadIds,
            List<Consent> consents) {
        Instant now = host.clock().instant();
        if (!website.schedule().isOpen(now)) {
            return new Refused(OnlineStatus.OUTSIDE_WORKING_HOURS);
        }
        String token = SessionTokens.newToken();
        ChatSession stored = new ChatSession(UUID.randomUUID().toString(), website.id(), SessionTokens.hash(token),
                SessionState.WAITING, Optional.empty(), fields, variables, Optional.empty(), page, Optional.empty(), 0,
                now, Optional.empty(), Optional.empty(), now, false);
        SessionRepository.OpenOutcome outcome;
        Lock lock = opening[Math.floorMod(website.id().hashCode(), opening.length)];
        lock.lock(); // opens of one website queue here, not holding a connection while the row lock waits
        try {
            outcome = sessions.openUnderCap(stored, uploadIds, consents, now);
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
        lookup.remember(stored);
        changes.countChanged(website.id());
        ChatSession created = withContact(stored, linkContact.get());
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

    /** Stores the linked contact on the stored session; if that fails the chat goes on without one. */
    private ChatSession withContact(ChatSession s, Optional<String> contactId) {
        if (contactId.isEmpty()) {
            return s;
        }
        try {
            sessions.linkContact(s.id(), contactId.get());
        } catch (RuntimeException e) {
            LOG.warn("could not store contact {} on session {}; the chat goes on without it", contactId.get(), s.id(), e);
            return s;
        }
        return new ChatSession(s.id(), s.websiteId(), s.tokenHash(), s.state(), s.disposition(), s.fields(),
                s.variables(), contactId, s.page(), s.agent(), s.lastSeq(), s.createdAt(), s.acceptedAt(),
                s.closedAt(), s.lastActivityAt(), s.waitingNotified());
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
                s.createdAt(), offerForm.of(s));
    }
}
