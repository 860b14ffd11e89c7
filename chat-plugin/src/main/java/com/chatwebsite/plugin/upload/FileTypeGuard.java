package com.chatwebsite.plugin.upload;

import com.chatwebsite.plugin.form.AcceptSpec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides whether an uploaded file fits an attachment field's {@link AcceptSpec}, from both the file name's extension
 * and the content detected from its first bytes; the client's Content-Type is never consulted.
 *
 * <p>A file is accepted only if all of these hold:
 * <ol>
 *   <li>it is not empty, and its content is not a program or script (Windows executable, ELF, Mach-O, shell or batch
 *       script, JAR), nor is its extension one of theirs: these are refused whatever the field accepts;</li>
 *   <li>SVG, HTML and XHTML, by content or by extension, are accepted only if the field names them exactly
 *       ({@code image/svg+xml} or {@code .svg}, {@code text/html} or {@code .html}/{@code .htm}, ...); a wildcard
 *       such as {@code image/*} is not enough;</li>
 *   <li>its name has an extension the field accepts: a {@code .ext} specifier equal to it, or a MIME specifier or
 *       wildcard matching the type Tika associates with it;</li>
 *   <li>its content is of a type the field accepts;</li>
 *   <li>its content agrees with its extension: a PNG named {@code .pdf} is refused. Only an extension Tika does not
 *       know, listed as such in the field, is taken without this check.</li>
 * </ol>
 *
 * <p>Detection uses tika-core's magic and XML root rules only, with no file name, and reads only the first bytes they
 * need (64 KiB with Tika's default database). Instances hold no state between calls.
 */
public final class FileTypeGuard {

    private final TypeCatalog catalog;

    /** A guard using Tika's default MIME type database. */
    public FileTypeGuard() {
        this(MimeTypes.getDefaultMimeTypes());
    }

    /** A guard using the given MIME type database. */
    public FileTypeGuard(MimeTypes mimeTypes) {
        this.catalog = new TypeCatalog(Objects.requireNonNull(mimeTypes, "mimeTypes"));
    }

    /**
     * Checks an uploaded file against a field's accepted types.
     *
     * @param accept the types the field accepts
     * @param clientFileName the name the client sent, possibly a path, possibly null; used only after sanitizing
     * @param file the uploaded file; only its first bytes are read
     * @return the verdict, with the detected type and the sanitized name
     * @throws IOException if the file cannot be read
     */
    public Verdict check(AcceptSpec accept, String clientFileName, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream content = TikaInputStream.get(file)) {
            return check(accept, clientFileName, content);
        }
    }

    /** As {@link #check(AcceptSpec, String, Path)}, reading the content from a stream that the caller closes. */
    Verdict check(AcceptSpec accept, String clientFileName, InputStream content) throws IOException {
        Objects.requireNonNull(accept, "accept");
        InputStream marked = content.markSupported() ? content : new BufferedInputStream(content);
        boolean empty = isEmpty(marked);
        MediaType detected = catalog.detect(marked);
        String safeName = FileNames.sanitize(clientFileName);
        if (safeName.isEmpty()) {
            safeName = "file" + catalog.usualExtension(detected);
        }
        String refusal = empty ? "The file is empty." : refusal(accept, safeName, detected);
        return refusal == null
                ? Verdict.accept(detected.toString(), safeName)
                : Verdict.refuse(detected.toString(), safeName, refusal);
    }

    /** Why the file is refused, or null if it is accepted. */
    private String refusal(AcceptSpec accept, String safeName, MediaType detected) {
        String extension = FileNames.extension(safeName);
        MediaType extensionType = catalog.ofExtension(extension);
        String refusedContent = "The file's content is " + detected + ", which this field does not accept.";
        String refusedExtension = "Files ending in ." + extension + " are not accepted by this field.";
        if (catalog.isNeverAccepted(detected)) {
            return "The file's content is " + detected + ", a program or script, which is never accepted.";
        }
        if (!extension.isEmpty() && catalog.isNeverAccepted(extensionType)) {
            return "Files ending in ." + extension + " are programs or scripts, which are never accepted.";
        }
        if (!markupAllowed(accept, detected)) {
            return refusedContent;
        }
        if (!markupAllowed(accept, extensionType)) {
            return refusedExtension;
        }
        if (extension.isEmpty()) {
            return "The file name has no extension, such as .pdf, so its type cannot be checked.";
        }
        if (!extensionAllowed(accept, extension, extensionType)) {
            return refusedExtension;
        }
        if (!contentAllowed(accept, extension, extensionType, detected)) {
            return refusedContent;
        }
        if (!agree(accept, extension, extensionType, detected)) {
            return "The file's name ends in ." + extension + ", but its content is " + detected + ".";
        }
        return null;
    }

    /** False for SVG, HTML or XHTML that the field does not name exactly by MIME type or by one of its extensions. */
    private boolean markupAllowed(AcceptSpec accept, MediaType type) {
        MediaType markup = catalog.activeMarkup(type);
        if (markup == null || accept.explicitlyAllows(markup.toString(), null)) {
            return true;
        }
        return catalog.extensionsOf(markup).stream().anyMatch(extension -> accept.explicitlyAllows(null, extension));
    }

    private boolean extensionAllowed(AcceptSpec accept, String extension, MediaType extensionType) {
        for (String specifier : accept.specifiers()) {
            if (AcceptSpec.isExtension(specifier)) {
                if (specifier.substring(1).equals(extension)) {
                    return true;
                }
            } else if (AcceptSpec.isWildcard(specifier)) {
                if (!extensionType.equals(TypeCatalog.OCTET_STREAM) && sameTopLevel(specifier, extensionType)) {
                    return true;
                }
            } else if (catalog.ofName(specifier).equals(extensionType)) {
                return true;
            }
        }
        return false;
    }

    private boolean contentAllowed(AcceptSpec accept, String extension, MediaType extensionType, MediaType detected) {
        for (String specifier : accept.specifiers()) {
            if (AcceptSpec.isExtension(specifier)) {
                String listed = specifier.substring(1);
                MediaType listedType = catalog.ofExtension(listed);
                if (listedType.equals(TypeCatalog.OCTET_STREAM)
                        ? listed.equals(extension)
                        : catalog.compatible(listedType, detected)) {
                    return true;
                }
            } else if (AcceptSpec.isWildcard(specifier)) {
                if (sameTopLevel(specifier, detected)) {
                    return true;
                }
                if (!extensionType.equals(TypeCatalog.OCTET_STREAM) && sameTopLevel(specifier, extensionType)
                        && catalog.compatible(extensionType, detected)) {
                    return true;
                }
            } else if (catalog.compatible(catalog.ofName(specifier), detected)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the content can be what the extension says; an unknown extension the field lists is taken as is. */
    private boolean agree(AcceptSpec accept, String extension, MediaType extensionType, MediaType detected) {
        if (extensionType.equals(TypeCatalog.OCTET_STREAM) && accept.explicitlyAllows(null, extension)) {
            return true;
        }
        return catalog.compatible(extensionType, detected);
    }

    /** Whether a wildcard such as {@code image/*} covers a type. */
    private static boolean sameTopLevel(String wildcard, MediaType type) {
        return wildcard.substring(0, wildcard.indexOf('/')).equals(type.getType());
    }

    /** Whether a stream that supports mark and reset has no bytes left; the stream is reset. */
    private static boolean isEmpty(InputStream content) throws IOException {
        content.mark(1);
        try {
            return content.read() < 0;
        } finally {
            content.reset();
        }
    }
}
