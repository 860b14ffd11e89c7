package com.chatwebsite.plugin.form;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The file types an attachment field accepts, written as HTML unique file type specifiers: {@code .pdf},
 * {@code text/csv}, or one of the wildcards {@code image/*}, {@code audio/*} and {@code video/*}.
 *
 * <p>Specifiers are kept in canonical form: lowercase, trimmed, without duplicates, in the order given.
 *
 * @param specifiers the canonical specifiers, at least one and at most {@value #MAX_SPECIFIERS}
 */
public record AcceptSpec(List<String> specifiers) {

    /** The most specifiers one field may list. */
    public static final int MAX_SPECIFIERS = 50;

    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9+_-]+");
    /** An RFC 6838 restricted-name: a type or subtype of at most 127 characters. */
    private static final Pattern RESTRICTED_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");
    private static final Set<String> WILDCARD_TYPES = Set.of("audio", "video", "image");
    private static final int MAX_QUOTED = 40;

    /**
     * Normalizes and checks the specifiers.
     *
     * @throws IllegalArgumentException if the list is empty, too long or holds an invalid specifier
     */
    public AcceptSpec {
        Objects.requireNonNull(specifiers, "specifiers");
        if (specifiers.isEmpty()) {
            throw new IllegalArgumentException(emptyMessage());
        }
        if (specifiers.size() > MAX_SPECIFIERS) {
            throw new IllegalArgumentException(tooManyMessage(specifiers.size()));
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (String specifier : specifiers) {
            canonical.add(canonicalSpecifier(specifier));
        }
        specifiers = List.copyOf(canonical);
    }

    /**
     * Reads the value of an {@code accept} setting, such as {@code ".pdf, image/*"}.
     *
     * @throws IllegalArgumentException with a sentence for the admin if the value is not valid
     */
    public static AcceptSpec parse(String accept) {
        if (accept == null || stripAsciiWhitespace(accept).isEmpty()) {
            throw new IllegalArgumentException(emptyMessage());
        }
        String[] parts = accept.split(",", -1);
        if (parts.length > MAX_SPECIFIERS) {
            throw new IllegalArgumentException(tooManyMessage(parts.length));
        }
        List<String> specifiers = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = stripAsciiWhitespace(parts[i]);
            if (part.isEmpty()) {
                throw new IllegalArgumentException("File type " + (i + 1) + " of " + parts.length
                        + " is empty; remove the extra comma.");
            }
            specifiers.add(part);
        }
        return new AcceptSpec(specifiers);
    }

    /** The canonical text, such as {@code .pdf,image/*}. */
    public String text() {
        return String.join(",", specifiers);
    }

    /** The canonical text, as {@link #text()}. */
    @Override
    public String toString() {
        return text();
    }

    /**
     * Whether a specifier names exactly this MIME type or this extension; wildcards such as {@code image/*} never
     * count. Used for types that must be accepted on purpose, such as SVG and HTML.
     *
     * @param mimeType a MIME type such as {@code image/svg+xml}, or null
     * @param extension an extension with or without its dot, such as {@code svg}, or null
     */
    public boolean explicitlyAllows(String mimeType, String extension) {
        String mime = mimeType == null ? "" : stripAsciiWhitespace(mimeType).toLowerCase(Locale.ROOT);
        String ext = extension == null ? "" : stripAsciiWhitespace(extension).toLowerCase(Locale.ROOT);
        if (ext.startsWith(".")) {
            ext = ext.substring(1);
        }
        for (String specifier : specifiers) {
            if (isWildcard(specifier)) {
                continue;
            }
            if (isExtension(specifier) ? specifier.substring(1).equals(ext) : specifier.equals(mime)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a canonical specifier is an extension such as {@code .pdf}. */
    public static boolean isExtension(String specifier) {
        return specifier.startsWith(".");
    }

    /** Whether a canonical specifier is one of the wildcards {@code image/*}, {@code audio/*}, {@code video/*}. */
    public static boolean isWildcard(String specifier) {
        return specifier.endsWith("/*");
    }

    private static String canonicalSpecifier(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("A file type is missing.");
        }
        String token = stripAsciiWhitespace(raw);
        if (token.isEmpty()) {
            throw new IllegalArgumentException("A file type is empty; remove the extra comma.");
        }
        if (token.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException(quote(token) + " contains a space; separate file types with commas.");
        }
        if (token.startsWith(".")) {
            String extension = token.substring(1);
            if (!EXTENSION.matcher(extension).matches() || extension.length() > 127) {
                throw new IllegalArgumentException(quote(token) + " is not a valid extension; write a dot followed by"
                        + " letters, digits, '+', '_' or '-', for example .pdf.");
            }
            return token.toLowerCase(Locale.ROOT);
        }
        if (token.equals("*") || token.equals("*/*")) {
            throw new IllegalArgumentException(quote(token) + " would accept any file; list the file types you want,"
                    + " for example .pdf,image/*.");
        }
        int slash = token.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(quote(token) + " is neither an extension such as .pdf nor a MIME type"
                    + " such as image/png.");
        }
        if (token.indexOf(';') >= 0) {
            throw new IllegalArgumentException(quote(token) + " has parameters; write the MIME type alone, for example"
                    + " text/plain.");
        }
        String type = token.substring(0, slash).toLowerCase(Locale.ROOT);
        String subtype = token.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (subtype.equals("*") && RESTRICTED_NAME.matcher(type).matches()) {
            if (!WILDCARD_TYPES.contains(type)) {
                throw new IllegalArgumentException(quote(token) + " is not allowed: only image/*, audio/* and video/*"
                        + " may use a wildcard.");
            }
            return type + "/*";
        }
        if (!RESTRICTED_NAME.matcher(type).matches() || !RESTRICTED_NAME.matcher(subtype).matches()) {
            throw new IllegalArgumentException(quote(token) + " is not a valid MIME type such as image/png.");
        }
        return type + "/" + subtype;
    }

    /** Removes the ASCII whitespace the HTML specification strips: space, tab, line feed, form feed, return. */
    private static String stripAsciiWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isAsciiWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** The token in quotes, shortened and with control characters replaced, fit for a message. */
    private static String quote(String token) {
        StringBuilder shown = new StringBuilder();
        token.codePoints().limit(MAX_QUOTED).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (token.codePointCount(0, token.length()) > MAX_QUOTED) {
            shown.append('…');
        }
        return "\"" + shown + "\"";
    }

    private static String emptyMessage() {
        return "No file type is listed; list at least one, for example .pdf or image/*.";
    }

    private static String tooManyMessage(int count) {
        return "At most " + MAX_SPECIFIERS + " file types may be listed, not " + count + ".";
    }
}
