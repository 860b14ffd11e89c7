package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Verified visitor identity in Chromium, website in {@code required} mode: a page without an
 * identity and one with a tampered JWT get the widget's refusal and open nothing; a page whose
 * {@code window.ChatWebsiteIdentity} holds a JWT signed with the secret opens the chat and links the
 * contact by its {@code externalId}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VisitorIdentityInBrowserTest {

    static final String SECRET = "br0wser-s3cret-br0wser-s3cret-001";
    static final String ONLINE = "form.cw-form[data-kind='online'] ";
    static final String REFUSAL = "Please sign in again to chat with us.";

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
        ObjectNode json = ChatApi.website("Signed shop");
        json.withArray("origins").add(base);
        json.putObject("identity").put("mode", "required").put("secret", SECRET);
        site = api.createWebsite(json);
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
    void withoutAValidIdentityTheWidgetShowsTheRefusalAndOpensNothing() {
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            // no identity on the page at all
            assertNull(js(customer, "return window.ChatWebsiteIdentity || null;"));
            fillAndSubmit(customer, "tampered@example.com");
            customer.until(d -> customer.visible(ONLINE + ".cw-alert").getText().equals(REFUSAL));

            String valid = jwt("{\"sub\":\"u-666\",\"exp\":" + (now() + 600) + "}");
            String[] parts = valid.split("\\.");
            String forged = parts[0] + "." + b64("{\"sub\":\"u-admin\",\"exp\":" + (now() + 600) + "}") + "." + parts[2];
            js(customer, "window.ChatWebsiteIdentity = {jwt: arguments[0]};", forged);
            customer.click(ONLINE + "button.cw-submit");
            customer.until(d -> customer.visible(ONLINE + ".cw-alert").getText().equals(REFUSAL));

            assertTrue(customer.visible(ONLINE + "button.cw-submit").isEnabled(), "the form stays usable");
            assertNull(js(customer, "return sessionStorage.getItem('cw-session:" + site.key() + "');"));
            assertEquals(0, api.supervisor(site, null).size(), "no session");
            assertTrue(host.services().contacts().findByField("externalId", "u-admin").isEmpty());
            assertTrue(host.services().contacts().findByField("email", "tampered@example.com").isEmpty());
        }
    }

    @Test
    @Order(2)
    void aSignedJwtOnThePageOpensTheChatAndLinksTheContact() {
        try (Browser customer = Browser.start()) {
            customer.driver.get(base + "/demo/");
            // what the site's server would render before the widget; the widget reads it when the chat opens
            js(customer, "window.ChatWebsiteIdentity = {jwt: arguments[0]};", jwt("{\"sub\":\"u-42\",\"exp\":"
                    + (now() + 600) + ",\"email\":\"signed@example.com\"}"));
            fillAndSubmit(customer, "typed@example.com");
            customer.visible(".cw-messages");
            Poll.until(Browser.WAIT, "the contact u-42 exists",
                    () -> !host.services().contacts().findByField("externalId", "u-42").isEmpty());
            List<Contact> linked = host.services().contacts().findByField("externalId", "u-42");
            assertEquals(1, linked.size());
            assertEquals("signed@example.com", linked.get(0).fields().get("email"));
            assertEquals(1, api.supervisor(site, null).size());
            assertEquals(linked.get(0).id(), api.supervisor(site, null).get(0).get("contactId").asText());
            assertNotNull(js(customer, "return sessionStorage.getItem('cw-session:" + site.key() + "');"));
        }
    }

    private static void fillAndSubmit(Browser customer, String email) {
        customer.click("button.cw-launcher");
        customer.type(ONLINE + "[name='name']", "Ada");
        customer.type(ONLINE + "[name='email']", email);
        customer.click(ONLINE + "button.cw-submit");
    }

    private static Object js(Browser b, String script, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(script, args);
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** An HS256 JWT signed with {@link #SECRET}, as the site's server would make it. */
    static String jwt(String payload) {
        String signed = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
