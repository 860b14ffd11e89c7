package com.chatwebsite.api.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file attached to a {@link MailMessage} or a {@link MailInteraction}.
 *
 * <p>The host reads the file when it sends or stores the mail, so it must exist until the call
 * returns.
 *
 * <p>Built by a plugin, for a mail it sends or opens through {@link MailService} or for an
 * {@link com.chatwebsite.api.offline.OfflineMessage} it hands to offline handlers.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param fileName the name the recipient sees
 * @param contentType the MIME type, checked by the caller
 * @param file where the bytes are
 * @since 1.0
 */
public record MailAttachment(String fileName, String contentType, Path file) {

    /** Checks the components. */
    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(file, "file");
    }
}
