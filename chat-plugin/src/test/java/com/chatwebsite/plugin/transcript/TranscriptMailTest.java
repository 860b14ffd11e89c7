package com.chatwebsite.plugin.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.MailMessage;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionEvent;
import com.chatwebsite.plugin.session.SessionState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The transcript's mail: names, times, escaped text, and the chat's files by name. */
class TranscriptMailTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:05:00Z");

    @Test
    void filesOfTheChatAreListedByNameAndEverythingIsEscaped() {
        ChatSession s = new ChatSession("s1", "w1", "h", SessionState.CLOSED, Optional.of("Solved"), Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), Optional.of("alice"), 5, T0, Optional.of(T0), Optional.of(T0), T0,
                false);
        List<SessionEvent> events = List.of(
                new SessionEvent("s1", 1, "message", Map.of("from", "system", "text", "Hello"), T0),
                new SessionEvent("s1", 2, "message", Map.of("from", "customer", "text", "",
                        "file", Map.of("id", "u1", "name", "<receipt>.pdf", "size", 2048, "contentType", "application/pdf")),
                        T0.plusSeconds(60)),
                new SessionEvent("s1", 3, "state", Map.of("state", "active"), T0),
                new SessionEvent("s1", 4, "message", Map.of("from", "agent", "agent", "Alice <A>", "text", "Got it",
                        "file", Map.of("id", "u2", "name", "label.png", "size", 10)), T0.plusSeconds(120)));
        MailMessage m = TranscriptMail.build(new TranscriptRecord("t1", "s1", "ada@example.com", "customer", "pending",
                0, T0), "Shop", ZoneId.of("Europe/Rome"), s, Optional.of("Ada"), events);
        assertEquals(Optional.of("<transcript-t1@chat-website>"), m.messageId());
        assertEquals(List.of("ada@example.com"), m.to());
        String text = m.textBody();
        assertTrue(text.contains("[2026-03-01 10:06] Ada: [file: <receipt>.pdf (2.0 KB)]"), text);
        assertTrue(text.contains("[2026-03-01 10:07] Alice <A>: Got it [file: label.png (10 B)]"), text);
        assertTrue(text.contains("Files in this chat:\n- <receipt>.pdf (2.0 KB)\n- label.png (10 B)\n"), text);
        String html = m.htmlBody().orElseThrow();
        assertTrue(html.contains("<li>&lt;receipt&gt;.pdf (2.0 KB)</li>"), html);
        assertTrue(html.contains("Alice &lt;A&gt;"), html);
        assertFalse(html.contains("<receipt>") || html.contains("<A>"), html);
    }
}
