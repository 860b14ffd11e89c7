package com.chatwebsite.host.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin page's Webhooks and Privacy cards in Chromium: an endpoint added on the card to a
 * WireMock receiver shows its secret once, its delivery log shows the chat it was told about as
 * delivered, and it is disabled, given a new secret and removed; a contact found by e-mail is
 * exported as a downloaded JSON file holding its chat, then erased after the confirmation, with the
 * audit record shown and the export empty afterwards. axe-core finds no serious or critical problem
 * with both cards filled.
 */
class AdminPrivacyAndWebhooksInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static WireMockServer receiver;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook/admin")).willReturn(aResponse().withStatus(204)));
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    private static Browser signedIn() {
        Browser b = Browser.start();
        b.driver.get(host.baseUrl() + "/admin/#token=" + TestHost.ADMIN_TOKEN);
        b.visible("#website-section #website-fields .sf-group");
        b.visible("#privacy-section");
        return b;
    }

    private static void openWebsite(Browser admin, Site site) {
        admin.click("#websites button[data-id='" + site.id() + "']");
        admin.until(d -> !d.findElements(By.cssSelector("#websites button[data-id='" + site.id()
                + "'][aria-current='true']")).isEmpty());
        admin.visible("#webhooks-section");
    }

    /** Accepts the page's {@code window.confirm}, checking what it asks. */
    private static void confirm(Browser admin, String asks) {
        var alert = admin.until(ExpectedConditions.alertIsPresent());
        String text = alert.getText();
        alert.accept();
        assertTrue(text.contains(asks), text);
    }

    private static JsonNode webhooksOf(Site site) {
        Http.Reply r = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/webhooks", TestHost.ADMIN_TOKEN);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** A webhook row's button, by its accessible name: the visible label and the endpoint's URL. */
    private static String button(String label, String url) {
        return "#webhooks button[aria-label='" + label + " " + url + "']";
    }

    private static String rowText(Browser admin, String tbody) {
        return String.join("\n", admin.driver.findElements(By.cssSelector(tbody + " tr")).stream()
                .map(WebElement::getText).toList());
    }

    @Test
    void aWebhookIsAddedSeenDeliveringThenDisabledGivenANewSecretAndRemoved() {
        Site site = api.createWebsite(ChatApi.website("Hooks in the browser"));
        String url = "http://127.0.0.1:" + receiver.port() + "/hook/admin";
        try (Browser admin = signedIn()) {
            openWebsite(admin, site);
            admin.until(d -> rowText(admin, "#webhooks").contains("No webhooks yet."));

            // without "allow private targets" a loopback receiver is refused, and the reason is shown
            admin.type("#webhook-url", url);
            admin.click("#add-webhook");
            admin.until(d -> !admin.visible("#webhooks-errors").getText().isBlank());
            assertTrue(webhooksOf(site).isEmpty(), "nothing is stored on a refusal");

            admin.click("#webhook-private");
            admin.click("#add-webhook");
            String secret = admin.until(d -> {
                String s = admin.visible("#webhook-secret-value").getText();
                return s.isEmpty() ? null : s;
            });
            assertTrue(secret.startsWith("whsec_"), secret);
            assertEquals(url, admin.visible("#webhook-secret-for").getText());
            assertEquals("", admin.driver.findElement(By.id("webhooks-errors")).getText(), "the earlier refusal is cleared");
            admin.until(d -> rowText(admin, "#webhooks").contains(url));
            JsonNode stored = webhooksOf(site);
            assertEquals(1, stored.size(), stored.toString());
            assertTrue(stored.get(0).get("allowPrivateTargets").asBoolean());
            assertNull(stored.get(0).get("secret"), "the list never holds the secret");

            // the secret is not shown again once the page is loaded anew
            admin.driver.navigate().refresh();
            admin.visible("#website-section #website-fields .sf-group");
            openWebsite(admin, site);
            admin.until(d -> rowText(admin, "#webhooks").contains(url));
            assertFalse(admin.driver.findElement(By.id("webhook-secret")).isDisplayed());
            assertFalse(admin.driver.getPageSource().contains(secret), "the secret is nowhere in the page");

            // an event: the log shows its delivery, refreshed until it is delivered
            Session chat = api.openSession(site.key());
            Poll.until(WAIT, "the receiver gets chat.opened", () -> !receiver.findAll(postRequestedFor(
                    urlEqualTo("/hook/admin"))).isEmpty());
            new org.openqa.selenium.support.ui.WebDriverWait(admin.driver, WAIT).until(d -> {
                admin.click("#refresh-webhooks");
                return admin.driver.findElements(By.cssSelector("#webhook-log tr.wh-delivered")).size() == 1;
            });
            List<String> cells = admin.driver.findElements(By.cssSelector("#webhook-log tr.wh-delivered td")).stream()
                    .map(WebElement::getText).toList();
            assertEquals("chat.opened", cells.get(1), cells.toString());
            assertEquals(url, cells.get(2), "the log names the endpoint by its URL");
            assertEquals(List.of("delivered", "1", "204", ""), cells.subList(3, 7), cells.toString());
            assertEquals(chat.id(), ChatApi.json(receiver.findAll(postRequestedFor(urlEqualTo("/hook/admin")))
                    .get(0).getBodyAsString()).get("data").get("sessionId").asText());

            Axe.assertNoSeriousOrCritical(admin.driver, "admin: webhook card with an endpoint and a delivery, "
                    + "privacy card shown");

            // disabled with the keyboard: the row is drawn anew and its button keeps the focus, now to enable
            admin.visible(button("Disable", url)).sendKeys(Keys.ENTER);
            admin.until(d -> rowText(admin, "#webhooks").contains("off"));
            assertFalse(webhooksOf(site).get(0).get("enabled").asBoolean());
            WebElement enable = admin.visible(button("Enable", url));
            assertEquals("Enable", enable.getText());
            admin.until(d -> enable.equals(d.switchTo().activeElement()));

            // a new secret, shown once, different from the first
            admin.click(button("New secret", url));
            confirm(admin, "new secret");
            String rotated = admin.until(d -> {
                String s = admin.visible("#webhook-secret-value").getText();
                return s.isEmpty() || s.equals(secret) ? null : s;
            });
            assertTrue(rotated.startsWith("whsec_"), rotated);
            assertNotEquals(secret, rotated);

            // removed: gone from the card and from the server
            admin.visible(button("Remove", url)).sendKeys(Keys.ENTER);
            confirm(admin, url);
            admin.until(d -> rowText(admin, "#webhooks").contains("No webhooks yet."));
            assertTrue(webhooksOf(site).isEmpty());
            assertEquals("webhooks-section", admin.driver.switchTo().activeElement().getAttribute("id"),
                    "the focus stays on the card, not lost to the page");
        }
    }

    @Test
    void aContactFoundByEmailIsExportedAsAFileThenErasedWithItsAuditRecord() throws IOException {
        Site site = api.createWebsite(ChatApi.website("Privacy in the browser"));
        String email = "grace.browser@example.com";
        Http.Reply open = api.open(site.key(), "{\"name\":\"Grace <i>Hopper</i>\",\"email\":\"" + email + "\"}");
        assertEquals(201, open.status(), open.body());
        Session chat = new Session(site.key(), open.json().get("sessionId").asText(), open.json().get("token")
                .asText());
        assertEquals(201, api.say(chat, "grace asks about <b>COBOL</b>", "g-1").status());
        JsonNode found = api.http.get(ChatApi.PLUGIN + "/api/contacts?email=" + email, TestHost.ADMIN_TOKEN).json();
        assertEquals(1, found.get("contacts").size(), found.toString());
        String contactId = found.get("contacts").get(0).get("id").asText();

        Path downloads = dir.resolve("downloads");
        Files.createDirectories(downloads);
        try (Browser admin = signedIn()) {
            ((HasCdp) admin.driver).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));

            // found with the keyboard: type, Enter submits the card's form
            admin.type("#privacy-query", email + Keys.ENTER);
            WebElement row = admin.visible("#privacy-contacts li");
            assertTrue(row.getText().contains(contactId), row.getText());
            assertTrue(row.getText().contains("Grace <i>Hopper</i>"), "the name is shown as text: " + row.getText());
            assertTrue(admin.driver.findElements(By.cssSelector("#privacy-contacts i")).isEmpty(), "no markup from data");

            Axe.assertNoSeriousOrCritical(admin.driver, "admin: privacy card with a contact found, webhook card shown");

            admin.click("#privacy-contacts button[aria-label='Export contact " + contactId + "']");
            Path file = downloads.resolve("contact-" + contactId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
            Poll.until(WAIT, "the export is downloaded as " + file.getFileName(), () -> Files.isRegularFile(file)
                    && !readQuietly(file).isEmpty() && readQuietly(file).trim().endsWith("}"));
            JsonNode exported = ChatApi.json(Files.readString(file, StandardCharsets.UTF_8));
            assertEquals(1, exported.get("chats").size(), exported.toString());
            assertEquals(chat.id(), exported.get("chats").get(0).get("id").asText());
            assertTrue(exported.get("chats").get(0).toString().contains("grace asks about <b>COBOL</b>"),
                    exported.toString());
            admin.until(d -> admin.visible("#privacy-status").getText().startsWith("Exported: 1 chat(s)"));

            // erase: dismissing the confirmation changes nothing; accepting erases and shows the audit record
            String erase = "#privacy-contacts button[aria-label='Erase contact " + contactId + "…']";
            admin.click(erase);
            admin.until(ExpectedConditions.alertIsPresent()).dismiss();
            assertEquals(1, export(contactId).get("chats").size(), "a dismissed confirmation erases nothing");
            admin.click("#privacy-contacts input[type=checkbox]"); // also the contact itself
            admin.click(erase);
            confirm(admin, "the contact itself");
            String audit = admin.visible("#privacy-contacts .privacy-result").getText();
            assertTrue(audit.contains("by admin"), audit);
            assertTrue(audit.contains("chats 1"), audit);
            assertTrue(audit.matches("(?s).*messages [1-9].*"), audit);
            assertFalse(audit.contains(email) || audit.contains("Grace"), "no personal data in the audit: " + audit);
            admin.until(d -> admin.visible("#privacy-status").getText().equals("Erased."));
            JsonNode erasures = api.http.get(ChatApi.PLUGIN + "/api/erasures", TestHost.ADMIN_TOKEN).json()
                    .get("erasures");
            String auditId = erasures.get(0).get("id").asText();
            assertTrue(audit.contains(auditId), audit);
            admin.until(d -> admin.visible("#privacy-erasures").getText().contains(auditId));

            assertTrue(host.services().contacts().findById(contactId).isEmpty(), "the host erased the contact");
            assertTrue(audit.contains("contacts 1"), audit);
            JsonNode after = export(contactId);
            for (String part : List.of("chats", "offlineMessages", "uploads", "consents", "ratings")) {
                assertEquals(0, after.get(part).size(), part + " after the erasure: " + after);
            }

            Axe.assertNoSeriousOrCritical(admin.driver, "admin: privacy card after an erasure");

            // signing out leaves nothing of the person in the page
            admin.click("#logout");
            admin.visible("#login-form");
            assertEquals("", admin.driver.findElement(By.id("privacy-query")).getAttribute("value"));
            assertEquals("", admin.driver.findElement(By.id("privacy-status")).getAttribute("textContent"));
            assertFalse(admin.driver.getPageSource().contains(contactId), "the contact id is gone");
        }
    }

    private static JsonNode export(String contactId) {
        Http.Reply r = api.http.get(ChatApi.PLUGIN + "/api/contacts/" + contactId + "/export", TestHost.ADMIN_TOKEN);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
