package com.chatwebsite.plugin.offline;

import com.chatwebsite.api.offline.OfflineMessage;
import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;

/** The text of offline e-mails: one-line bounded subjects, and bodies as text and as escaped HTML. */
public final class MailText {

    /** The longest subject, in characters. */
    public static final int MAX_SUBJECT = 200;

    private static final Escaper HTML = HtmlEscapers.htmlEscaper();

    private MailText() {
    }

    /**
     * A value made fit for a header: every line break (CR, LF, NEL, LS, PS), tab and control
     * character becomes a space, runs of spaces shrink, and the result is cut to
     * {@link #MAX_SUBJECT} characters without splitting a character.
     *
     * @param value any text
     * @return one line
     */
    public static String headerValue(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SUBJECT + 1));
        boolean space = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            boolean blank = Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x85 || cp == 0x2028
                    || cp == 0x2029;
            if (blank) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (out.length() + Character.charCount(cp) > MAX_SUBJECT) {
                break;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /**
     * The forward's subject.
     *
     * @param m the message
     * @return such as "Offline message from Ada Lovelace – Shop"
     */
    public static String forwardSubject(OfflineMessage m) {
        return headerValue("Offline message from " + m.requesterName().or(m::requesterEmail).orElse("a visitor")
                + " – " + m.websiteName());
    }

    public static String textBody(OfflineMessage m) {
        StringBuilder out = new StringBuilder();
        out.append("A visitor left a message on ").append(m.websiteName()).append(" at ").append(m.createdAt())
                .append(".\n\n");
        for (OfflineMessage.Field f : m.fields()) {
            out.append(f.label()).append(":\n").append(f.value()).append("\n\n");
        }
        if (!m.attachments().isEmpty()) {
            out.append("Attachments: ").append(m.attachments().size()).append('\n');
        }
        return out.toString();
    }

    public static String htmlBody(OfflineMessage m) {
        StringBuilder out = new StringBuilder("<!doctype html><html><body>");
        out.append("<p>A visitor left a message on <b>").append(HTML.escape(m.websiteName())).append("</b>.</p>")
                .append("<table cellpadding=\"6\" style=\"border-collapse:collapse\">");
        for (OfflineMessage.Field f : m.fields()) {
            out.append("<tr><th align=\"left\" valign=\"top\">").append(HTML.escape(f.label()))
                    .append("</th><td style=\"white-space:pre-wrap\">").append(HTML.escape(f.value()))
                    .append("</td></tr>");
        }
        return out.append("</table></body></html>").toString();
    }
}
