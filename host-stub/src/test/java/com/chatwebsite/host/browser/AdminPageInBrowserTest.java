package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The admin page in Chromium: the host settings card, the website page's in-page menu, and no
 * serious or critical axe violations with a website open and with the form builder's editor open.
 */
class AdminPageInBrowserTest {

    private static final String TIMEOUT_INPUT = "#host-settings-fields input[name='chatTimeoutSeconds']";
    private static final String TIMEOUT_ERROR = "#host-settings-fields .sf-field[data-key='chatTimeoutSeconds'] .sf-error";

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.createWebsite(ChatApi.website("Admin shop"));
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    private static Browser signedIn() {
        Browser b = Browser.start();
        b.driver.get(host.baseUrl() + "/admin/#token=" + TestHost.ADMIN_TOKEN);
        b.visible("#website-section #website-fields .sf-group");
        b.until(d -> !d.findElements(By.cssSelector("#builder .section")).isEmpty());
        return b;
    }

    private static int storedTimeout() {
        return api.http.get("/api/settings", TestHost.ADMIN_TOKEN).json().get("chatTimeoutSeconds").asInt();
    }

    @Test
    void theChatTimeoutIsEditedOnTheAdminPageWithItsErrorBesideTheInput() {
        assertEquals(600, storedTimeout(), "the default, shown before it was ever set");
        try (Browser admin = signedIn()) {
            WebElement input = admin.visible(TIMEOUT_INPUT);
            admin.until(d -> "600".equals(admin.visible(TIMEOUT_INPUT).getAttribute("value")));

            input.clear();
            input.sendKeys("0");
            admin.click("#save-host-settings");
            admin.until(d -> admin.visible(TIMEOUT_ERROR).getText().contains("from 1 to 604800"));
            assertEquals("true", admin.visible(TIMEOUT_INPUT).getAttribute("aria-invalid"));
            assertEquals(600, storedTimeout(), "an invalid value is not sent");

            WebElement again = admin.visible(TIMEOUT_INPUT);
            again.clear();
            again.sendKeys("900");
            admin.click("#save-host-settings");
            admin.until(d -> admin.visible("#host-settings-status").getText().equals("Host settings saved."));
            assertEquals(900, storedTimeout());
            assertTrue(admin.driver.findElements(By.cssSelector(TIMEOUT_ERROR + " div")).isEmpty(), "the error is gone");

            admin.driver.navigate().refresh();
            admin.until(d -> "900".equals(admin.visible(TIMEOUT_INPUT).getAttribute("value")));
        } finally {
            api.http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, "{\"chatTimeoutSeconds\":600}");
        }
    }

    @Test
    void theWebsitePageHasAMenuOfItsSectionsThatMovesTheFocus() {
        try (Browser admin = signedIn()) {
            List<String> legends = new ArrayList<>();
            admin.driver.findElements(By.cssSelector("#website-fields fieldset.sf-group > legend"))
                    .forEach(l -> legends.add(l.getText()));
            assertTrue(legends.size() >= 3, legends.toString());
            List<String> expected = new ArrayList<>(legends.stream().map(String::toUpperCase).toList());
            expected.addAll(List.of("SNIPPET", "FORMS", "WEBHOOKS"));
            List<String> links = new ArrayList<>();
            admin.driver.findElements(By.cssSelector("#website-menu a")).forEach(a -> links.add(a.getText().toUpperCase()));
            assertEquals(expected, links);

            JavascriptExecutor js = (JavascriptExecutor) admin.driver;
            long height = (Long) js.executeScript("return document.documentElement.scrollHeight;");
            assertTrue(height > 2000, "the page is long enough to need the menu: " + height);
            WebElement last = admin.driver.findElements(By.cssSelector("#website-menu a")).get(legends.size() - 1);
            String target = last.getAttribute("href").replaceAll(".*#", "");
            last.click();
            admin.until(d -> target.equals(js.executeScript("return document.activeElement.id;")));
            Number top = (Number) js.executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().top;",
                    target);
            assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 200, "scrolled to the section: " + top);

            admin.click("#website-menu a[href='#forms-section']");
            admin.until(d -> "forms-section".equals(js.executeScript("return document.activeElement.id;")));
            assertTrue(admin.visible("#website-menu").isDisplayed(), "the menu stays in reach");

            admin.click("#website-menu a[href='#webhooks-section']");
            admin.until(d -> "webhooks-section".equals(js.executeScript("return document.activeElement.id;")));
        }
    }

    @Test
    void theAdminPageHasNoSeriousOrCriticalAxeViolations() {
        try (Browser admin = signedIn()) {
            admin.visible(TIMEOUT_INPUT);
            Axe.assertNoSeriousOrCritical(admin.driver, "admin: signed in, website page open");
            admin.click("#add-field");
            admin.visible("#field-editor #field-editor-fields .sf-field");
            Axe.assertNoSeriousOrCritical(admin.driver, "admin: form builder's field editor open");
        }
    }
}
