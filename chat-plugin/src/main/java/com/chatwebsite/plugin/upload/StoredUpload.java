package com.chatwebsite.plugin.upload;

import java.time.Instant;
import java.util.Optional;

/**
 * A file a customer uploaded for an attachment field.
 *
 * @param id the upload id (also the file's name on disk)
 * @param websiteId the website it was uploaded to
 * @param formKind {@code online} or {@code offline}
 * @param fieldName the attachment field
 * @param fileName the sanitized name to show and download as
 * @param contentType the type detected from its bytes
 * @param size bytes
 * @param inlineSafe whether it may be shown inline (raster images, PDF); otherwise download only
 * @param createdAt when it was uploaded
 * @param ownerId the session or offline submission that uses it
 * @param usedAt when it was bound to its owner; unused uploads expire
 */
public record StoredUpload(String id, String websiteId, String formKind, String fieldName, String fileName,
        String contentType, long size, boolean inlineSafe, Instant createdAt, Optional<String> ownerId,
        Optional<Instant> usedAt) {
}
