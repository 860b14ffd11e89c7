package com.chatwebsite.plugin.upload;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns the name a client sent into a name that is safe to store and to put in a download header. */
final class FileNames {

    /** The longest safe name, in characters (code points). */
    static final int MAX_LENGTH = 120;
    /** The longest text after the last dot that still counts as an extension. */
    static final int MAX_EXTENSION_LENGTH = 16;

    private static final String PUNCTUATION = "._-()[]+ ";
    private static final int MAX_MARKS_IN_A_ROW = 4;
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    private FileNames() {
    }

    /**
     * The last path segment of a client's file name, reduced to letters, digits, marks that follow letters, spaces and
     * {@code ._-()[]+}; without control characters, {@code ..}, leading dots, or trailing dots and spaces; at most
     * {@value #MAX_LENGTH} characters, keeping the extension. A name that is only an extension, such as {@code .pdf},
     * becomes {@code file.pdf}. Empty if nothing is left.
     */
    static String sanitize(String clientName) {
        if (clientName == null) {
            return "";
        }
        String name = Normalizer.normalize(clientName, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = keepSafeCharacters(name);
        name = name.replaceAll("\\.{2,}", ".").replaceAll(" {2,}", " ");
        name = trimTrailingDotsAndSpaces(name.stripLeading());
        String extension = extensionWithDot(name);
        String base = trimDotsAndSpaces(name.substring(0, name.length() - extension.length()));
        if (base.isEmpty()) {
            if (extension.isEmpty()) {
                return "";
            }
            base = "file";
        }
        int firstDot = base.indexOf('.');
        if (WINDOWS_DEVICE.matcher(firstDot < 0 ? base : base.substring(0, firstDot)).matches()) {
            base = "_" + base;
        }
        int room = MAX_LENGTH - extension.codePointCount(0, extension.length());
        if (base.codePointCount(0, base.length()) > room) {
            base = trimDotsAndSpaces(base.substring(0, base.offsetByCodePoints(0, room)));
        }
        return base + extension;
    }

    /** The lowercase extension of a sanitized name, without its dot; empty if it has none. */
    static String extension(String safeName) {
        String withDot = extensionWithDot(safeName);
        return withDot.isEmpty() ? "" : withDot.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The text from the last dot, if 1 to 16 characters without spaces follow it. */
    private static String extensionWithDot(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return "";
        }
        String extension = name.substring(dot);
        if (extension.indexOf(' ') >= 0 || extension.codePointCount(1, extension.length()) > MAX_EXTENSION_LENGTH) {
            return "";
        }
        return extension;
    }

    private static String keepSafeCharacters(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        boolean afterLetter = false;
        int marksInARow = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c)) {
                continue;
            }
            if (isMark(c)) {
                if (afterLetter && marksInARow < MAX_MARKS_IN_A_ROW) {
                    kept.appendCodePoint(c);
                    marksInARow++;
                }
                continue;
            }
            marksInARow = 0;
            if (Character.isLetterOrDigit(c) || PUNCTUATION.indexOf(c) >= 0) {
                kept.appendCodePoint(c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                kept.append(' ');
            } else {
                continue;
            }
            afterLetter = Character.isLetter(c);
        }
        return kept.toString();
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static String trimTrailingDotsAndSpaces(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String trimDotsAndSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '.' || text.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(start, end);
    }
}
