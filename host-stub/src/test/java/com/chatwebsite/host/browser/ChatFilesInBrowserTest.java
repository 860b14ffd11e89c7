package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Files during a chat in Chromium: the customer attaches one in the widget, the agent sees its name and size and
 * downloads it; the agent attaches one in the console and the customer sees and downloads it.
 */
class ChatFilesInBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    /** Records what the page downloads: every blob it makes an object URL of, by size. */
    static final String RECORD_BLOBS = "window.__blobs = [];var c = URL.createObjectURL;"
            + "URL.createObjectURL = function (b) { window.__blobs.push(b.size); return c.call(URL, b); };";

    @TempDir
    Path dir;

    @Test
    void filesGoBothWaysAndEachSideDownloadsThem() throws Exception {
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        Path report = Files.write(dir.resolve("report.pdf"), pdf);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};
        Path chart = Files.write(dir.resolve("chart.png"), png);
        try (HostStub host = TestHost.start(dir.resolve("host"))) {
            ChatApi api = new ChatApi(host);
            String base = host.baseUrl().toString();
            ObjectNode json = ChatApi.website("Demo shop");
            json.withArray("origins").add(base);
            api.createWebsite(json);
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
                customer.visible(".cw-messages");
                agent.click("#offers .offer button.accept");
                agent.visible("#chat");
                customer.until(d -> customer.visible(".cw-state").getText().contains("joined"));

                // the customer attaches a file in the composer
                customer.visible("button.cw-attach");
                WebElement customerInput = fileInput(customer, "#cw-widget .cw-composer input[type=file]");
                customerInput.sendKeys(report.toString());
                script(customer, "arguments[0].hidden = true;", customerInput);
                WebElement sent = customer.visible(".cw-message[data-from='customer']:not(.cw-pending) .cw-chatfile");
                assertTrue(sent.getText().contains("report.pdf"), sent.getText());
                customer.visible(".cw-message[data-from='customer'] button.cw-dl[data-file-id]");
                WebElement seen = agent.visible("#messages .msg[data-from='customer'] .chat-file");
                assertTrue(seen.getText().contains("report.pdf"), seen.getText());
                assertTrue(seen.getText().contains(pdf.length + " B"), seen.getText());
                script(agent, RECORD_BLOBS);
                agent.click("#messages .msg[data-from='customer'] .file-link");
                agent.until(d -> List.of((long) pdf.length).equals(script(agent, "return window.__blobs;")));
                assertEquals("report.pdf", script(agent, "return document.querySelector('a[download]').download;"));

                // the agent attaches one in the console
                WebElement agentInput = fileInput(agent, "#attach-file");
                agentInput.sendKeys(chart.toString());
                script(agent, "arguments[0].hidden = true;", agentInput);
                agent.until(d -> agent.visible("#messages .msg[data-from='agent'] .chat-file").getText()
                        .contains("chart.png"));
                WebElement got = customer.visible(".cw-message[data-from='agent'] .cw-chatfile");
                assertTrue(got.getText().contains("chart.png") && got.getText().contains(png.length + " B"),
                        got.getText());
                customer.screenshot(SHOTS.resolve("widget-files.png"));
                agent.screenshot(SHOTS.resolve("agent-files.png"));
                script(customer, RECORD_BLOBS);
                customer.click(".cw-message[data-from='agent'] button.cw-dl");
                customer.until(d -> List.of((long) png.length).equals(script(customer, "return window.__blobs;")));
                assertEquals("chart.png", script(customer, "return document.querySelector('a[download]').download;"));
            }
        }
    }

    /** A file input the page keeps hidden behind its button, shown so that WebDriver can type a path into it. */
    private static WebElement fileInput(Browser b, String css) {
        WebElement input = b.until(d -> d.findElement(By.cssSelector(css)));
        script(b, "arguments[0].hidden = false;", input);
        return input;
    }

    private static Object script(Browser b, String js, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(js, args);
    }
}
