package com.chatwebsite.host.durability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * The promises a scenario checks, each with the problems found; {@link #assertAllHeld()} fails with
 * every broken promise at once, so one run reports all of them with their numbers.
 */
final class Findings {

    private final String label;
    private final Map<String, List<String>> problems = new LinkedHashMap<>();
    private final List<String> facts = new ArrayList<>();

    Findings(String label) {
        this.label = label;
    }

    /** Names a promise, so that it is listed even when it holds. */
    synchronized void promise(String promise) {
        problems.computeIfAbsent(promise, k -> new ArrayList<>());
    }

    /** Records that a promise was broken, with a precise sentence. */
    synchronized void broken(String promise, String problem) {
        problems.computeIfAbsent(promise, k -> new ArrayList<>()).add(problem);
    }

    /** Records a measured fact (counts), printed with the result. */
    synchronized void fact(String fact) {
        facts.add(fact);
    }

    synchronized void assertAllHeld() {
        StringBuilder report = new StringBuilder("\n=== " + label + " ===\n");
        facts.forEach(f -> report.append("  ").append(f).append('\n'));
        List<Executable> checks = new ArrayList<>();
        problems.forEach((promise, found) -> {
            report.append(found.isEmpty() ? "  HELD   " : "  BROKEN ").append(promise).append('\n');
            found.forEach(p -> report.append("         - ").append(p).append('\n'));
            checks.add(() -> {
                if (!found.isEmpty()) {
                    fail(label + ": " + promise + ": " + String.join("; ", found));
                }
            });
        });
        System.out.println(report);
        assertAll(label, checks);
    }

    /** At most {@code max} items of a list, saying how many more there were. */
    static String firstFew(List<?> items, int max) {
        if (items.size() <= max) {
            return items.toString();
        }
        return items.subList(0, max) + " and " + (items.size() - max) + " more";
    }
}
