package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In Chromium: the agent console shows the customer typing and, on a website that opted in, the
 * draft (the widget telling the customer so); the widget shows the agent typing; "Seen" appears
 * on both sides once the other side has displayed the message.
 */
class TypingAndReceiptsInBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    static HostStub host;
    static String base;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        host = TestHost.start(dir);
        base = host.baseUrl().toString();
        ChatApi api = new ChatApi(host);
        ObjectNode json = ChatApi.website("Demo shop");
        json.withArray("origins").add(base);
        json.set("chat", ChatApi.json("{\"showDraftToAgent\":true}"));
        api.createWebsite(json);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void bothSidesSeeTypingTheDraftAndSeen() {
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
            customer.type(online + "[name='name']", "Ada");
            customer.type(online + "[name='email']", "ada@example.com");
            customer.click(online + "button.cw-submit");
            assertTrue(customer.visible(".cw-draft-note").getText().contains("can see what you type"),
                    "the customer is told that drafts are shared");

            agent.click("#offers .offer button.accept");
            agent.visible("#chat");
            customer.until(d -> customer.visible(".cw-state").getText().contains("joined"));

            customer.type("textarea.cw-input", "Where is my ord");
            agent.until(d -> agent.visible("#customer-typing").getText().contains("typing"));
            agent.until(d -> agent.visible("#customer-draft-text").getText().equals("Where is my ord"));
            agent.visible("#chats .chat-item .typing-badge");
            agent.screenshot(SHOTS.resolve("agent-typing-draft.png"));

            agent.type("#reply", "Let me check");
            customer.until(d -> customer.visible(".cw-typing").getText().equals(TestHost.AGENT + " is typing…"));
            customer.screenshot(SHOTS.resolve("widget-agent-typing.png"));
            agent.click("#send");
            customer.until(d -> customer.visible(".cw-message[data-from='agent'] .cw-text").getText()
                    .equals("Let me check"));
            customer.until(d -> customer.visible(".cw-typing").getText().isEmpty());
            agent.until(d -> agent.visible("#messages .msg[data-from='agent'] .seen").getText().equals("Seen"));

            customer.type("textarea.cw-input", "er 42");
            customer.click("button.cw-send");
            agent.until(d -> agent.visible("#messages .msg[data-from='customer']").getText()
                    .contains("Where is my order 42"));
            customer.until(d -> customer.visible(".cw-message[data-from='customer'] .cw-seen").getText()
                    .equals("Seen"));
            agent.until(d -> d.findElement(By.id("customer-draft")).isDisplayed() ? null : true);
            customer.screenshot(SHOTS.resolve("widget-seen.png"));
            agent.screenshot(SHOTS.resolve("agent-seen.png"));
        }
    }
}
