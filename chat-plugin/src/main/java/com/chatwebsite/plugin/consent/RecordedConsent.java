package com.chatwebsite.plugin.consent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A consent as stored with its interaction.
 *
 * @param interactionKind {@code chat} or {@code offline}
 * @param interactionId the session's or offline message's id
 * @param websiteId the website
 * @param contactId the contact linked to the interaction, once linked
 * @param consent what was agreed to
 * @param agreedAt when the form was submitted
 */
public record RecordedConsent(String interactionKind, String interactionId, String websiteId,
        Optional<String> contactId, Consent consent, Instant agreedAt) {

    /** The interaction kind of a chat session. */
    public static final String CHAT = "chat";
    /** The interaction kind of an offline message. */
    public static final String OFFLINE = "offline";

    /**
     * As the admin API shows it.
     *
     * @return {@code field, text, version, agreedAt}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("field", consent.fieldName());
        out.put("text", consent.text());
        out.put("version", consent.version());
        out.put("agreedAt", agreedAt.toString());
        return out;
    }
}
