package com.chatwebsite.host.openapi;

import com.chatwebsite.host.HttpExchanges;
import com.chatwebsite.host.HttpExchanges.Exchange;
import com.chatwebsite.host.HttpExchanges.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks every integration test's HTTP exchanges and stream events against the checked-in OpenAPI
 * document: registered for all of host-stub's tests (JUnit's extension auto-detection), it records
 * what {@code Http} and {@code SseClient} send and read during each test and fails the test when
 * an exchange does not match (an unknown operation, a body or status the document does not allow).
 * Requests answered with an error are checked only for the error body, since refusing them is
 * their point.
 */
public final class OpenApiConformance implements BeforeEachCallback, AfterEachCallback {

    private static final String CHAT_PLUGIN = "chat-website";
    private static OpenApiContract contract;

    @Override
    public void beforeEach(ExtensionContext context) {
        HttpExchanges.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        HttpExchanges.Recorded recorded = HttpExchanges.stop();
        List<String> problems = new ArrayList<>();
        for (Exchange x : recorded.exchanges()) {
            problems(x).forEach(p -> problems.add(x + ": " + p));
        }
        for (StreamEvent e : recorded.events()) {
            if (!otherPlugin(e.uri().getRawPath())) {
                contract().eventProblems(e).forEach(p -> problems.add(e + ": " + p));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " exchange(s) of this test do not match "
                    + OpenApiContract.CHECKED_IN + ":\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * An exchange's problems. A path no operation has is fine when it was refused with the error
     * body (tests of unknown routes and methods), or when it belongs to another plugin, whose
     * document the host merges while it runs but which is not checked in here.
     */
    private static List<String> problems(Exchange x) {
        String path = x.uri().getRawPath();
        if (contract().find(x.method(), path).isPresent()) {
            return contract().problems(x);
        }
        if (otherPlugin(path)) {
            return List.of();
        }
        if (x.status() >= 400) {
            String target = path + (x.uri().getRawQuery() == null ? "" : "?" + x.uri().getRawQuery());
            return contract().refusalProblems(x.method(), target, x.status(), x.responseContentType(),
                    (x.responseBody() == null ? "" : x.responseBody()).getBytes(StandardCharsets.UTF_8));
        }
        return List.of("no operation in the document for " + x.method() + " " + path);
    }

    private static boolean otherPlugin(String path) {
        return path.startsWith("/plugins/") && !path.startsWith("/plugins/" + CHAT_PLUGIN + "/");
    }

    private static synchronized OpenApiContract contract() {
        if (contract == null) {
            contract = new OpenApiContract(OpenApiContract.checkedIn());
        }
        return contract;
    }
}
