package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * Every control the seed types use, in headless Chromium: the widget renders each from its control
 * and submits the value its control stands for (a number, a list, a boolean), which the seed types
 * accept.
 */
class SeedControlsInBrowserTest {

    static final String FORM = "form.cw-form[data-kind='online'] ";
    static final String SECTIONS = "["
            + "{\"type\":\"label\",\"label\":\"Tell us about your order\"},"
            + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\",\"required\":true},"
            + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true,"
            + "\"mapTo\":{\"contact\":\"email\"}},"
            + "{\"type\":\"input\",\"name\":\"seats\",\"label\":\"Seats\",\"inputType\":\"number\",\"default\":2},"
            + "{\"type\":\"select\",\"name\":\"topic\",\"label\":\"Topic\",\"options\":[\"Billing\",\"Sales\"],"
            + "\"required\":true},"
            + "{\"type\":\"radio\",\"name\":\"plan\",\"label\":\"Plan\",\"options\":[\"Basic\",\"Pro\"],"
            + "\"default\":\"Basic\"},"
            + "{\"type\":\"checkboxes\",\"name\":\"extras\",\"label\":\"Extras\",\"options\":[\"Fast\",\"Gift\"]},"
            + "{\"type\":\"textarea\",\"name\":\"note\",\"label\":\"Note\"},"
            + "{\"type\":\"agreement\",\"name\":\"privacy\",\"label\":\"I accept the privacy policy\",\"required\":true}]";

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static String base;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        host = TestHost.start(dir);
        api = new ChatApi(host);
        base = host.baseUrl().toString();
        ObjectNode json = ChatApi.website("Seed shop");
        json.withArray("origins").add(base);
        assertEquals(200, api.putForm(api.createWebsite(json), "online", SECTIONS).status());
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void eachSeedControlRendersAndSubmitsTheValueItsTypeAccepts() {
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            assertEquals("Tell us about your order", customer.visible(FORM + "p.cw-label").getText());
            assertEquals("number", customer.visible(FORM + "[name='seats']").getAttribute("type"));
            assertEquals("2", customer.visible(FORM + "[name='seats']").getAttribute("value"), "the default");
            assertTrue(customer.visible(FORM + "[name='plan'][value='Basic']").isSelected(), "the default");
            assertEquals("email", customer.visible(FORM + "[name='email']").getAttribute("type"));

            customer.type(FORM + "[name='name']", "Ada");
            customer.type(FORM + "[name='email']", "ada.seed@example.com");
            customer.visible(FORM + "[name='seats']").clear();
            customer.type(FORM + "[name='seats']", "3");
            new Select(customer.visible(FORM + "select[name='topic']")).selectByVisibleText("Sales");
            customer.click(FORM + "[name='plan'][value='Pro']");
            customer.click(FORM + "[name='extras'][value='Fast']");
            customer.click(FORM + "[name='extras'][value='Gift']");
            customer.type(FORM + "textarea[name='note']", "Two lines\nof note");
            customer.click(FORM + "button.cw-submit");
            assertFalse(customer.visible(FORM + "[data-field='privacy'] .cw-error").getText().isEmpty(),
                    "the unchecked agreement is required");

            customer.click(FORM + "[name='privacy']");
            customer.click(FORM + "button.cw-submit");
            customer.visible(".cw-messages");
        }
        AtomicReference<JsonNode> offer = new AtomicReference<>();
        Poll.until(Browser.WAIT, "the chat is offered to the agent", () -> {
            for (JsonNode n : api.agent("GET", "/interactions", null).json()) {
                offer.set(n);
            }
            return offer.get() != null;
        });
        JsonNode fields = offer.get().get("fields");
        assertEquals(ChatApi.json("{\"name\":\"Ada\",\"email\":\"ada.seed@example.com\",\"seats\":3,\"topic\":\"Sales\","
                + "\"plan\":\"Pro\",\"extras\":[\"Fast\",\"Gift\"],\"note\":\"Two lines\\nof note\",\"privacy\":true}"),
                fields, offer.get().toString());
    }
}
