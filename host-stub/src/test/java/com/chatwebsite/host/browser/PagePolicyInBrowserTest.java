package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages work under their Content-Security-Policy in Chromium: nothing they or the widget do is
 * refused by it.
 */
class PagePolicyInBrowserTest {

    /** Runs before each document's own scripts and is not subject to its policy. */
    private static final String RECORD_VIOLATIONS = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
            + "e.effectiveDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));";

    private static final List<String> DISPOSITIONS = List.of("Resolved", "Escalated");

    @TempDir
    static Path dir;
    static HostStub host;
    static Site site;
    static String base;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        HostConfig c = TestHost.config(dir, Optional.empty(), Optional.empty());
        host = HostStub.start(new HostConfig(c.port(), c.dataDir(), c.pluginsDir(), c.db(), c.smtp(), c.adminToken(),
                c.adminTokenGenerated(), c.agents(), c.agentsGenerated(), c.publicUrl(), c.demo(), c.nodeId(),
                DISPOSITIONS, Optional.empty()), Clock.systemUTC());
        base = host.baseUrl().toString();
        ChatApi api = new ChatApi(host);
        ObjectNode website = ChatApi.website("Demo shop");
        website.withArray("origins").add(base);
        site = api.createWebsite(website);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    private static Browser open() {
        Browser b = Browser.start();
        ((ChromeDriver) b.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORD_VIOLATIONS));
        return b;
    }

    private static List<?> violations(Browser b) {
        return (List<?>) ((JavascriptExecutor) b.driver).executeScript("return window.__csp;");
    }

    @Test
    void theAdminPageAndItsPreviewRunWithoutViolations() {
        try (Browser admin = open()) {
            admin.driver.get(base + "/admin/");
            admin.type("#token", TestHost.ADMIN_TOKEN);
            admin.click("#login");
            admin.click(".website[data-id='" + site.id() + "']");
            new Select(admin.visible("#form-kind")).selectByValue("online");
            admin.until(d -> String.valueOf(d.findElement(By.id("preview")).getAttribute("srcdoc")).contains("cw-form"));
            assertEquals(List.of(), violations(admin));
            admin.driver.switchTo().frame("preview");
            String submit = admin.driver.findElement(By.cssSelector(".cw-submit")).getCssValue("background-color");
            admin.driver.switchTo().defaultContent();
            assertTrue(submit.contains("31, 111, 235"), "the preview's style element applies: " + submit);
        }
    }

    @Test
    void theAdminPageStopsAndStartsAPluginWithoutViolations() {
        String state = "#plugins tr[data-plugin='chat-website'] .state";
        try (Browser admin = open()) {
            admin.driver.get(base + "/admin/");
            admin.type("#token", TestHost.ADMIN_TOKEN);
            admin.click("#login");
            admin.until(d -> d.findElement(By.cssSelector(state)).getText().equals("STARTED"));
            admin.click("button[data-plugin='chat-website'][data-action='stop']");
            admin.until(d -> d.findElement(By.cssSelector(state)).getText().equals("STOPPED"));
            admin.click("button[data-plugin='chat-website'][data-action='start']");
            admin.until(d -> d.findElement(By.cssSelector(state)).getText().equals("STARTED"));
            admin.click("a[href='#plugins-section']");
            admin.shoot("#plugins-section", WidgetEndToEndTest.SHOTS.resolve("admin-plugins.png"));
            assertEquals(List.of(), violations(admin));
        }
    }

    @Test
    void theAgentConsoleRunsWithoutViolations() {
        try (Browser agent = open()) {
            agent.driver.get(base + "/agent/");
            agent.type("#token", TestHost.AGENT_TOKEN);
            agent.click("#login");
            agent.until(d -> agent.visible("#agent-name").getText().equals(TestHost.AGENT));
            List<String> offered = new Select(agent.driver.findElement(By.id("disposition"))).getOptions().stream()
                    .map(o -> o.getAttribute("textContent")).toList();
            assertEquals(DISPOSITIONS, offered, "the picker offers the host's dispositions");
            assertEquals(List.of(), violations(agent));
        }
    }

    @Test
    void theWidgetRunsAndIsStyledOnTheDemoShop() {
        try (Browser customer = open()) {
            customer.driver.get(base + "/demo/");
            customer.click("button.cw-launcher");
            customer.visible("form.cw-form[data-kind='online']");
            Object position = ((JavascriptExecutor) customer.driver).executeScript(
                    "return getComputedStyle(document.getElementById('cw-widget')).position;");
            assertEquals("fixed", position, "the widget's own style element applies");
            Object thumb = ((JavascriptExecutor) customer.driver).executeScript(
                    "return getComputedStyle(document.querySelector('.thumb')).getPropertyValue('--c1').trim();");
            assertTrue(String.valueOf(thumb).startsWith("#"), "the product colours come from demo.css: " + thumb);
            assertEquals(List.of(), violations(customer));
        }
    }
}
