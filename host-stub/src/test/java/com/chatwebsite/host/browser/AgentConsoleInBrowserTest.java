package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.chatwebsite.host.api.AgentOfferFormTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The agent console in Chromium: the offer card shows the form's labels in order, files by name and
 * the contact by name; the message list is reachable by keyboard; axe finds no serious or critical
 * violation with a chat offered and with it accepted.
 */
class AgentConsoleInBrowserTest {

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        host = TestHost.start(dir);
        api = new ChatApi(host);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void theOfferCardShowsLabelsInFormOrderFileNamesAndTheContactByNameAndAxeIsClean() {
        Site site = api.createWebsite(ChatApi.website("Agent shop"));
        assertEquals(200, api.putForm(site, "online", AgentOfferFormTest.FORM).status());
        String upload = api.upload(site.key(), "online", "files", "invoice-march.pdf", AgentOfferFormTest.PDF).json()
                .get("uploadId").asText();
        try (Browser agent = Browser.start()) {
            agent.driver.get(host.baseUrl() + "/agent/#token=" + TestHost.AGENT_TOKEN);
            agent.visible("#signed-in");
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            agent.until(d -> "connected".equals(agent.visible("#agent-status").getText()));
            Poll.until(Browser.WAIT, "the agent is available", () -> host.router().isAvailable(TestHost.AGENT));

            JsonNode opened = api.open(site.key(), "{\"privacy\":true,\"files\":[\"" + upload + "\"],"
                    + "\"email\":\"ada@example.com\",\"surname\":\"Lovelace\",\"name\":\"Ada\",\"topic\":\"Billing\"}").json();
            Session customer = new Session(site.key(), opened.get("sessionId").asText(), opened.get("token").asText());
            WebElement offer = agent.visible("#offers .offer");
            List<String> terms = new ArrayList<>();
            agent.until(d -> {
                terms.clear();
                offer.findElements(By.cssSelector(".kv-block:first-child dt")).forEach(t -> terms.add(t.getText()));
                return terms.size() == 6;
            });
            assertEquals(List.of("What is it about?", "First name", "Last name", "E-mail", "Your files",
                    "I accept the privacy policy"), terms);
            WebElement file = offer.findElement(By.cssSelector("a.attachment"));
            assertEquals("invoice-march.pdf", file.getText());
            String text = offer.getText();
            assertFalse(text.contains(upload), "no raw upload id: " + text);
            String contactId = api.agent("GET", "/interactions", null).json().get(0).get("contact").get("id").asText();
            assertFalse(text.contains(contactId), "no raw contact id: " + text);
            assertTrue(offer.findElement(By.cssSelector("dl.contact")).getText().contains("Ada Lovelace"), text);
            Axe.assertNoSeriousOrCritical(agent.driver, "agent console: chat offered");

            agent.click("#offers .offer button.accept");
            agent.visible("#chat");
            for (int i = 0; i < 30; i++) {
                assertEquals(201, api.say(customer, "Line " + i + " of a long question", "m" + i).status());
            }
            agent.until(d -> d.findElements(By.cssSelector("#messages .msg[data-from='customer']")).size() == 30);
            JavascriptExecutor js = (JavascriptExecutor) agent.driver;
            assertTrue((Boolean) js.executeScript("var m = document.getElementById('messages');"
                    + "return m.scrollHeight > m.clientHeight;"), "the list scrolls");
            assertEquals("0", agent.visible("#messages").getAttribute("tabindex"));
            js.executeScript("document.getElementById('reply').focus();");
            agent.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            assertEquals("messages", js.executeScript("return document.activeElement.id;"),
                    "Shift+Tab from the reply box reaches the message list");
            Axe.assertNoSeriousOrCritical(agent.driver, "agent console: chat accepted");

            // The check bites: without its tabindex the list is the violation the issue reported.
            js.executeScript("document.getElementById('messages').removeAttribute('tabindex');");
            assertTrue(Axe.seriousOrCritical(agent.driver, "agent console: message list without tabindex").stream()
                    .anyMatch(v -> v.rule().equals("scrollable-region-focusable")));
        }
    }
}
