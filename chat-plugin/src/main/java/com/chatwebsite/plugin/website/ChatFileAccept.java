package com.chatwebsite.plugin.website;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.form.AcceptSpec;
import java.util.Optional;

/**
 * The website setting {@value #KEY}: what customers and agents may send as files during a chat, as an HTML
 * {@code accept} list, checked like an attachment field's (extension and content; SVG and HTML only when named
 * exactly).
 */
public final class ChatFileAccept {

    /** The setting's key. */
    public static final String KEY = "chat.fileAccept";

    /** What a website accepts unless its admin says otherwise. */
    public static final String DEFAULT = ".pdf,.txt,image/png,image/jpeg,image/gif,image/webp";

    private ChatFileAccept() {
    }

    /**
     * What a website accepts in chats.
     *
     * @param website the website
     * @return its list, or the default when unset (websites saved before the setting existed)
     */
    public static AcceptSpec of(Website website) {
        String value = website.text(KEY);
        try {
            return AcceptSpec.parse(value.isBlank() ? DEFAULT : value);
        } catch (IllegalArgumentException e) {
            return AcceptSpec.parse(DEFAULT); // saved values are checked by check(); this is for older rows
        }
    }

    /**
     * Checks a value the admin sends.
     *
     * @param value the setting's value, if any
     * @return the error, naming {@value #KEY} with rule {@code accept}
     */
    static Optional<FieldError> check(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            AcceptSpec.parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new FieldError(KEY, "accept", e.getMessage()));
        }
    }
}
