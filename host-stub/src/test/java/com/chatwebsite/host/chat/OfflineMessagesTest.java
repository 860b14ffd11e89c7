package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostConfig.SmtpSettings;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline messages reach the company by e-mail and the host's mail channel, through SMTP outages and restarts. */
class OfflineMessagesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OFFLINE_FORM = "["
            + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\",\"required\":true,\"mapTo\":{\"contact\":\"firstName\"}},"
            + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true,"
            + "\"mapTo\":{\"contact\":\"email\"}},"
            + "{\"type\":\"input\",\"name\":\"subject\",\"label\":\"Subject\",\"required\":true},"
            + "{\"type\":\"textarea\",\"name\":\"message\",\"label\":\"Message\",\"required\":true},"
            + "{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Files\",\"accept\":\".pdf\"}]";
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
    }

    @AfterEach
    void stop() {
        host.close();
        smtp.stop();
    }

    private Site website() {
        ObjectNode json = ChatApi.website("Shop");
        json.set("offline", ChatApi.json("{\"forwardTo\":\"support@shop.example.com\","
                + "\"openInteraction\":{\"to\":\"inbox@shop.example.com\",\"subjectField\":\"subject\"}}"));
        Site site = api.createWebsite(json);
        assertEquals(200, api.putForm(site, "offline", OFFLINE_FORM).status());
        return site;
    }

    private Http.Reply submit(Site site, String name, String subject, String message, String uploadId) {
        ObjectNode fields = ChatApi.json("{}").deepCopy();
        fields.put("name", name).put("email", "ada@example.com").put("subject", subject).put("message", message);
        if (uploadId != null) {
            fields.putArray("files").add(uploadId);
        }
        return api.widget("POST", site.key(), "/offline", "{\"fields\":" + fields + "}", null);
    }

    @Test
    void anOfflineMessageIsForwardedAndOpensAnEmailInteraction() throws Exception {
        Site site = website();
        String uploadId = api.upload(site.key(), "offline", "files", "order.pdf", PDF).json().get("uploadId").asText();
        Http.Reply r = submit(site, "Ada Lovelace", "Broken order", "It arrived <script>alert(1)</script> broken", uploadId);
        assertEquals(202, r.status(), r.body());
        String id = r.json().get("interactionId").asText();

        Poll.until(WAIT, "the forward arrives", () -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("chat@host.example", ((InternetAddress) mail.getFrom()[0]).getAddress());
        assertEquals("support@shop.example.com", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        assertEquals("ada@example.com", ((InternetAddress) mail.getReplyTo()[0]).getAddress());
        assertEquals("Offline message from Ada Lovelace – Shop", mail.getSubject());
        assertEquals("<offline-" + id + ".forward@chat-website>", mail.getMessageID());
        Multipart mixed = (Multipart) mail.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        for (String value : List.of("Ada Lovelace", "ada@example.com", "Broken order", "It arrived <script>")) {
            assertTrue(text.contains(value), value + " in " + text);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        BodyPart attachment = mixed.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertEquals("order.pdf", attachment.getFileName());
        assertEquals(new String(PDF, StandardCharsets.US_ASCII),
                new String(attachment.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));

        Poll.until(WAIT, "the e-mail interaction opens", () -> api.http.get("/api/interactions?channel=mail",
                TestHost.ADMIN_TOKEN).json().size() == 1);
        JsonNode interactions = api.http.get("/api/interactions?channel=mail", TestHost.ADMIN_TOKEN).json();
        JsonNode opened = interactions.get(0);
        assertEquals("ada@example.com", opened.get("from").asText());
        assertEquals("inbox@shop.example.com", opened.get("to").asText());
        assertEquals("Broken order", opened.get("subject").asText());
        assertTrue(opened.get("body").asText().contains("It arrived"));
        assertEquals("order.pdf", opened.get("attachments").get(0).get("name").asText());

        JsonNode item = api.supervisor(site, "offline").get(0);
        assertEquals(id, item.get("id").asText());
        assertEquals("offline", item.get("state").asText());
        Poll.until(WAIT, "both deliveries are recorded", () -> delivered(site, id) == 2);
        assertEquals(1, host.services().contacts().findByField("email", "ada@example.com").size());
        assertEquals(item.get("contactId").asText(),
                host.services().contacts().findByField("email", "ada@example.com").get(0).id());
    }

    @Test
    void lineBreaksNeverReachAHeader() throws Exception {
        Site site = website();
        Http.Reply refused = submit(site, "Eve\u2028Bcc: spy@evil.example", "Hello\r\nBcc: spy@evil.example\u0085X: y",
                "body", null);
        assertEquals(400, refused.status(), refused.body());
        List<String> atFault = new java.util.ArrayList<>();
        refused.json().get("fields").forEach(f -> atFault.add(f.get("field").asText() + "/" + f.get("rule").asText()));
        assertEquals(List.of("name/control", "subject/control"), atFault, "names and subjects are one line");
        assertEquals(0, api.supervisor(site, "offline").size(), "nothing was stored");

        // Where a form lets lines through (a text area the forward's subject quotes), the header still gets one line.
        Site lines = website();
        assertEquals(200, api.putForm(lines, "offline", "["
                + "{\"type\":\"textarea\",\"name\":\"name\",\"label\":\"Name\",\"required\":true},"
                + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true},"
                + "{\"type\":\"input\",\"name\":\"subject\",\"label\":\"Subject\"},"
                + "{\"type\":\"textarea\",\"name\":\"message\",\"label\":\"Message\",\"required\":true}]").status());
        Http.Reply r = submit(lines, "Eve\r\nBcc: spy@evil.example\u2028X: y", "", "body", null);
        assertEquals(202, r.status(), r.body());
        Poll.until(WAIT, "the forward arrives", () -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals(1, mail.getAllRecipients().length);
        assertNull(mail.getHeader("Bcc"));
        assertNull(mail.getHeader("X"));
        assertFalse(mail.getSubject().contains("\n"));
        Poll.until(WAIT, "the interaction opens", () -> api.http.get("/api/interactions?channel=mail",
                TestHost.ADMIN_TOKEN).json().size() == 1);
        String subject = api.http.get("/api/interactions?channel=mail", TestHost.ADMIN_TOKEN).json().get(0)
                .get("subject").asText();
        assertEquals("Offline message from Eve Bcc: spy@evil.example X: y – Shop", subject);
        Http.Reply longSubject = submit(lines, "Ada", "x".repeat(900), "body", null);
        assertEquals(202, longSubject.status());
        Poll.until(WAIT, "the second interaction opens", () -> api.http.get("/api/interactions?channel=mail",
                TestHost.ADMIN_TOKEN).json().size() == 2);
        for (JsonNode i : api.http.get("/api/interactions?channel=mail", TestHost.ADMIN_TOKEN).json()) {
            assertTrue(i.get("subject").asText().length() <= 200);
        }
    }

    @Test
    void withSmtpDownSubmissionsAreAcceptedAndEachArrivesOnceWhenItIsBack() {
        Site site = website();
        smtp.stop();
        int n = 5;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Http.Reply r = submit(site, "Ada " + i, "Subject " + i, "Message " + i, null);
            assertEquals(202, r.status(), r.body());
            ids.add(r.json().get("interactionId").asText());
        }
        Poll.until(WAIT, "the first attempts fail and are recorded", () -> failures(site) >= n);
        JsonNode failing = api.supervisor(site, "offline").get(0).get("deliveries");
        assertTrue(failing.toString().contains("lastError"), failing.toString());
        assertFalse(failing.get(0).get("lastError").isNull(), failing.toString());

        smtp.start();
        clock.advance(Duration.ofMinutes(11));
        Poll.until(WAIT, "all forwards arrive", () -> smtp.getReceivedMessages().length >= n);
        Poll.until(WAIT, "all are recorded as delivered", () -> ids.stream().allMatch(id -> delivered(site, id) == 2));
        clock.advance(Duration.ofMinutes(11));
        assertEquals(n, smtp.getReceivedMessages().length, "exactly one mail per message");
        assertEquals(n, api.http.get("/api/interactions?channel=mail", TestHost.ADMIN_TOKEN).json().size());
    }

    @Test
    void aHostRestartDuringTheOutageLosesNothing() {
        Site site = website();
        smtp.stop();
        for (int i = 0; i < 3; i++) {
            assertEquals(202, submit(site, "Ada " + i, "Subject " + i, "Message " + i, null).status());
        }
        host.close();
        startHost();
        smtp.start();
        clock.advance(Duration.ofMinutes(11));
        Poll.until(WAIT, "the three forwards arrive after the restart", () -> smtp.getReceivedMessages().length == 3);
        assertEquals(3, api.supervisor(site, "offline").size());
    }

    @Test
    void badOfflineInputIsRefusedAndStoresNothing() {
        Site site = website();
        assertEquals(404, api.widget("POST", "nope", "/offline", "{\"fields\":{}}", null).status());
        Http.Reply r = api.widget("POST", site.key(), "/offline", "{\"fields\":{\"name\":\"Ada\",\"email\":\"bad\"}}", null);
        assertEquals(400, r.status());
        Set<String> fields = new HashSet<>();
        r.json().get("fields").forEach(f -> fields.add(f.get("field").asText()));
        assertEquals(Set.of("email", "subject", "message"), fields);
        assertEquals(400, api.widget("POST", site.key(), "/offline", "{\"fields\":", null).status());
        assertEquals(400, api.widget("POST", site.key(), "/offline", "{\"fields\":{},\"extra\":1}", null).status());
        assertEquals(0, api.supervisor(site, "offline").size());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void anUnmanagedChatLeadsToAnOfflineMessageLinkedToIt() {
        Site site = website();
        Http.Reply open = api.open(site.key(), "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
        assertEquals("Unmanaged", open.json().get("disposition").asText());
        String sessionId = open.json().get("sessionId").asText();
        String body = "{\"sessionId\":\"" + sessionId + "\",\"fields\":{\"name\":\"Ada\",\"email\":\"ada@example.com\","
                + "\"subject\":\"Nobody answered\",\"message\":\"Call me\"}}";
        assertEquals(404, api.widget("POST", site.key(), "/offline", body, "wrong-token").status());
        Http.Reply r = api.widget("POST", site.key(), "/offline", body, open.json().get("token").asText());
        assertEquals(202, r.status(), r.body());
        assertEquals(sessionId, api.supervisor(site, "offline").get(0).get("sessionId").asText());
        assertEquals(2, api.supervisor(site, null).size(), "the unmanaged chat and the offline message");
    }

    @Test
    void eachDeliveryShowsHowManyTimesItsHandlerWasCalled() {
        Site site = website();
        String first = submit(site, "Ada", "First try", "Hello", null).json().get("interactionId").asText();
        Poll.until(WAIT, "both deliveries of the first message succeed", () -> delivered(site, first) == 2);
        for (JsonNode d : item(site, first).get("deliveries")) {
            assertEquals(1, d.get("attempts").asInt(), "delivered at the first attempt: " + d);
        }

        smtp.stop();
        String second = submit(site, "Bob", "Second try", "Hello", null).json().get("interactionId").asText();
        Poll.until(WAIT, "the forward fails once", () -> forwardOf(site, second).get("attempts").asInt() == 1);
        assertEquals("pending", forwardOf(site, second).get("state").asText());
        smtp.start();
        clock.advance(Duration.ofMinutes(11));
        Poll.until(WAIT, "the retry delivers it", () -> "delivered".equals(forwardOf(site, second).get("state").asText()));
        assertEquals(2, forwardOf(site, second).get("attempts").asInt(), "one failure, then the success");
    }

    private JsonNode item(Site site, String id) {
        for (JsonNode item : api.supervisor(site, "offline")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no offline item " + id);
    }

    private JsonNode forwardOf(Site site, String id) {
        for (JsonNode d : item(site, id).get("deliveries")) {
            if (d.get("handler").asText().equals("forward-offline")) {
                return d;
            }
        }
        throw new AssertionError("no forward of " + id);
    }

    private int delivered(Site site, String id) {
        for (JsonNode item : api.supervisor(site, "offline")) {
            if (item.get("id").asText().equals(id)) {
                int n = 0;
                for (JsonNode d : item.get("deliveries")) {
                    n += d.get("state").asText().equals("delivered") ? 1 : 0;
                }
                return n;
            }
        }
        return 0;
    }

    private int failures(Site site) {
        int n = 0;
        for (JsonNode item : api.supervisor(site, "offline")) {
            for (JsonNode d : item.get("deliveries")) {
                n += d.get("handler").asText().equals("forward-offline") && d.get("attempts").asInt() > 0 ? 1 : 0;
            }
        }
        return n;
    }
}
