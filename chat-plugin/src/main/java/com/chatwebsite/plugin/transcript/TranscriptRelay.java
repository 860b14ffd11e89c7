package com.chatwebsite.plugin.transcript;

import com.chatwebsite.api.host.MailService;
import com.chatwebsite.plugin.form.FormKind;
import com.chatwebsite.plugin.form.FormService;
import com.chatwebsite.plugin.offline.OfflineMessages;
import com.chatwebsite.plugin.offline.OutboxRelay;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionLookup;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pending transcripts through the host's mail service, as {@link OutboxRelay} delivers offline
 * messages: each claimed by one node at a time, marked done once sent, or retried with the same
 * backoff (5 s doubling to 10 min) and the same Message-ID. Runs on the plugin's scheduler thread.
 */
public final class TranscriptRelay {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptRelay.class);
    private static final int BATCH = 20;
    private static final Duration CLAIM_HOLD = Duration.ofMinutes(2);

    private final TranscriptRepository store;
    private final SessionLookup sessions;
    private final WebsiteService websites;
    private final FormService forms;
    private final MailService mail;
    private final Clock clock;
    private final String node;

    public TranscriptRelay(TranscriptRepository store, SessionLookup sessions, WebsiteService websites,
            FormService forms, MailService mail, Clock clock, String node) {
        this.store = store;
        this.sessions = sessions;
        this.websites = websites;
        this.forms = forms;
        this.mail = mail;
        this.clock = clock;
        this.node = node;
    }

    /**
     * One pass over the due transcripts, ending early (between two) once {@code stopRequested} says so.
     *
     * @param stopRequested asked before each transcript
     * @return how many it sent
     */
    public int runOnce(BooleanSupplier stopRequested) {
        int sent = 0;
        Instant now = clock.instant();
        for (String id : store.claimDue(node, now, CLAIM_HOLD, now.minus(OutboxRelay.NODE_SILENCE), BATCH)) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            try {
                TranscriptRecord t = store.find(id).orElseThrow();
                ChatSession s = sessions.find(t.sessionId()).orElseThrow();
                Website w = websites.byIdIncludingDeleted(s.websiteId())
                        .orElseThrow(() -> new IllegalStateException("website " + s.websiteId() + " is gone"));
                Optional<String> name = OfflineMessages.requesterName(forms.get(w.id(), FormKind.ONLINE), s.fields());
                mail.send(TranscriptMail.build(t, w.name(), w.schedule().zone(), s, name,
                        sessions.eventsAfter(s.id(), 0, true)));
                store.delivered(id, clock.instant());
                sent++;
            } catch (Exception e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                int attempts = store.attempts(id) + 1;
                Instant later = clock.instant().plus(OutboxRelay.backoff(attempts));
                store.failed(id, error, later);
                LOG.info("transcript {} failed (attempt {}), next at {}: {}", id, attempts, later, error);
            }
        }
        return sent;
    }
}
