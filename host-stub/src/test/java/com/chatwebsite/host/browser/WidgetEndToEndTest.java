package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostConfig.SmtpSettings;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What people see, in headless Chromium: the admin builds the form, a customer chats with an agent
 * on the demo site, XSS payloads stay text, and the offline form with an attachment reaches SMTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetEndToEndTest {

    static final String XSS_NAME = "<img src=x onerror=\"window.__xss=1\">";
    static final String XSS_MESSAGE = "<script>window.__xss=2</script><b>bold?</b>";
    static final String XSS_REPLY = "<img src=x onerror=\"window.__xss=3\">";
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    static GreenMail smtp;
    static HostStub host;
    static ChatApi api;
    static Site site;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HostConfig config = TestHost.config(dir, Optional.empty(), Optional.of(new SmtpSettings("127.0.0.1", port,
                Optional.empty(), Optional.empty(), "chat@host.example")));
        host = HostStub.start(config, Clock.systemUTC());
        api = new ChatApi(host);
        base = host.baseUrl().toString();
        ObjectNode json = ChatApi.website("Demo shop");
        json.withArray("origins").add(base);
        json.set("offline", ChatApi.json("{\"forwardTo\":\"support@shop.example.com\"}"));
        json.set("videoCall", ChatApi.json("{\"enabled\":true,\"provider\":\"link\","
                + "\"linkTemplate\":\"https://meet.example.org/{room}\"}"));
        site = api.createWebsite(json);
        assertEquals(200, api.putForm(site, "offline", "[{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\","
                + "\"required\":true},{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":"
                + "\"email\",\"required\":true},{\"type\":\"textarea\",\"name\":\"message\",\"label\":\"Message\","
                + "\"required\":true},{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Files\","
                + "\"accept\":\".pdf\"}]").status());
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void anAdminAddsAFieldAndSeesItInThePreviewAndInTheWidget() {
        try (Browser admin = Browser.start(); Browser customer = Browser.start()) {
            admin.driver.get(base + "/admin/");
            admin.type("#token", TestHost.ADMIN_TOKEN);
            admin.click("#login");
            admin.click(".website[data-id='" + site.id() + "']");
            new Select(admin.visible("#form-kind")).selectByValue("online");
            admin.click("#add-field");
            new Select(admin.visible("#field-editor [name='type']")).selectByValue("input");
            admin.type("#field-editor [name='name']", "order");
            admin.type("#field-editor [name='label']", "Order number");
            admin.click("#apply-field");
            admin.until(d -> String.valueOf(d.findElement(By.id("preview")).getAttribute("srcdoc"))
                    .contains("Order number"));
            admin.click("#save-form");
            Poll.until(Browser.WAIT, "the form is saved", () -> api.http.get(ChatApi.PLUGIN + "/api/websites/"
                    + site.id() + "/forms/online", TestHost.ADMIN_TOKEN).body().contains("Order number"));
            admin.screenshot(SHOTS.resolve("admin.png"));

            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            customer.visible("form.cw-form[data-kind='online'] [name='order']");
            customer.screenshot(SHOTS.resolve("widget-form.png"));
        }
    }

    @Test
    @Order(2)
    void aCustomerChatsWithAnAgentAndPayloadsStayText() {
        try (Browser customer = Browser.start(); Browser agent = Browser.start()) {
            agent.driver.get(base + "/agent/");
            agent.type("#token", TestHost.AGENT_TOKEN);
            agent.click("#login");
            WebElement available = agent.visible("#available");
            if (!available.isSelected()) {
                available.click();
            }
            Poll.until(Browser.WAIT, "the agent is available", () -> host.router().isAvailable(TestHost.AGENT));

            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            String online = "form.cw-form[data-kind='online'] ";
            customer.type(online + "[name='name']", XSS_NAME);
            customer.type(online + "[name='email']", "ada@example.com");
            customer.click(online + "button.cw-submit");
            customer.visible(".cw-messages");

            agent.until(d -> agent.visible("#offers .offer").getText().contains(XSS_NAME));
            agent.click("#offers .offer button.accept");
            agent.visible("#chat");

            customer.type("textarea.cw-input", XSS_MESSAGE);
            customer.click("button.cw-send");
            agent.until(d -> agent.visible("#messages .msg[data-from='customer']").getText().contains(XSS_MESSAGE));

            agent.type("#reply", XSS_REPLY);
            agent.click("#send");
            customer.until(d -> customer.visible(".cw-message[data-from='agent'] .cw-text").getText().equals(XSS_REPLY));
            agent.click("#video");
            String agentLink = agent.visible("a#video-link").getAttribute("href");
            assertTrue(agentLink.startsWith("https://meet.example.org/chat-"), agentLink);
            assertEquals(agentLink, customer.visible("a.cw-video").getAttribute("href"),
                    "the link provider gives both the same room");
            customer.screenshot(SHOTS.resolve("widget-chat.png"));
            agent.screenshot(SHOTS.resolve("agent.png"));

            assertNull(((JavascriptExecutor) customer.driver).executeScript("return window.__xss;"));
            assertNull(((JavascriptExecutor) agent.driver).executeScript("return window.__xss;"));
            assertTrue(customer.driver.findElements(By.cssSelector("#cw-widget img[src='x']")).isEmpty());
            assertTrue(agent.driver.findElements(By.cssSelector("img[src='x'], #messages b")).isEmpty());

            new Select(agent.visible("#disposition")).selectByVisibleText("Solved");
            agent.click("#close");
            customer.visible(".cw-new");
        }
    }

    @Test
    @Order(3)
    void anOfflineFormWithAnAttachmentReachesTheCompanysMailbox() throws Exception {
        ObjectNode closed = ChatApi.website("Demo shop");
        closed.withArray("origins").add(base);
        closed.set("offline", ChatApi.json("{\"forwardTo\":\"support@shop.example.com\"}"));
        closed.putArray("closedDates").add(LocalDate.now(ZoneOffset.UTC).toString())
                .add(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        assertEquals(200, api.updateWebsite(site, closed).status());
        Path pdf = Files.write(dir.resolve("receipt.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            String offline = "form.cw-form[data-kind='offline'] ";
            customer.type(offline + "[name='name']", "Ada <b>Lovelace</b>");
            customer.type(offline + "[name='email']", "ada@example.com");
            customer.type(offline + "[name='message']", "Please call me back.");
            customer.until(d -> d.findElement(By.cssSelector(offline + "input[type=file][name='files']")))
                    .sendKeys(pdf.toString());
            customer.visible(".cw-file");
            customer.screenshot(SHOTS.resolve("widget-offline.png"));
            customer.click(offline + "button.cw-submit");
            customer.visible(".cw-sent");
        }
        Poll.until(Duration.ofSeconds(20), "the offline mail arrives", () -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertTrue(mail.getSubject().contains("Ada <b>Lovelace</b>"), mail.getSubject());
        Multipart mixed = (Multipart) mail.getContent();
        assertEquals("receipt.pdf", mixed.getBodyPart(1).getFileName());
        String html = (String) ((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(1).getContent();
        assertFalse(html.contains("<b>Lovelace"), html);
    }
}
