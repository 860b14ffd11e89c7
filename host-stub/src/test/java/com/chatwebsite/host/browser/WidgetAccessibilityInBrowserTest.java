package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
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
 * axe-core in Chromium on every state of the widget on the demo site — the pre-chat form, its errors,
 * waiting in the queue, the active chat with messages, files and the agent typing, the ended chat
 * with the rating and transcript offer, their errors, the rating's thanks, the offline form and its
 * confirmation — and on the form builder's preview: no serious or critical violation in any.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetAccessibilityInBrowserTest {

    static final String WIDGET = "#cw-widget";

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static Site site;
    static String base;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        host = TestHost.start(dir);
        api = new ChatApi(host);
        base = host.baseUrl().toString().replaceAll("/$", "");
        site = api.createWebsite(website());
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    static ObjectNode website() {
        ObjectNode json = ChatApi.website("Demo shop");
        json.withArray("origins").add(base);
        json.set("offline", ChatApi.json("{\"forwardTo\":\"support@shop.example.com\"}"));
        return json;
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void everyStateOfALiveChatPassesAxe() throws Exception {
        api.openSession(site.key()); // a customer ahead in the queue
        Path pdf = Files.write(dir.resolve("report.pdf"),
                "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.visible("button.cw-launcher");
            Axe.assertNoSeriousOrCritical(customer.driver, "demo page with the widget's launcher");

            customer.click("button.cw-launcher");
            String online = "form.cw-form[data-kind='online'] ";
            customer.visible(online + "[name='name']");
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: form", WIDGET);

            customer.click(online + "button.cw-submit");
            customer.visible(online + "[data-field='email'] .cw-error");
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: errors", WIDGET);

            customer.type(online + "[name='name']", "Ada");
            customer.type(online + "[name='email']", "ada@example.com");
            customer.click(online + "button.cw-submit");
            customer.until(d -> customer.visible(".cw-state").getText().equals("You are number 2 in the queue"));
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: waiting, with the queue position", WIDGET);

            String id = (String) script(customer, "return JSON.parse(sessionStorage.getItem('cw-session:"
                    + site.key() + "')).id;");
            assertEquals(200, api.agent("POST", "/interactions/" + id + "/accept", null).status());
            customer.until(d -> customer.visible(".cw-state").getText().contains("joined"));
            assertEquals(201, api.agent("POST", "/interactions/" + id + "/messages",
                    "{\"text\":\"Hello Ada, how can I help?\"}").status());
            customer.visible(".cw-message[data-from='agent'] .cw-text");
            customer.type("textarea.cw-input", "Where is my order?");
            customer.click("button.cw-send");
            customer.visible(".cw-message[data-from='customer'][data-seq]");
            WebElement input = customer.until(d -> d.findElement(By.cssSelector(WIDGET + " .cw-composer input[type=file]")));
            script(customer, "arguments[0].hidden = false;", input);
            input.sendKeys(pdf.toString());
            script(customer, "arguments[0].hidden = true;", input);
            customer.visible(".cw-message[data-from='customer']:not(.cw-pending) button.cw-dl");
            Http.Reply sent = agentFile(id, "invoice.pdf", Files.readAllBytes(pdf));
            assertTrue(sent.status() < 300, sent.body());
            customer.visible(".cw-message[data-from='agent'] button.cw-dl");
            long last = (Long) script(customer, "return Math.max.apply(null, [].map.call(document.querySelectorAll("
                    + "'.cw-message[data-from=customer][data-seq]'), function (x) { return +x.getAttribute('data-seq'); }));");
            Http.Reply read = api.agent("POST", "/interactions/" + id + "/read", "{\"seq\":" + last + "}");
            assertTrue(read.status() < 300, read.body());
            customer.until(d -> customer.visible(".cw-message[data-from='customer'] .cw-seen").getText().equals("Seen"));
            Http.Reply typing = api.agent("POST", "/interactions/" + id + "/typing", "{\"typing\":true}");
            assertTrue(typing.status() < 300, typing.body());
            customer.until(d -> customer.visible(".cw-typing").getText().contains("typing"));
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: active, with messages, files, Seen and typing", WIDGET);

            Http.Reply closed = api.agent("POST", "/interactions/" + id + "/close", "{\"disposition\":\"Solved\"}");
            assertTrue(closed.status() < 300, closed.body());
            customer.visible("form.cw-rate");
            customer.visible("form.cw-transcript input[name='email']");
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: closed, rating and transcript offered", WIDGET);

            customer.click("form.cw-rate button.cw-rate-send");
            customer.until(d -> customer.visible("form.cw-rate .cw-error").getText().contains("1 to 5"));
            customer.driver.findElement(By.cssSelector("form.cw-transcript input[name='email']")).clear();
            customer.click("form.cw-transcript button.cw-submit");
            customer.visible("form.cw-transcript [data-field='email'] .cw-error");
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: rating and transcript, with their errors", WIDGET);

            customer.click("form.cw-rate .cw-star:nth-child(4)");
            customer.click("form.cw-rate button.cw-rate-send");
            customer.visible(".cw-thanks");
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: rated", WIDGET);
        }
    }

    @Test
    @Order(2)
    void theOfflineFormItsErrorsAndItsConfirmationPassAxe() {
        ObjectNode closed = website();
        closed.putArray("closedDates").add(LocalDate.now(ZoneOffset.UTC).toString())
                .add(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        assertEquals(200, api.updateWebsite(site, closed).status());
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            String offline = "form.cw-form[data-kind='offline'] ";
            customer.visible(offline + ".cw-notice");
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: offline form", WIDGET);

            customer.click(offline + "button.cw-submit");
            customer.visible(offline + "[data-field='message'] .cw-error");
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: offline form, with errors", WIDGET);

            customer.type(offline + "[name='name']", "Ada");
            customer.type(offline + "[name='email']", "ada@example.com");
            customer.type(offline + "[name='message']", "Please call me back.");
            customer.click(offline + "button.cw-submit");
            customer.visible(".cw-sent");
            Axe.assertNoSeriousOrCritical(customer.driver, "widget: offline message sent", WIDGET);
        } finally {
            assertEquals(200, api.updateWebsite(site, website()).status());
        }
    }

    @Test
    @Order(3)
    void theFormBuildersPreviewPassesAxe() {
        try (Browser admin = Browser.start()) {
            admin.driver.get(base + "/admin/");
            admin.type("#token", TestHost.ADMIN_TOKEN);
            admin.click("#login");
            admin.click(".website[data-id='" + site.id() + "']");
            new Select(admin.visible("#form-kind")).selectByValue("online");
            String html = admin.until(d -> {
                String doc = String.valueOf(d.findElement(By.id("preview")).getAttribute("srcdoc"));
                return doc.contains("cw-submit") ? doc : null;
            });
            // The frame is sandboxed without scripts: axe can be injected there but its run never completes,
            // so the same document is checked as a page of its own (WebDriver's scripts pass its CSP).
            admin.driver.get("data:text/html;base64," + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
            admin.visible("form.cw-form[data-kind='online'] button.cw-submit");
            Axe.assertNoSeriousOrCritical(admin.driver, "form builder preview: online form");
        }
    }

    /** The agent sends a file, as the console does: one multipart part named file. */
    private static Http.Reply agentFile(String id, String name, byte[] content) {
        String boundary = "----cwaxe" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.http.send(api.http.builder("/api/agent/interactions/" + id + "/files", TestHost.AGENT_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static Object script(Browser b, String js, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(js, args);
    }
}
