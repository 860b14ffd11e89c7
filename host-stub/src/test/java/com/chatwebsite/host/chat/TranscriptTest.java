package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostConfig.SmtpSettings;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A closed chat's transcript by e-mail: asked for or automatic, escaped, through the outbox, sent once. */
class TranscriptTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    int smtpPort;
    GreenMail smtp;
    MutableClock clock;
    HostStub host;
    ChatApi api;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        startHost();
    }

    private void startHost() {
        HostConfig config = TestHost.config(dir, Optional.empty(), Optional.of(new SmtpSettings("127.0.0.1", smtpPort,
                Optional.empty(), Optional.empty(), "chat@host.example")));
        host = HostStub.start(config, clock);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterEach
    void stop() {
        host.close();
        smtp.stop();
    }

    private Site website(boolean auto) {
        ObjectNode json = ChatApi.website("Shop <b>&</b>");
        json.put("timezone", "Europe/Rome");
        json.set("transcript", ChatApi.json("{\"auto\":" + auto + "}"));
        return api.createWebsite(json);
    }

    /** A chat the agent answered, with a hostile message each way, then closed by the agent. */
    private Session answeredAndClosed(Site site) {
        Http.Reply opened = api.open(site.key(), "{\"name\":\"Ada <i>L</i>\",\"email\":\"ada@example.com\"}");
        assertEquals(201, opened.status(), opened.body());
        Session s = new Session(site.key(), opened.json().get("sessionId").asText(), opened.json().get("token").asText());
        assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
        assertEquals(201, api.say(s, "My order <script>alert(1)</script> is late", "c1").status());
        assertEquals(201, api.agent("POST", "/interactions/" + s.id() + "/messages",
                "{\"text\":\"Sorry & <b>sorry</b>\",\"clientMessageId\":\"a1\"}").status());
        assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/close", "{\"disposition\":\"Solved\"}")
                .status());
        return s;
    }

    private Http.Reply ask(Session s, String body, String token) {
        return api.widget("POST", s.key(), "/sessions/" + s.id() + "/transcript", body, token);
    }

    @Test
    void aCustomerAsksForTheTranscriptAndGetsItEscapedWithNamesAndTimes() throws Exception {
        Site site = website(false);
        Session s = answeredAndClosed(site);
        Http.Reply r = ask(s, "{\"email\":\"ada.copy@example.com\"}", s.token());
        assertEquals(202, r.status(), r.body());
        String id = r.json().get("transcriptId").asText();
        assertEquals("ada.copy@example.com", r.json().get("email").asText());

        Poll.until(WAIT, "the transcript arrives", () -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("ada.copy@example.com", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        assertEquals("<transcript-" + id + "@chat-website>", mail.getMessageID());
        assertEquals("Your chat with Shop <b>&</b> – 2026-11-23", mail.getSubject());
        Multipart alternative = (Multipart) mail.getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertTrue(text.contains("Ada <i>L</i>: My order <script>alert(1)</script> is late"), text);
        assertTrue(text.contains("[2026-11-23 11:00]"), "times in the website's zone: " + text);
        assertTrue(text.contains("Sorry & <b>sorry</b>"), text);
        assertTrue(html.contains("My order &lt;script&gt;alert(1)&lt;/script&gt; is late"), html);
        assertTrue(html.contains("Ada &lt;i&gt;L&lt;/i&gt;"), html);
        assertTrue(html.contains("Sorry &amp; &lt;b&gt;sorry&lt;/b&gt;"), html);
        assertFalse(html.contains("<script>") || html.contains("<i>L") || html.contains("<b>sorry"), html);

        // the same address again: the same transcript, no second mail
        Http.Reply again = ask(s, "{\"email\":\"ADA.copy@example.com\"}", s.token());
        assertEquals(202, again.status(), again.body());
        assertEquals(id, again.json().get("transcriptId").asText());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void notBeforeTheCloseNotWithAnotherChatsTokenAndNotToABadAddress() {
        Site site = website(false);
        Session open = api.openSession(site.key());
        Http.Reply early = ask(open, "{\"email\":\"ada@example.com\"}", open.token());
        assertEquals(409, early.status(), early.body());
        assertEquals("session_open", early.json().get("error").asText());

        Session closed = answeredAndClosed(site);
        assertEquals(404, ask(closed, "{\"email\":\"ada@example.com\"}", open.token()).status(),
                "another chat's token does not open this one");
        assertEquals(404, ask(closed, "{\"email\":\"ada@example.com\"}", null).status());
        Http.Reply bad = ask(closed, "{\"email\":\"not an address\"}", closed.token());
        assertEquals(400, bad.status(), bad.body());
        assertEquals("email", bad.json().get("fields").get(0).get("field").asText());
        assertEquals("email", bad.json().get("fields").get(0).get("rule").asText());
        Http.Reply missing = ask(closed, "{}", closed.token());
        assertEquals(400, missing.status());
        assertEquals("email", missing.json().get("fields").get(0).get("field").asText());
        assertEquals(400, ask(closed, "{\"email\":\"a@example.com\",\"cc\":\"b@example.com\"}", closed.token())
                .status());
        clock.advance(Duration.ofMinutes(11));
        assertEquals(0, smtp.getReceivedMessages().length, "nothing refused was sent");
    }

    @Test
    void transcriptRequestsAreRateLimitedPerChat() {
        Site site = website(false);
        Session s = answeredAndClosed(site);
        for (int i = 0; i < 3; i++) {
            assertEquals(202, ask(s, "{\"email\":\"ada@example.com\"}", s.token()).status());
        }
        Http.Reply limited = ask(s, "{\"email\":\"ada@example.com\"}", s.token());
        assertEquals(429, limited.status(), limited.body());
        assertTrue(limited.header("Retry-After") != null);
    }

    @Test
    void withSmtpDownTheTranscriptIsKeptThroughARestartAndSentOnce() {
        Site site = website(false);
        Session s = answeredAndClosed(site);
        smtp.stop();
        assertEquals(202, ask(s, "{\"email\":\"ada@example.com\"}", s.token()).status());
        host.close();
        startHost();
        smtp.start();
        clock.advance(Duration.ofMinutes(11));
        Poll.until(WAIT, "the transcript arrives once SMTP is back", () -> smtp.getReceivedMessages().length >= 1);
        clock.advance(Duration.ofMinutes(11));
        assertEquals(1, smtp.getReceivedMessages().length, "sent once");
    }

    @Test
    void aWebsiteSendsTheTranscriptByItselfToTheAddressTheCustomerGave() throws Exception {
        Site site = website(true);
        Session s = answeredAndClosed(site);
        Poll.until(WAIT, "the automatic transcript arrives", () -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("ada@example.com", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        // the customer asking too, for the same address, sends nothing more
        assertEquals(202, ask(s, "{\"email\":\"ada@example.com\"}", s.token()).status());
        clock.advance(Duration.ofMinutes(11));
        assertEquals(1, smtp.getReceivedMessages().length);

        Site manual = website(false);
        answeredAndClosed(manual); // not automatic: nothing
        answeredAndClosed(site);
        Poll.until(WAIT, "the second automatic transcript", () -> smtp.getReceivedMessages().length == 2);
        assertEquals(2, smtp.getReceivedMessages().length, "none for the website without automatic transcripts");
    }
}
