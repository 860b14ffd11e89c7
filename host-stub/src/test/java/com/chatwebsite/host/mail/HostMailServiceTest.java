package com.chatwebsite.host.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.MailAttachment;
import com.chatwebsite.api.host.MailDeliveryException;
import com.chatwebsite.api.host.MailInteraction;
import com.chatwebsite.api.host.MailMessage;
import com.chatwebsite.host.HostConfig.SmtpSettings;
import com.chatwebsite.host.db.Database;
import com.chatwebsite.host.db.Jdbc;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class HostMailServiceTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path dir;
    Database db;
    Jdbc jdbc;

    @BeforeEach
    void open() {
        db = Database.open(Optional.empty(), dir);
        jdbc = new Jdbc(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private HostMailService viaSmtp() {
        return new HostMailService(Optional.of(new SmtpSettings("localhost", ServerSetupTest.SMTP.getPort(),
                Optional.empty(), Optional.empty(), "chat@host.example")), dir, jdbc, Clock.systemUTC());
    }

    private static MailMessage message(String subject, List<MailAttachment> attachments) {
        return new MailMessage(Optional.of("<offline-42@chat-website>"), List.of("support@shop.example"),
                Optional.of("ada@example.com"), subject, "Hello\nfrom Ada", Optional.of("<p>Hello &lt;b&gt;</p>"),
                attachments);
    }

    @Test
    void sendsThroughSmtpWithReplyToBodyAndAttachment() throws Exception {
        Path file = Files.write(dir.resolve("invoice.pdf"), "%PDF-1.4 test".getBytes());
        String id = viaSmtp().send(message("Offline message from Ada — Shop",
                List.of(new MailAttachment("invoice.pdf", "application/pdf", file))));
        assertEquals("<offline-42@chat-website>", id);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals("<offline-42@chat-website>", m.getMessageID());
        assertEquals("chat@host.example", ((InternetAddress) m.getFrom()[0]).getAddress());
        assertEquals("ada@example.com", ((InternetAddress) m.getReplyTo()[0]).getAddress());
        assertEquals("Offline message from Ada — Shop", m.getSubject());
        Multipart mixed = (Multipart) m.getContent();
        assertEquals(2, mixed.getCount());
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertEquals("Hello\nfrom Ada", alternative.getBodyPart(0).getContent().toString().replace("\r\n", "\n"));
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        BodyPart attachment = mixed.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertEquals("invoice.pdf", attachment.getFileName());
        assertTrue(attachment.isMimeType("application/pdf"));
        try (InputStream in = attachment.getInputStream()) {
            assertArrayEquals("%PDF-1.4 test".getBytes(), in.readAllBytes());
        }
    }

    @Test
    void headerInjectionIsRefusedBeforeAnythingIsSent() {
        HostMailService mail = viaSmtp();
        for (String bad : new String[] {"Hi\r\nBcc: evil@x", "Hi\nBcc: evil@x", "Hi\u0085Bcc", "Hi\u2028Bcc"}) {
            assertThrows(IllegalArgumentException.class, () -> mail.send(message(bad, List.of())), bad);
        }
        MailMessage badReplyTo = new MailMessage(Optional.empty(), List.of("support@shop.example"),
                Optional.of("ada@example.com\r\nBcc: evil@x"), "Hi", "body", Optional.empty(), List.of());
        assertThrows(IllegalArgumentException.class, () -> mail.send(badReplyTo));
        assertThrows(IllegalArgumentException.class, () -> mail.send(message("x".repeat(251), List.of())));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void unreachableSmtpIsADeliveryFailureTheCallerCanRetry() {
        HostMailService mail = new HostMailService(Optional.of(new SmtpSettings("localhost", 1, Optional.empty(),
                Optional.empty(), "chat@host.example")), dir, jdbc, Clock.systemUTC());
        assertThrows(MailDeliveryException.class, () -> mail.send(message("Hi", List.of())));
    }

    @Test
    void withoutSmtpTheMailIsWrittenAsAnEmlFile() throws Exception {
        HostMailService mail = new HostMailService(Optional.empty(), dir, jdbc, Clock.systemUTC());
        mail.send(message("Dropped", List.of()));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("mail"))) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        assertTrue(files.get(0).toString().endsWith(".eml"));
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals("Dropped", m.getSubject());
            assertEquals("<offline-42@chat-website>", m.getMessageID());
        }
    }

    @Test
    void openingTheSameInteractionTwiceKeepsOne() throws Exception {
        HostMailService mail = viaSmtp();
        Path file = Files.write(dir.resolve("a.txt"), "attached".getBytes());
        MailInteraction interaction = new MailInteraction(Optional.of("<offline-7@chat-website>"), "ada@example.com",
                "inbox@shop.example", "Broken order", "Order 12 arrived broken.",
                List.of(new MailAttachment("a.txt", "text/plain", file)));
        String first = mail.openInteraction(interaction);
        String second = mail.openInteraction(interaction);
        assertEquals(first, second);
        List<MailInteractionRecord> all = mail.interactions();
        assertEquals(1, all.size());
        MailInteractionRecord r = all.get(0);
        assertEquals("ada@example.com", r.from());
        assertEquals("Broken order", r.subject());
        assertEquals(1, r.attachments().size());
        assertEquals("attached", Files.readString(Path.of(r.attachments().get(0).path())));
        assertThrows(IllegalArgumentException.class, () -> mail.openInteraction(new MailInteraction(Optional.empty(),
                "not an address", "inbox@shop.example", "s", "b", List.of())));
    }
}
