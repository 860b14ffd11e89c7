package com.chatwebsite.plugin.offline;

import com.chatwebsite.api.host.MailAttachment;
import com.chatwebsite.api.offline.OfflineMessage;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.plugin.form.FormDefinition;
import com.chatwebsite.plugin.form.FormField;
import com.chatwebsite.plugin.settings.SettingsValidator;
import com.chatwebsite.plugin.upload.StoredUpload;
import com.chatwebsite.plugin.upload.UploadService;
import com.chatwebsite.plugin.website.Website;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link OfflineMessage} handlers receive, from what is stored. */
public final class OfflineMessages {

    /** The domain part of offline mails' Message-IDs, stable across retries and nodes. */
    public static final String MESSAGE_ID_DOMAIN = "chat-website";


    private final UploadService uploads;

    public OfflineMessages(UploadService uploads) {
        this.uploads = uploads;
    }

    /**
     * The message.
     *
     * @param id the message id
     * @param website the website
     * @param form the offline form (for labels and mappings)
     * @param values the submitted values
     * @param contactId the linked contact
     * @param createdAt when it was submitted
     * @return the message
     */
    public OfflineMessage build(String id, Website website, FormDefinition form, Map<String, Object> values,
            Optional<String> contactId, Instant createdAt) {
        List<OfflineMessage.Field> fields = new ArrayList<>();
        for (FormField f : form.sections()) {
            Object v = values.get(f.name());
            if (!f.control().takesValue() || f.control() == WidgetControl.FILE || v == null) {
                continue;
            }
            String text = v instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                    : f.control() == WidgetControl.CHECKBOX ? (Boolean.TRUE.equals(v) ? "Yes" : "No") : String.valueOf(v);
            fields.add(new OfflineMessage.Field(f.name(), f.label(), text));
        }
        List<MailAttachment> attachments = new ArrayList<>();
        for (StoredUpload u : uploads.ownedBy(id)) {
            attachments.add(new MailAttachment(u.fileName(), u.contentType(), uploads.file(u)));
        }
        return new OfflineMessage(id, website.id(), website.name(), website.group("offline"), fields,
                requesterName(form, values), requesterEmail(form, values), contactId, attachments, createdAt);
    }

    /** The requester's e-mail: the field mapped to the contact's {@code email}, else the field named {@code email}. */
    public static Optional<String> requesterEmail(FormDefinition form, Map<String, Object> values) {
        return mapped(form, values, "email").or(() -> Optional.ofNullable(values.get("email")).map(String::valueOf))
                .map(String::strip).filter(SettingsValidator::isEmail);
    }

    /** The requester's name: the fields mapped to first and last name, else the field named {@code name}. */
    public static Optional<String> requesterName(FormDefinition form, Map<String, Object> values) {
        Optional<String> first = mapped(form, values, "firstName");
        Optional<String> last = mapped(form, values, "lastName");
        if (first.isPresent() || last.isPresent()) {
            return Optional.of((first.orElse("") + " " + last.orElse("")).strip());
        }
        return Optional.ofNullable(values.get("name")).map(String::valueOf).filter(s -> !s.isBlank());
    }

    private static Optional<String> mapped(FormDefinition form, Map<String, Object> values, String contactField) {
        return form.sections().stream()
                .filter(f -> f.mapTo().filter(m -> m.toContact() && m.target().equals(contactField)).isPresent())
                .map(f -> values.get(f.name())).filter(v -> v instanceof String s && !s.isBlank())
                .map(String::valueOf).findFirst();
    }
}
