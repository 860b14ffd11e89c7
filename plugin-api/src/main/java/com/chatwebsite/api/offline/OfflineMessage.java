package com.chatwebsite.api.offline;

import com.chatwebsite.api.host.MailAttachment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a customer left with an offline form, as {@link OfflineHandler}s receive it.
 *
 * <p>Built by the plugin that stores offline messages, from what it stored, and passed to each
 * handler's {@link OfflineHandler#appliesTo} and {@link OfflineHandler#handle} (see there for the
 * threads).
 *
 * <p>Values are as the customer typed them (never HTML): handlers escape them for where they put
 * them. {@code settings} are the website's offline settings (such as {@code forwardTo} and
 * {@code openInteraction.to}), as JSON-like JDK values.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param id the message's id, stable across retries; handlers derive their idempotency keys from it
 * @param websiteId the website
 * @param websiteName the website's name
 * @param settings the website's offline settings
 * @param fields the submitted values in form order, each with its label
 * @param requesterName the requester's name, if the form asked for it
 * @param requesterEmail the requester's e-mail address, if valid
 * @param contactId the host contact the message is linked to
 * @param attachments the files the customer attached
 * @param createdAt when it was submitted
 * @since 1.0
 */
public record OfflineMessage(
        String id,
        String websiteId,
        String websiteName,
        Map<String, Object> settings,
        List<Field> fields,
        Optional<String> requesterName,
        Optional<String> requesterEmail,
        Optional<String> contactId,
        List<MailAttachment> attachments,
        Instant createdAt) {

    /** Copies the collections and checks the components. */
    public OfflineMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(websiteId, "websiteId");
        Objects.requireNonNull(websiteName, "websiteName");
        settings = Map.copyOf(settings);
        fields = List.copyOf(fields);
        Objects.requireNonNull(requesterName, "requesterName");
        Objects.requireNonNull(requesterEmail, "requesterEmail");
        Objects.requireNonNull(contactId, "contactId");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * One submitted value, built with its {@link OfflineMessage}. May gain components like it.
     *
     * @param name the form field's name
     * @param label the label the customer saw
     * @param value the value as text (lists joined with ", ")
     * @since 1.0
     */
    public record Field(String name, String label, String value) {

        /** Checks the components. */
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A field's value by name.
     *
     * @param name the field's name
     * @return its value, if submitted
     */
    public Optional<String> value(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst();
    }
}
