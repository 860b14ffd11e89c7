package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In Chromium: a waiting customer sees their place in the queue move, rates the chat once the agent
 * closes it, and the supervisor sees the rating and the averages.
 */
class QueueAndRatingInBrowserTest {

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
        base = host.baseUrl().toString();
        ObjectNode json = ChatApi.website("Queue shop");
        json.withArray("origins").add(base);
        site = api.createWebsite(json);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    private static String waitingId(String except) {
        for (JsonNode i : api.supervisor(site, "waiting")) {
            if (!i.get("id").asText().equals(except)) {
                return i.get("id").asText();
            }
        }
        return null;
    }

    @Test
    void theCustomerSeesTheQueueThenRatesTheClosedChatAndTheSupervisorSeesIt() {
        Session ahead = api.openSession(site.key());
        try (Browser customer = Browser.start(); Browser supervisor = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            String online = "form.cw-form[data-kind='online'] ";
            customer.type(online + "[name='name']", "Grace");
            customer.type(online + "[name='email']", "grace@example.com");
            customer.click(online + "button.cw-submit");
            customer.until(d -> customer.visible(".cw-state").getText().equals("You are number 2 in the queue"));

            Poll.until(Browser.WAIT, "the browser's chat waits", () -> waitingId(ahead.id()) != null);
            String mine = waitingId(ahead.id());
            assertEquals(200, api.agent("POST", "/interactions/" + ahead.id() + "/accept", null).status());
            customer.until(d -> customer.visible(".cw-state").getText().startsWith("You are number 1 in the queue — about "));
            customer.screenshot(Path.of("target", "screenshots", "widget-queue.png"));

            assertEquals(200, api.agent("POST", "/interactions/" + mine + "/accept", null).status());
            customer.until(d -> customer.visible(".cw-state").getText().contains("joined"));
            Http.Reply closed = api.agent("POST", "/interactions/" + mine + "/close", "{\"disposition\":\"Solved\"}");
            assertTrue(closed.status() < 300, closed.body());

            WebElement legend = customer.visible("form.cw-rate fieldset legend");
            assertEquals("How was this chat?", legend.getText());
            List<WebElement> radios = customer.driver.findElements(By.cssSelector("form.cw-rate input[type=radio]"));
            assertEquals(5, radios.size(), "a radio group of five scores");
            assertEquals("4 stars", customer.driver.findElements(By.cssSelector("form.cw-rate .cw-star")).get(3)
                    .findElement(By.cssSelector(".cw-sr")).getAttribute("textContent"));
            customer.click("form.cw-rate button.cw-rate-send");
            customer.until(d -> customer.visible("form.cw-rate .cw-error").getText().contains("1 to 5"));
            customer.click("form.cw-rate .cw-star:nth-child(4)");
            customer.type("form.cw-rate textarea", "Helpful <i>and</i> quick");
            customer.screenshot(Path.of("target", "screenshots", "widget-rating.png"));
            customer.click("form.cw-rate button.cw-rate-send");
            customer.until(d -> customer.visible(".cw-thanks").getText().equals("Thank you for your feedback!"));
            assertTrue(customer.driver.findElements(By.cssSelector("form.cw-rate")).isEmpty());

            JsonNode state = api.widget("GET", site.key(), "/sessions/" + mine, null, null).json();
            assertEquals("session_not_found", state.get("error").asText(), "no token, no state");
            JsonNode averages = api.http.get(ChatApi.PLUGIN + "/api/ratings?websiteId=" + site.id(),
                    TestHost.ADMIN_TOKEN).json();
            assertEquals(4.0, averages.get("websites").get(0).get("average").asDouble(), 1e-9);

            supervisor.driver.get(base + "/agent/#admin=" + TestHost.ADMIN_TOKEN);
            supervisor.until(d -> supervisor.visible("#supervisor-rows tr.row[data-id='" + mine + "'] .rating")
                    .getAttribute("data-score").equals("4"));
            assertTrue(supervisor.visible("#supervisor-rows tr.row[data-id='" + mine + "']").getText()
                    .contains("Helpful <i>and</i> quick"), "the comment, as text");
            WebElement websiteAverage = supervisor.visible("#ratings-websites tr.rating-average");
            assertTrue(websiteAverage.getText().contains("Queue shop") && websiteAverage.getText().contains("4.00"),
                    websiteAverage.getText());
            WebElement agentAverage = supervisor.visible("#ratings-agents tr.rating-average[data-key='"
                    + TestHost.AGENT + "']");
            assertTrue(agentAverage.getText().contains("4.00"), agentAverage.getText());
            supervisor.screenshot(Path.of("target", "screenshots", "supervisor-ratings.png"));
        }
    }
}
