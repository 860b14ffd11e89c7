package com.chatwebsite.plugin.transcript;

import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.plugin.form.FormDefinition;
import com.chatwebsite.plugin.form.FormKind;
import com.chatwebsite.plugin.form.FormService;
import com.chatwebsite.plugin.offline.OfflineMessages;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionLookup;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Transcripts of closed chats by e-mail: the customer asks for one in the widget, or the website sends
 * one by itself ({@code transcript.auto}) to the address the customer gave. Each is stored as a pending
 * delivery before it is acknowledged; {@link TranscriptRelay} sends it, once per chat and address.
 */
public final class TranscriptService {

    /** The website setting that sends every answered chat's transcript by itself. */
    public static final String AUTO_SETTING = "auto";
    /** The most transcripts one chat may be sent to (distinct addresses). */
    public static final int MAX_PER_CHAT = 3;
    /** How far back the catch-up looks for answered chats of auto websites whose transcript is missing. */
    static final Duration CATCH_UP_WINDOW = Duration.ofHours(1);

    private final TranscriptRepository store;
    private final SessionLookup sessions;
    private final WebsiteService websites;
    private final FormService forms;
    private final Clock clock;
    private final Runnable relaySoon;

    public TranscriptService(TranscriptRepository store, SessionLookup sessions, WebsiteService websites,
            FormService forms, Clock clock, Runnable relaySoon) {
        this.store = store;
        this.sessions = sessions;
        this.websites = websites;
        this.forms = forms;
        this.clock = clock;
        this.relaySoon = relaySoon;
    }

    /**
     * The customer asks for a closed chat's transcript. Asking again for the same address returns the
     * first request (one mail).
     *
     * @param sessionId the chat, whose token the caller checked
     * @param email a valid address
     * @return the stored transcript
     * @throws ChatException {@code CONFLICT} while the chat is open, or after {@link #MAX_PER_CHAT}
     *     addresses
     */
    public TranscriptRecord request(String sessionId, String email) {
        ChatSession s = sessions.find(sessionId).orElseThrow(() -> new ChatException(Kind.NOT_FOUND,
                "session_not_found", "No such session."));
        if (s.isOpen()) {
            throw new ChatException(Kind.CONFLICT, "session_open", "The transcript can be sent once the chat has ended.");
        }
        TranscriptRecord t = store.request(UUID.randomUUID().toString(), sessionId, email, TranscriptRecord.CUSTOMER,
                clock.instant(), MAX_PER_CHAT).orElseThrow(() -> new ChatException(Kind.CONFLICT, "transcript_limit",
                        "This chat's transcript was sent to " + MAX_PER_CHAT + " addresses already."));
        relaySoon.run();
        return t;
    }

    /**
     * After a chat closed: stores its transcript for the customer's address when the website sends
     * transcripts by itself and an agent answered the chat. Safe to call more than once.
     *
     * @param sessionId the closed chat
     * @return whether a transcript is pending or sent for it now
     */
    public boolean autoSend(String sessionId) {
        Optional<ChatSession> found = sessions.find(sessionId);
        if (found.isEmpty() || found.get().isOpen() || found.get().acceptedAt().isEmpty()) {
            return false;
        }
        ChatSession s = found.get();
        Optional<Website> w = websites.byIdIncludingDeleted(s.websiteId()).filter(TranscriptService::auto);
        if (w.isEmpty()) {
            return false;
        }
        Optional<String> email = OfflineMessages.requesterEmail(onlineForm(s), s.fields());
        if (email.isEmpty()) {
            return false;
        }
        store.request(UUID.randomUUID().toString(), sessionId, email.get(), TranscriptRecord.AUTO, clock.instant(),
                MAX_PER_CHAT);
        relaySoon.run();
        return true;
    }

    /**
     * Stores what {@link #autoSend} missed (a node stopped between a chat's close and its transcript):
     * answered chats of auto websites closed within the last hour without a transcript.
     *
     * @return how many it stored
     */
    public int catchUp() {
        int stored = 0;
        Instant since = clock.instant().minus(CATCH_UP_WINDOW);
        for (Website w : websites.list()) {
            if (auto(w)) {
                for (String id : store.closedWithoutTranscript(w.id(), since, 100)) {
                    stored += autoSend(id) ? 1 : 0;
                }
            }
        }
        return stored;
    }

    FormDefinition onlineForm(ChatSession s) {
        return forms.get(s.websiteId(), FormKind.ONLINE);
    }

    static boolean auto(Website w) {
        return Boolean.TRUE.equals(w.group("transcript").get(AUTO_SETTING));
    }
}
