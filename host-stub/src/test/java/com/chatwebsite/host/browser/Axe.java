package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the test resource {@code axe/axe.min.js}, see its README) in the page a driver
 * shows, and returns the violations of impact serious or critical. The page's own scripts do not
 * load it: it is injected through WebDriver, so the page's Content-Security-Policy stays as served.
 * Frames are not entered (the admin's preview frame is sandboxed without scripts); to check a frame,
 * switch the driver into it first.
 *
 * <pre>
 * Axe.assertNoSeriousOrCritical(browser.driver, "agent console, chat accepted");
 * </pre>
 */
public final class Axe {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SOURCE = load();
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private Axe() {
    }

    /**
     * One failed rule.
     *
     * @param rule the axe rule id, such as {@code scrollable-region-focusable}
     * @param impact {@code serious} or {@code critical}
     * @param help what the rule asks for
     * @param targets the CSS selectors of the failing nodes
     * @param summary axe's explanation of the first failing node
     */
    public record Violation(String rule, String impact, String help, List<String> targets, String summary) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " at " + targets + (summary.isEmpty() ? "" : "\n    " + summary);
        }
    }

    /**
     * The serious and critical violations in the whole document, printed to standard output with
     * the context's name.
     *
     * @param driver the browser, showing the page in the state to check
     * @param context what is checked, for the report, such as {@code "admin: form builder open"}
     * @return the violations; empty when there are none
     */
    public static List<Violation> seriousOrCritical(WebDriver driver, String context) {
        return seriousOrCritical(driver, context, null);
    }

    /**
     * The serious and critical violations within the elements a selector matches.
     *
     * @param driver the browser
     * @param context what is checked, for the report
     * @param include a CSS selector to limit the check to, or null for the whole document
     * @return the violations
     */
    public static List<Violation> seriousOrCritical(WebDriver driver, String context, String include) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        driver.manage().timeouts().scriptTimeout(RUN_TIMEOUT);
        Object raw = js.executeAsyncScript("""
                var include = arguments[0], done = arguments[arguments.length - 1];
                axe.run(include ? { include: [include] } : document, { iframes: false, resultTypes: ['violations'] })
                  .then(function (r) {
                    done(JSON.stringify(r.violations
                      .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                      .map(function (v) {
                        return { rule: v.id, impact: v.impact, help: v.help,
                          targets: v.nodes.map(function (n) { return JSON.stringify(n.target); }),
                          summary: (v.nodes[0] && v.nodes[0].failureSummary) || '' };
                      })));
                  }, function (e) { done('ERROR ' + e); });
                """, include);
        String text = String.valueOf(raw);
        if (text.startsWith("ERROR ")) {
            throw new IllegalStateException("axe failed on " + context + ": " + text.substring(6));
        }
        List<Violation> out = new ArrayList<>();
        try {
            for (JsonNode v : MAPPER.readTree(text)) {
                List<String> targets = new ArrayList<>();
                v.get("targets").forEach(t -> targets.add(t.asText()));
                out.add(new Violation(v.get("rule").asText(), v.get("impact").asText(), v.get("help").asText(),
                        targets, v.get("summary").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("axe " + context + ": " + (out.isEmpty() ? "no serious or critical violations"
                : out.size() + " serious or critical violations\n  "
                        + out.stream().map(Violation::toString).collect(Collectors.joining("\n  "))));
        return out;
    }

    /**
     * Fails, listing them, if the page has serious or critical violations.
     *
     * @param driver the browser
     * @param context what is checked, for the report and the failure message
     */
    public static void assertNoSeriousOrCritical(WebDriver driver, String context) {
        assertNoSeriousOrCritical(driver, context, null);
    }

    /**
     * Fails, listing them, if the elements a selector matches have serious or critical violations.
     *
     * @param driver the browser
     * @param context what is checked, for the report and the failure message
     * @param include a CSS selector to limit the check to, such as {@code "#cw-widget"}, or null for the whole
     *     document
     */
    public static void assertNoSeriousOrCritical(WebDriver driver, String context, String include) {
        List<Violation> found = seriousOrCritical(driver, context, include);
        assertEquals(List.of(), found, "axe on " + context + ":\n"
                + found.stream().map(Violation::toString).collect(Collectors.joining("\n")));
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("the test resource axe/axe.min.js is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
