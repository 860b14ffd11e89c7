package com.chatwebsite.plugin.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/** Tika's MIME type database: detection from magic bytes, the type of an extension, and the type hierarchy. */
final class TypeCatalog {

    static final MediaType OCTET_STREAM = MediaType.OCTET_STREAM;

    /** Programs and scripts, refused whatever a field accepts, with every type Tika files under them. */
    private static final List<MediaType> NEVER_ACCEPTED = List.of(
            MediaType.application("x-msdownload"),
            MediaType.application("x-dosexec"),
            MediaType.application("x-ms-installer"),
            MediaType.application("x-elf"),
            MediaType.application("x-executable"),
            MediaType.application("x-sharedlib"),
            MediaType.application("x-sh"),
            MediaType.application("x-bat"),
            MediaType.application("java-archive"));

    /** Markup a browser runs scripts in; accepted only when a field names it exactly. */
    private static final List<MediaType> ACTIVE_MARKUP = List.of(
            MediaType.image("svg+xml"),
            MediaType.text("html"),
            MediaType.application("xhtml+xml"));

    private final MimeTypes mimeTypes;
    private final MediaTypeRegistry registry;

    TypeCatalog(MimeTypes mimeTypes) {
        this.mimeTypes = mimeTypes;
        this.registry = mimeTypes.getMediaTypeRegistry();
    }

    /**
     * The type of the content from its first bytes only, without parameters. The stream must support mark and reset;
     * it is reset to where it was.
     */
    MediaType detect(InputStream content) throws IOException {
        return normalize(mimeTypes.detect(content, new Metadata()));
    }

    /** The type Tika associates with a lowercase extension (without dot); {@code application/octet-stream} if none. */
    MediaType ofExtension(String extension) {
        if (extension.isEmpty()) {
            return OCTET_STREAM;
        }
        Metadata name = new Metadata();
        name.set(TikaCoreProperties.RESOURCE_NAME_KEY, "file." + extension);
        try {
            return normalize(mimeTypes.detect(null, name));
        } catch (IOException e) {
            throw new UncheckedIOException("Tika read no stream, yet failed", e);
        }
    }

    /** The canonical form of a valid MIME type such as {@code text/xml} (which becomes {@code application/xml}). */
    MediaType ofName(String mimeType) {
        MediaType type = MediaType.parse(mimeType);
        return type == null ? OCTET_STREAM : normalize(type);
    }

    /** The usual extension of a type, with its dot, such as {@code .pdf}; empty if Tika knows none. */
    String usualExtension(MediaType type) {
        MimeType known = registered(type);
        return known == null ? "" : known.getExtension().toLowerCase(Locale.ROOT);
    }

    /** Every extension Tika lists for a type, lowercase, with their dots. */
    List<String> extensionsOf(MediaType type) {
        MimeType known = registered(type);
        List<String> extensions = new ArrayList<>();
        if (known != null) {
            known.getExtensions().forEach(extension -> extensions.add(extension.toLowerCase(Locale.ROOT)));
        }
        return extensions;
    }

    /** Whether a type is the other or a specialization of it, such as {@code text/csv} of {@code text/plain}. */
    boolean isA(MediaType type, MediaType ancestor) {
        return registry.isInstanceOf(type, ancestor);
    }

    /**
     * Whether content detected as {@code detected} can be a file of the type {@code named}: the same type; a
     * specialization of it (a detected {@code application/x-tika-ooxml} is an {@code application/zip}); or a more
     * general type that magic bytes cannot refine (CSV is detected as {@code text/plain}, a DOCX as
     * {@code application/zip}). {@code application/octet-stream} is neither: it says nothing about the content.
     */
    boolean compatible(MediaType named, MediaType detected) {
        if (named.equals(detected)) {
            return true;
        }
        if (!named.equals(OCTET_STREAM) && isA(detected, named)) {
            return true;
        }
        return !detected.equals(OCTET_STREAM) && isA(named, detected);
    }

    /** Whether a type is a program or script: an executable, a shared library, a shell or batch script, a JAR. */
    boolean isNeverAccepted(MediaType type) {
        if (type.getSubtype().startsWith("x-mach-o")) {
            return true;
        }
        return NEVER_ACCEPTED.stream().anyMatch(program -> isA(type, program));
    }

    /** The active markup type (SVG, HTML or XHTML) a type is, or null if it is none of them. */
    MediaType activeMarkup(MediaType type) {
        return ACTIVE_MARKUP.stream().filter(markup -> isA(type, markup)).findFirst().orElse(null);
    }

    /** The registered type without parameters, so that {@code application/x-msdownload; format=pe32} is a program. */
    private MediaType normalize(MediaType type) {
        return registry.normalize(type.getBaseType());
    }

    /** The registered entry for a type, never registering a new one (which {@code MimeTypes.forName} would do). */
    private MimeType registered(MediaType type) {
        try {
            return mimeTypes.getRegisteredMimeType(type.toString());
        } catch (MimeTypeException e) {
            return null;
        }
    }
}
