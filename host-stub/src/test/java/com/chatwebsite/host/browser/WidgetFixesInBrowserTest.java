package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostConfig.SmtpSettings;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
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

/**
 * The widget fixes of issue 15 in Chromium: the video link once and after a reload, the panel
 * reopened after a reload, errors cleared once corrected, "all agents busy" at the limit, the
 * transcript offered at close, and the builder's preview in the widget's own look.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetFixesInBrowserTest {

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
        host = HostStub.start(TestHost.config(dir, Optional.empty(), Optional.of(new SmtpSettings("127.0.0.1", port,
                Optional.empty(), Optional.empty(), "chat@host.example"))), Clock.systemUTC());
        api = new ChatApi(host);
        base = host.baseUrl().toString().replaceAll("/$", "");
        site = api.createWebsite(website(10));
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    static ObjectNode website(int cap) {
        ObjectNode json = ChatApi.website("Demo shop");
        json.withArray("origins").add(base);
        json.put("maxConcurrentSessions", cap);
        json.set("videoCall", ChatApi.json("{\"enabled\":true,\"provider\":\"link\","
                + "\"linkTemplate\":\"https://meet.example.org/{room}\"}"));
        return json;
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

    private static String startChat(Browser customer) {
        customer.driver.get(base + "/demo/");
        customer.click("button.cw-launcher");
        String online = "form.cw-form[data-kind='online'] ";
        customer.type(online + "[name='name']", "Ada");
        customer.type(online + "[name='email']", "ada@example.com");
        customer.click(online + "button.cw-submit");
        customer.visible(".cw-messages");
        return (String) ((JavascriptExecutor) customer.driver).executeScript(
                "return JSON.parse(sessionStorage.getItem('cw-session:" + site.key() + "')).id;");
    }

    @Test
    @Order(1)
    void aFieldsErrorClearsAsSoonAsItIsCorrected() {
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            String online = "form.cw-form[data-kind='online'] ";
            customer.click(online + "button.cw-submit");
            customer.visible(online + "[data-field='name'] .cw-error");
            customer.visible(online + "[data-field='email'] .cw-error");
            customer.type(online + "[name='name']", "Ada");
            customer.until(d -> d.findElements(By.cssSelector(online + "[data-field='name'] .cw-error")).isEmpty());
            assertEquals(null, customer.visible(online + "[name='name']").getAttribute("aria-invalid"));
            customer.type(online + "[name='email']", "ada@");
            assertFalse(customer.driver.findElements(By.cssSelector(online + "[data-field='email'] .cw-error")).isEmpty(),
                    "not yet a valid address: the error stays");
            customer.type(online + "[name='email']", "example.com");
            customer.until(d -> d.findElements(By.cssSelector(online + "[data-field='email'] .cw-error")).isEmpty());
        }
    }

    @Test
    @Order(2)
    void theVideoLinkShowsOnceAsALinkAndSurvivesAReloadWithThePanelOpen() {
        try (Browser customer = Browser.start()) {
            String id = startChat(customer);
            assertEquals(200, api.agent("POST", "/interactions/" + id + "/accept", null).status());
            Http.Reply video = api.agent("POST", "/interactions/" + id + "/video-call", null);
            assertEquals(201, video.status(), video.body());
            String url = video.json().get("url").asText();
            customer.until(d -> d.findElements(By.cssSelector("a.cw-video")).size() == 1);
            assertLinkOnce(customer, url);

            customer.driver.navigate().refresh();
            customer.until(d -> d.findElements(By.cssSelector("a.cw-video")).size() == 1);
            assertTrue(customer.visible(".cw-panel").isDisplayed(), "the panel that was open is open again");
            assertLinkOnce(customer, url);

            customer.click(".cw-minimize");
            customer.driver.navigate().refresh();
            customer.visible("button.cw-launcher");
            customer.until(d -> d.findElements(By.cssSelector("a.cw-video")).size() == 1);
            assertFalse(customer.driver.findElement(By.cssSelector(".cw-panel")).isDisplayed(),
                    "a closed panel stays closed");
            assertEquals(200, api.agent("POST", "/interactions/" + id + "/close", "{\"disposition\":\"Solved\"}")
                    .status());
        }
    }

    private static void assertLinkOnce(Browser customer, String url) {
        List<WebElement> links = customer.driver.findElements(By.cssSelector("a.cw-video"));
        assertEquals(1, links.size());
        assertEquals(url, links.get(0).getAttribute("href"));
        String text = customer.driver.findElement(By.cssSelector(".cw-messages")).getText();
        assertFalse(text.contains(url), "no raw URL beside the link: " + text);
    }

    @Test
    @Order(3)
    void atTheCloseTheCustomerAsksForTheTranscriptWithTheFormsAddress() throws Exception {
        try (Browser customer = Browser.start()) {
            String id = startChat(customer);
            assertEquals(200, api.agent("POST", "/interactions/" + id + "/accept", null).status());
            assertEquals(200, api.agent("POST", "/interactions/" + id + "/close", "{\"disposition\":\"Solved\"}")
                    .status());
            String form = "form.cw-transcript ";
            assertEquals("ada@example.com", customer.visible(form + "input[name='email']").getAttribute("value"));
            customer.driver.findElement(By.cssSelector(form + "input[name='email']")).clear();
            customer.type(form + "input[name='email']", "bad");
            customer.click(form + "button.cw-submit");
            customer.visible(form + "[data-field='email'] .cw-error");
            customer.driver.findElement(By.cssSelector(form + "input[name='email']")).clear();
            customer.type(form + "input[name='email']", "ada.copy@example.com");
            customer.click(form + "button.cw-submit");
            customer.until(d -> customer.visible(".cw-transcript-sent").getText().contains("ada.copy@example.com"));
            Poll.until(Browser.WAIT, "the transcript arrives", () -> smtp.getReceivedMessages().length == 1);
            assertEquals("ada.copy@example.com",
                    ((InternetAddress) smtp.getReceivedMessages()[0].getAllRecipients()[0]).getAddress());
        }
    }

    @Test
    @Order(4)
    void thePreviewIsTheWidgetsFormWithItsButtonAndLanguage() {
        String body = "{\"sections\":[{\"type\":\"input\",\"name\":\"name\",\"label\":\"Nome\",\"required\":true}]}";
        Http.Reply online = api.http.send("POST", ChatApi.PLUGIN + "/api/forms/preview?kind=online&lang=it&color=%23ff0000",
                TestHost.ADMIN_TOKEN, body);
        assertEquals(200, online.status(), online.body());
        Http.Reply offline = api.http.send("POST", ChatApi.PLUGIN + "/api/forms/preview?kind=offline",
                TestHost.ADMIN_TOKEN, body);
        assertEquals(400, api.http.send("POST", ChatApi.PLUGIN + "/api/forms/preview?kind=nope", TestHost.ADMIN_TOKEN,
                body).status());
        try (Browser admin = Browser.start(); Browser customer = Browser.start()) {
            admin.driver.get("data:text/html;base64," + Base64.getEncoder().encodeToString(
                    online.body().getBytes(StandardCharsets.UTF_8)));
            WebElement button = admin.visible("form.cw-form[data-kind='online'] button.cw-submit");
            assertEquals("Inizia la chat", button.getText());
            assertEquals("rgba(255, 0, 0, 1)", button.getCssValue("background-color"));
            admin.driver.get("data:text/html;base64," + Base64.getEncoder().encodeToString(
                    offline.body().getBytes(StandardCharsets.UTF_8)));
            WebElement send = admin.visible("form.cw-form[data-kind='offline'] button.cw-submit");
            assertEquals("Send", send.getText());

            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            WebElement real = customer.visible("form.cw-form[data-kind='online'] button.cw-submit");
            for (String property : List.of("padding-top", "border-radius", "font-weight", "font-size", "font-family")) {
                assertEquals(real.getCssValue(property), send.getCssValue(property), property + " as in the widget");
            }
        }
    }

    @Test
    @Order(5)
    void atTheLimitTheWidgetSaysAllAgentsAreBusy() {
        assertEquals(200, api.updateWebsite(site, website(1)).status());
        api.openSession(site.key());
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            String notice = customer.visible("form.cw-form[data-kind='offline'] .cw-notice").getText();
            assertTrue(notice.contains("All our agents are busy"), notice);
            assertFalse(notice.contains("offline"), notice);
        }
    }
}
