package com.chatwebsite.plugin.privacy;

import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.host.InteractionRouter;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.Dispositions;
import com.chatwebsite.plugin.session.SessionLookup;
import com.chatwebsite.plugin.session.SessionService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Erasure and export of what the plugin kept about one host contact. Everything is read from and
 * written to the database, so any node answers; an erasure is durable (rows and files gone, the audit
 * record written) before it returns.
 */
public final class ContactPrivacy {

    private final ContactDataRepository store;
    private final SessionLookup lookup;
    private final SessionService sessions;
    private final UploadFiles files;
    private final Clock clock;
    private final InteractionRouter router;
    private final ContactManager contacts;

    public ContactPrivacy(ContactDataRepository store, SessionLookup lookup, SessionService sessions, Path uploadDir,
            Clock clock, InteractionRouter router, ContactManager contacts) {
        this.store = store;
        this.router = router;
        this.contacts = contacts;
        this.lookup = lookup;
        this.sessions = sessions;
        this.files = new UploadFiles(uploadDir);
        this.clock = clock;
    }

    /**
     * The contact's data as JSON-like maps.
     *
     * @param contactId the host contact
     * @return {@code contactId, exportedAt, chats, offlineMessages, uploads, consents, ratings}
     */
    public Map<String, Object> export(String contactId) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("exportedAt", clock.instant().toString());
        out.putAll(store.export(contactId));
        return out;
    }

    /**
     * Erases the contact's chats (its open ones are closed first, as {@code Erased}), uploads,
     * offline messages and consents, has the host forget its copies of those chats, and keeps an
     * audit record without personal data. A second
     * erasure finds nothing and records zero counts.
     *
     * @param contactId the host contact
     * @param admin who asked
     * @return the audit record
     */
    public ErasureRecord erase(String contactId, String admin) {
        return erase(contactId, admin, false);
    }

    /**
     * Erases as {@link #erase(String, String)} does and, when asked, has the host erase the contact
     * itself first (it may refuse: then nothing is erased).
     *
     * @param contactId the host contact
     * @param admin who asked
     * @param contactToo whether the host's contact goes too
     * @return the audit record, {@code contacts} 1 when the host erased the contact
     * @throws UnsupportedOperationException when the host does not erase contacts
     */
    public ErasureRecord erase(String contactId, String admin, boolean contactToo) {
        // The host first: if it refuses, nothing is gone; if the plugin's part fails after, a retry finds it by id.
        int hostContacts = contactToo && contacts.erase(contactId) ? 1 : 0;
        for (ChatSession open : openChatsOf(contactId)) {
            sessions.closeQuietly(open.id(), Dispositions.ERASED, "This chat has ended.");
        }
        ErasureRecord audit = new ErasureRecord(UUID.randomUUID().toString(), clock.instant(), admin,
                Map.of("contacts", hostContacts));
        Erased erased = store.erase(contactId, audit, files);
        // the host's copies: offers with the form's values, agents' stream events with the messages
        router.forget(erased.chatIds());
        return erased.record();
    }

    /** The latest erasures, newest first. */
    public List<ErasureRecord> erasures(int limit) {
        return store.erasures(limit);
    }

    private List<ChatSession> openChatsOf(String contactId) {
        return lookup.openSessions().stream()
                .filter(s -> s.contactId().equals(Optional.of(contactId)))
                .toList();
    }
}
