package com.chatwebsite.plugin.transcript;

import com.chatwebsite.api.host.MailMessage;
import com.chatwebsite.plugin.offline.MailText;
import com.chatwebsite.plugin.offline.OfflineMessages;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionEvent;
import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The e-mail of a chat's transcript: who wrote what and when (in the website's time zone), the chat's
 * files by name, as text and as escaped HTML, with a one-line subject and a Message-ID that stays the
 * same across retries.
 */
public final class TranscriptMail {

    private static final Escaper HTML = HtmlEscapers.htmlEscaper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private TranscriptMail() {
    }

    /** One line of the transcript. */
    record Line(Instant at, String from, String who, String text, Optional<ChatFile> file) {
    }

    /** A file sent in the chat, as its message names it. */
    record ChatFile(String name, long size) {
    }

    /**
     * The mail.
     *
     * @param t the transcript
     * @param websiteName the website's name
     * @param zone the website's time zone
     * @param session the chat
     * @param customerName the name the customer gave, if any
     * @param events the chat's log
     * @return the message
     */
    public static MailMessage build(TranscriptRecord t, String websiteName, ZoneId zone, ChatSession session,
            Optional<String> customerName, List<SessionEvent> events) {
        List<Line> lines = lines(events, customerName.orElse("You"));
        String subject = MailText.headerValue("Your chat with " + websiteName + " – "
                + TIME.format(session.createdAt().atZone(zone)).substring(0, 10));
        return new MailMessage(Optional.of(messageId(t.id())), List.of(t.email()), Optional.empty(), subject,
                text(websiteName, zone, session, lines), Optional.of(html(websiteName, zone, session, lines)), List.of());
    }

    /** The Message-ID of a transcript's mail, the same for every attempt. */
    public static String messageId(String transcriptId) {
        return "<transcript-" + transcriptId + "@" + OfflineMessages.MESSAGE_ID_DOMAIN + ">";
    }

    static List<Line> lines(List<SessionEvent> events, String customer) {
        List<Line> out = new ArrayList<>();
        for (SessionEvent e : events) {
            if (!e.type().equals(SessionEvent.MESSAGE)) {
                continue;
            }
            Map<String, Object> d = e.data();
            String from = String.valueOf(d.getOrDefault("from", "system"));
            String who = switch (from) {
                case "customer" -> customer;
                case "agent" -> d.get("agent") instanceof String a && !a.isBlank() ? a : "Agent";
                default -> "";
            };
            out.add(new Line(e.at(), from, who, d.get("text") instanceof String s ? s : "", file(d.get("file"))));
        }
        return out;
    }

    private static Optional<ChatFile> file(Object value) {
        if (value instanceof Map<?, ?> m && m.get("name") instanceof String name && !name.isBlank()) {
            return Optional.of(new ChatFile(name, m.get("size") instanceof Number n ? n.longValue() : -1));
        }
        return Optional.empty();
    }

    private static String when(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String fileText(ChatFile f) {
        String s = size(f.size());
        return f.name() + (s.isEmpty() ? "" : " (" + s + ")");
    }

    static String text(String websiteName, ZoneId zone, ChatSession session, List<Line> lines) {
        StringBuilder out = new StringBuilder();
        out.append("Your chat with ").append(websiteName).append(", ").append(when(session.createdAt(), zone))
                .append(" (").append(zone.getId()).append(").\n\n");
        List<ChatFile> files = new ArrayList<>();
        for (Line l : lines) {
            out.append('[').append(when(l.at(), zone)).append("] ");
            out.append(l.who().isEmpty() ? "—" : l.who()).append(": ");
            if (!l.text().isEmpty()) {
                out.append(l.text().replace("\n", "\n    "));
            }
            l.file().ifPresent(f -> {
                files.add(f);
                out.append(l.text().isEmpty() ? "" : " ").append("[file: ").append(fileText(f)).append(']');
            });
            out.append('\n');
        }
        if (!files.isEmpty()) {
            out.append("\nFiles in this chat:\n");
            files.forEach(f -> out.append("- ").append(fileText(f)).append('\n'));
        }
        return out.toString();
    }

    static String html(String websiteName, ZoneId zone, ChatSession session, List<Line> lines) {
        StringBuilder out = new StringBuilder("<!doctype html><html><body>");
        out.append("<p>Your chat with <b>").append(HTML.escape(websiteName)).append("</b>, ")
                .append(HTML.escape(when(session.createdAt(), zone))).append(" (").append(HTML.escape(zone.getId()))
                .append(").</p><table cellpadding=\"6\" style=\"border-collapse:collapse\">");
        List<ChatFile> files = new ArrayList<>();
        for (Line l : lines) {
            out.append("<tr><td valign=\"top\" style=\"color:#555;white-space:nowrap\">")
                    .append(HTML.escape(when(l.at(), zone))).append("</td><th align=\"left\" valign=\"top\">")
                    .append(HTML.escape(l.who())).append("</th><td style=\"white-space:pre-wrap\">")
                    .append(HTML.escape(l.text()));
            l.file().ifPresent(f -> {
                files.add(f);
                out.append(l.text().isEmpty() ? "" : "<br>").append("File: ").append(HTML.escape(fileText(f)));
            });
            out.append("</td></tr>");
        }
        out.append("</table>");
        if (!files.isEmpty()) {
            out.append("<p>Files in this chat:</p><ul>");
            files.forEach(f -> out.append("<li>").append(HTML.escape(fileText(f))).append("</li>"));
            out.append("</ul>");
        }
        return out.append("</body></html>").toString();
    }
}
