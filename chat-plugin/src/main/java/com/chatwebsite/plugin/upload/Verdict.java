package com.chatwebsite.plugin.upload;

import java.util.Objects;
import java.util.Set;

/**
 * What {@link FileTypeGuard} decided about an uploaded file.
 *
 * @param accepted whether the field accepts the file
 * @param detectedType the MIME type detected from the file's first bytes, without parameters, such as
 *     {@code application/pdf}; {@code application/octet-stream} when the content is not recognized
 * @param safeFileName the client's file name made safe to store and to send in a header; never empty
 * @param reason why the file is refused, as one sentence; empty when it is accepted
 */
public record Verdict(boolean accepted, String detectedType, String safeFileName, String reason) {

    private static final Set<String> INLINE_SAFE_TYPES =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    /**
     * Checks that the fields are present and that a reason is given exactly when the file is refused.
     *
     * @throws IllegalArgumentException if {@code reason} is blank for a refusal or not empty for an acceptance
     */
    public Verdict {
        Objects.requireNonNull(detectedType, "detectedType");
        Objects.requireNonNull(safeFileName, "safeFileName");
        Objects.requireNonNull(reason, "reason");
        if (accepted && !reason.isEmpty()) {
            throw new IllegalArgumentException("An accepted file has no reason.");
        }
        if (!accepted && reason.isBlank()) {
            throw new IllegalArgumentException("A refusal needs a reason.");
        }
    }

    static Verdict accept(String detectedType, String safeFileName) {
        return new Verdict(true, detectedType, safeFileName, "");
    }

    static Verdict refuse(String detectedType, String safeFileName, String reason) {
        return new Verdict(false, detectedType, safeFileName, reason);
    }

    /**
     * Whether the file may be shown in the page ({@code Content-Disposition: inline}): only accepted PNG, JPEG, GIF,
     * WebP and PDF files, served as their {@link #detectedType}. Serve everything else, SVG and HTML included, as a
     * download ({@code Content-Disposition: attachment}), and always send {@code X-Content-Type-Options: nosniff}.
     */
    public boolean inlineSafe() {
        return accepted && INLINE_SAFE_TYPES.contains(detectedType);
    }
}
