package com.chatwebsite.plugin.offline;

import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.offline.OfflineHandler;
import com.chatwebsite.api.offline.OfflineMessage;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.consent.Consents;
import com.chatwebsite.plugin.contact.ContactLinker;
import com.chatwebsite.plugin.form.FormDefinition;
import com.chatwebsite.plugin.form.FormKind;
import com.chatwebsite.plugin.form.FormService;
import com.chatwebsite.plugin.form.SubmissionValidator;
import com.chatwebsite.plugin.identity.VisitorIdentity;
import com.chatwebsite.plugin.upload.UploadService;
import com.chatwebsite.plugin.website.Website;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Takes offline messages: validates them against the offline form, links the contact, and stores
 * the message with one outbox delivery per applicable {@link OfflineHandler}, in one transaction;
 * the {@link OutboxRelay} delivers them.
 */
public final class OfflineService {

    /** The setting naming the form field an e-mail interaction's subject comes from; that field takes one line. */
    private static final String SUBJECT_FIELD = "offline.openInteraction.subjectField";

    private final OfflineRepository store;
    private final FormService forms;
    private final UploadService uploads;
    private final ContactLinker contacts;
    private final OfflineMessages messages;
    private final HostServices host;
    private final Runnable nudgeRelay;

    public OfflineService(OfflineRepository store, FormService forms, UploadService uploads, ContactLinker contacts,
            OfflineMessages messages, HostServices host, Runnable nudgeRelay) {
        this.store = store;
        this.forms = forms;
        this.uploads = uploads;
        this.contacts = contacts;
        this.messages = messages;
        this.host = host;
        this.nudgeRelay = nudgeRelay;
    }

    /**
     * The outcome of {@link #submit}.
     *
     * @param id the stored message's id, when valid
     * @param errors per-field errors otherwise
     */
    public record Submitted(Optional<String> id, List<FieldError> errors) {
    }

    /**
     * Stores an offline message.
     *
     * @param website the website
     * @param input the submitted values
     * @param sessionId the chat it follows, if the customer came from one
     * @param identity the page's verified identity, which links the contact by its user id
     * @return the message id, or the errors (nothing stored)
     */
    public Submitted submit(Website website, Map<String, Object> input, Optional<String> sessionId,
            Optional<VisitorIdentity> identity) {
        FormDefinition form = forms.get(website.id(), FormKind.OFFLINE);
        SubmissionValidator.Result checked = forms.validate(form, input,
                (uploadId, field) -> uploads.problem(website.id(), FormKind.OFFLINE, uploadId, field),
                Set.of(website.text(SUBJECT_FIELD)));
        if (!checked.ok()) {
            return new Submitted(Optional.empty(), checked.errors());
        }
        Optional<String> contactId = identity.isPresent() ? contacts.linkVerified(identity.get(), form, checked.values())
                : contacts.link(website.contactMatchField(), form, checked.values());
        String id = UUID.randomUUID().toString();
        Instant now = host.clock().instant();
        OfflineMessage planned = messages.build(id, website, form, checked.values(), contactId, now);
        List<String> handlerIds = host.extensions().find(OfflineHandler.class).stream()
                .filter(h -> h.appliesTo(planned)).map(OfflineHandler::id).distinct().toList();
        if (!store.insert(id, website.id(), checked.values(), contactId, sessionId, checked.uploadIds(), handlerIds,
                Consents.of(form, checked.values()), now)) {
            throw new ChatException(Kind.INVALID, "upload_in_use",
                    "An attached upload is already used elsewhere.");
        }
        nudgeRelay.run();
        return new Submitted(Optional.of(id), List.of());
    }

    /**
     * A website's offline messages with each delivery's state, newest first, for the supervisor.
     *
     * @param websiteId the website
     * @param limit the most to return
     * @return the messages
     */
    public List<OfflineRecord> forSupervisor(String websiteId, int limit) {
        return store.forWebsite(websiteId, limit);
    }
}
