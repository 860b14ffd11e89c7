package com.chatwebsite.plugin.settings;

import com.chatwebsite.api.settings.FieldError;
import java.util.Locale;
import java.util.Optional;

/**
 * Which characters text from customers and admins may hold. Every text is checked by one of three rules, each
 * broken as a {@link FieldError} naming the field and one of the rules {@code unicode}, {@code control} or
 * {@code bidi}:
 *
 * <ul>
 *   <li>{@link #line one line} (names, labels, subjects, e-mail addresses, URLs, one-line inputs and settings): no
 *       control character at all (C0 including tab, DEL, C1, and the line and paragraph separators U+2028 and
 *       U+2029), no bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), and no unpaired
 *       UTF-16 surrogate. The marks U+200E and U+200F stay allowed: they reorder nothing around them and are
 *       written in right-to-left names;</li>
 *   <li>{@link #multiline several lines} (chat messages, text areas, the admin's longer texts): tab, line feed and
 *       carriage return are allowed, every other control character and unpaired surrogates are not;
 *       bidirectional controls are allowed, as prose mixing right-to-left and left-to-right scripts uses them
 *       and the clients show each message in a block of its own;</li>
 *   <li>unpaired surrogates anywhere, which no UTF-8 text can carry ({@link #hasLoneSurrogate}).</li>
 * </ul>
 */
public final class TextRules {

    /** The rule of an unpaired UTF-16 surrogate. */
    public static final String UNICODE = "unicode";
    /** The rule of a control character. */
    public static final String CONTROL = "control";
    /** The rule of a bidirectional embedding, override or isolate. */
    public static final String BIDI = "bidi";

    private static final int DEL = 0x7F;
    private static final int C1_FIRST = 0x80;
    private static final int C1_LAST = 0x9F;

    private TextRules() {
    }

    /**
     * Checks one line of text.
     *
     * @param field the field's path, for the error
     * @param label how the error's sentence names the field
     * @param text the text
     * @return the first rule the text breaks, if any
     */
    public static Optional<FieldError> line(String field, String label, String text) {
        return check(field, label, text, false);
    }

    /**
     * Checks text that may span lines.
     *
     * @param field the field's path, for the error
     * @param label how the error's sentence names the field
     * @param text the text
     * @return the first rule the text breaks, if any
     */
    public static Optional<FieldError> multiline(String field, String label, String text) {
        return check(field, label, text, true);
    }

    /**
     * Whether a text holds a UTF-16 surrogate that is not half of a pair.
     *
     * @param text the text
     * @return true if some surrogate stands alone
     */
    public static boolean hasLoneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A text fit to show in an error: each unpaired surrogate becomes U+FFFD, which JSON and UTF-8 can carry.
     *
     * @param text the text
     * @return the text, repaired
     */
    public static String printable(String text) {
        if (!hasLoneSurrogate(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /**
     * Whether a character is a bidirectional embedding, override or isolate (or their terminators).
     *
     * @param c the character
     * @return true for U+202A–U+202E and U+2066–U+2069
     */
    public static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static Optional<FieldError> check(String field, String label, String text, boolean multiline) {
        if (hasLoneSurrogate(text)) {
            return Optional.of(new FieldError(field, UNICODE, label
                    + " holds a broken character (an unpaired UTF-16 surrogate)."));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c, multiline)) {
                return Optional.of(new FieldError(field, CONTROL, label + " must not hold the control character "
                        + codePoint(c) + (multiline ? "; only tabs and line breaks are allowed." : "; write one line.")));
            }
            if (!multiline && isBidiControl(c)) {
                return Optional.of(new FieldError(field, BIDI, label + " must not hold the text direction control "
                        + codePoint(c) + "."));
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(char c, boolean multiline) {
        if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
            return false;
        }
        return c < ' ' || c == DEL || (c >= C1_FIRST && c <= C1_LAST)
                || (!multiline && (c == '\u2028' || c == '\u2029'));
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
