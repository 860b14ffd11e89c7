package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.PluginApi;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.chatwebsite.host.forms.PhoneFieldPlugin;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The widget, in headless Chromium on the demo site, renders a field type from another plugin by
 * its control alone, shows that type's refusal, and leaves the field out while the plugin is away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneFieldInBrowserTest {

    static final String FORM = "form.cw-form[data-kind='online'] ";

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static String base;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        host = PhoneFieldPlugin.hostWithBoth(dir);
        api = new ChatApi(host);
        base = host.baseUrl().toString();
        ObjectNode json = ChatApi.website("Phone shop");
        json.withArray("origins").add(base);
        Site site = api.createWebsite(json);
        assertEquals(200, api.putForm(site, "online", PhoneFieldPlugin.ONLINE_FORM).status());
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void aTelInputShowsTheTypesRefusalThenOpensTheChatWithTheNumberNormalised() {
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            WebElement phone = customer.visible(FORM + "input[name='phone']");
            assertEquals("tel", phone.getAttribute("type"));
            assertEquals("tel", phone.getAttribute("autocomplete"));
            customer.type(FORM + "[name='name']", "Ada");
            customer.type(FORM + "[name='email']", "ada.phone@example.com");
            customer.type(FORM + "[name='phone']", "12");
            customer.click(FORM + "button.cw-submit");
            String error = customer.until(d -> {
                List<WebElement> shown = d.findElements(By.cssSelector(FORM + "[data-field='phone'] .cw-error"));
                return shown.isEmpty() ? null : shown.get(0).getText();
            });
            assertEquals(PhoneFieldPlugin.REFUSAL, error);
            assertEquals("true", customer.visible(FORM + "[name='phone']").getAttribute("aria-invalid"));

            customer.visible(FORM + "[name='phone']").clear();
            customer.type(FORM + "[name='phone']", "333 123 4567");
            customer.click(FORM + "button.cw-submit");
            customer.visible(".cw-messages");
        }
        Poll.until(Browser.WAIT, "the contact is linked", () -> !contacts("ada.phone@example.com").isEmpty());
        assertEquals("+393331234567", contacts("ada.phone@example.com").get(0).fields().get("phone"));
    }

    @Test
    @Order(2)
    void withThePhonePluginStoppedTheFieldIsLeftOutAndAChatStillOpens() {
        PluginApi plugins = new PluginApi(host);
        assertEquals(200, plugins.act(PhoneFieldPlugin.ID, "stop").status());
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            customer.type(FORM + "[name='name']", "Grace");
            customer.type(FORM + "[name='email']", "grace.phone@example.com");
            assertTrue(customer.driver.findElements(By.cssSelector("#cw-widget [name='phone']")).isEmpty());
            customer.click(FORM + "button.cw-submit");
            customer.visible(".cw-messages");
        } finally {
            assertEquals(200, plugins.act(PhoneFieldPlugin.ID, "start").status());
        }
        assertEquals(1, contacts("grace.phone@example.com").size());
    }

    private static List<Contact> contacts(String email) {
        return host.services().contacts().findByField("email", email);
    }
}
