package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.TestHost;
import com.chatwebsite.host.openapi.OpenApiRefusals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's table-driven bad-input suite: cases generated from the host's mounted route table
 * (every route: wrong methods, path attacks, HTTP framing; every route that takes a body: every
 * generic body attack), from the website settings schema the admin page renders and the form-field
 * schema of its form builder, and from the fixture website's online and offline forms. Each case
 * asserts a JSON {@code 4xx} in the contract's error shape (never a {@code 5xx}, never a {@code 2xx}),
 * with {@code X-Content-Type-Options: nosniff} and no library internals in the text; each group ends
 * with a check that nothing observable changed (every database row, every file in the data folder).
 *
 * <p>Requests are written byte for byte on sockets ({@link SuiteHttp}), so the cases an HTTP client
 * would fix up are sent as they are. Fixtures make each route's access pass (admin and agent tokens,
 * the website's origin, a session's token, an interaction the agent holds), so the bad input itself is
 * what gets refused.
 *
 * <p>Each case comes from its own loopback address (see {@link SuiteHttp}), so per-client rate
 * limits do not answer in place of the input; a {@code 429} counts as a failure, as it says nothing
 * of how the input is judged.
 */
class BadInputSuiteTest {

    private static final String P = ChatApi.PLUGIN;
    private static final String ORIGIN = ChatApi.ORIGIN;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> PAGES = List.of("/admin/", "/agent/", "/demo/");

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static SuiteHttp raw;
    static Fixture fx;
    /** The state the next group must leave unchanged. */
    static ObservableState expected;

    /** How a route takes its body. */
    enum BodyKind { NONE, JSON, MULTIPART }

    /** One bad request and the refusal it must get. */
    record Case(String name, Supplier<SuiteHttp.Request> request, Refusal refusal, Runnable before) {
        Case(String name, Supplier<SuiteHttp.Request> request, Refusal refusal) {
            this(name, request, refusal, () -> { });
        }
    }

    /** Cases that share a kind of attack; nothing may have changed after them. */
    record Group(String name, List<Case> cases) {
    }

    /**
     * A JSON route's valid body and where its attacks go.
     *
     * @param base a body the route accepts (with the fixtures)
     * @param firstPointer the member numbers and nesting go into
     * @param stringPointer a text member for string attacks, or null
     * @param duplicateIn the object whose first member is duplicated ("" for the body)
     */
    record JsonBody(Supplier<ObjectNode> base, String firstPointer, String stringPointer, String duplicateIn) {
    }

    /** What the suite prepared: ids, tokens and the valid bodies the cases spoil. */
    static final class Fixture {
        JsonNode schema;
        Site siteA;
        Site siteB;
        Site siteC;
        Session s1;
        Session s3;
        volatile String closeTarget;
        String upload1;
        String upload2;
        ObjectNode websiteBase;
        JsonNode onlineForm;
        JsonNode offlineForm;
        ObjectNode onlineFields;
        ObjectNode offlineFields;
        String webhookB;
        String webhookC;
    }

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        raw = new SuiteHttp(host.baseUrl());
        fx = prepare();
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> badInputGetsAJson4xxAndChangesNothing() {
        for (RouteTable.Entry e : routes()) { // records what the suite cannot cover in COVERAGE
            bodyKind(e);
            params(e).forEach(p -> paramValue(e, p));
        }
        List<Group> groups = List.of(
                wrongMethods(),
                pathAttacks(),
                httpFraming(),
                jsonBodies(),
                websiteSettings(),
                formDefinitions(),
                formSubmissions("session open", P + "/widget/{key}/sessions", fx.onlineForm, fx.onlineFields),
                formSubmissions("offline message", P + "/widget/{key}/offline", fx.offlineForm, fx.offlineFields),
                hostAndChatFields(),
                uploads(),
                pluginUploads(),
                queryParameters(),
                lastEventIds(),
                agentClose());
        int total = groups.stream().mapToInt(g -> g.cases().size()).sum();
        StringBuilder counts = new StringBuilder("bad-input suite: " + total + " cases over "
                + routes().size() + " routes and " + PAGES.size() + " pages\n");
        groups.forEach(g -> counts.append(String.format("  %4d  %s%n", g.cases().size(), g.name())));
        System.out.print(counts);
        expected = settledState();
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(dynamicTest("every mounted route has fixtures and a body kind in the suite", () -> {
            if (!COVERAGE.isEmpty()) {
                fail("the suite does not cover:\n  " + String.join("\n  ", new TreeSet<>(COVERAGE)));
            }
        }));
        nodes.add(dynamicTest("the suite has at least 300 cases (" + total + ")",
                () -> assertTrue(total >= 300, "cases: " + total)));
        for (Group g : groups) {
            nodes.add(container(g));
        }
        return nodes.stream();
    }

    private static DynamicNode container(Group g) {
        List<DynamicNode> children = new ArrayList<>();
        for (Case c : g.cases()) {
            children.add(dynamicTest(c.name(), () -> run(c)));
        }
        children.add(dynamicTest(g.name() + " · no state change", () -> {
            ObservableState now = settledState();
            ObservableState before = expected;
            expected = now;
            String diff = now.differencesFrom(before);
            if (!diff.isEmpty()) {
                fail("the refused requests of \"" + g.name() + "\" changed the state:" + diff);
            }
        }));
        return dynamicContainer(g.name() + " (" + g.cases().size() + " cases)", children.stream());
    }

    private static void run(Case c) {
        c.before().run();
        SuiteHttp.Request request = c.request().get();
        SuiteHttp.Answer answer = raw.exchange(request);
        List<String> problems = new ArrayList<>(c.refusal().problems(answer));
        if (answer.failure() == null && !answer.streamOpened()) { // and as the OpenAPI document describes it
            problems.addAll(OpenApiRefusals.problems(request.method(), request.target(), answer.status(),
                    answer.header("Content-Type"), answer.body()));
        }
        if (!problems.isEmpty()) {
            String target = request.target();
            fail(c.name() + "\n  sent:     " + request.method() + " "
                    + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
                    + " (" + request.bodyBytes().length + "-byte body)"
                    + "\n  expected: " + c.refusal().describe()
                    + "\n  got:      " + answer.summary()
                    + "\n  problems: " + String.join("; ", problems));
        }
    }

    // ---------------------------------------------------------------- fixtures

    private static Fixture prepare() {
        Fixture f = new Fixture();
        Http http = api.http;
        check(http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, "{\"chatTimeoutSeconds\":604800}"), 200,
                "no chat times out while the suite runs");
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        f.schema = check(http.get(P + "/api/settings-schema", TestHost.ADMIN_TOKEN), 200, "settings schema").json();

        ObjectNode a = ChatApi.website("Suite shop");
        a.put("maxConcurrentSessions", 100);
        a.put("unmanagedAfterSeconds", 86_400);
        a.putObject("messages").put("waitingAfterSeconds", 86_400);
        a.putObject("offline").put("forwardTo", "support@shop.example.com").putObject("openInteraction")
                .put("to", "inbox@shop.example.com").put("subjectField", "subject");
        f.siteA = api.createWebsite(a);
        check(api.putForm(f.siteA, "online", """
                [{"type":"label","label":"Welcome to the suite shop"},
                 {"type":"input","name":"name","label":"Name","required":true,"mapTo":{"contact":"firstName"}},
                 {"type":"input","name":"email","label":"E-mail","inputType":"email","required":true,
                  "mapTo":{"contact":"email"}},
                 {"type":"input","name":"age","label":"Age","inputType":"number"},
                 {"type":"select","name":"topic","label":"Topic","options":["Billing","Sales"],
                  "mapTo":{"variable":"topic"}},
                 {"type":"radio","name":"contactBy","label":"Contact by","options":["Phone","Mail"]},
                 {"type":"checkboxes","name":"interests","label":"Interests","options":["News","Offers"]},
                 {"type":"textarea","name":"notes","label":"Notes"},
                 {"type":"agreement","name":"terms","label":"I accept the terms","required":true},
                 {"type":"attachment","name":"files","label":"Files","accept":".pdf,image/*"}]"""), 200, "online form");
        check(api.putForm(f.siteA, "offline", """
                [{"type":"input","name":"name","label":"Name","required":true,"mapTo":{"contact":"firstName"}},
                 {"type":"input","name":"email","label":"E-mail","inputType":"email","required":true,
                  "mapTo":{"contact":"email"}},
                 {"type":"input","name":"phone","label":"Phone","mapTo":{"contact":"phone"}},
                 {"type":"input","name":"subject","label":"Subject","required":true},
                 {"type":"textarea","name":"message","label":"Message","required":true},
                 {"type":"select","name":"topic","label":"Topic","options":["Billing","Sales"]},
                 {"type":"checkboxes","name":"interests","label":"Interests","options":["News","Offers"]},
                 {"type":"agreement","name":"terms","label":"I accept the terms","required":true},
                 {"type":"attachment","name":"files","label":"Files","accept":".pdf,image/*"}]"""), 200, "offline form");
        f.onlineForm = check(http.get(P + "/api/websites/" + f.siteA.id() + "/forms/online", TestHost.ADMIN_TOKEN),
                200, "online form").json();
        f.offlineForm = check(http.get(P + "/api/websites/" + f.siteA.id() + "/forms/offline", TestHost.ADMIN_TOKEN),
                200, "offline form").json();
        f.onlineFields = requiredValues(f.onlineForm);
        f.offlineFields = requiredValues(f.offlineForm);

        f.upload1 = check(api.upload(f.siteA.key(), "online", "files", "invoice.pdf", Bodies.pdf()), 201,
                "upload for the online form").json().get("uploadId").asText();
        f.upload2 = check(api.upload(f.siteA.key(), "offline", "files", "receipt.pdf", Bodies.pdf()), 201,
                "upload for the offline form").json().get("uploadId").asText();

        // S1: every field filled in, with the upload; the agent holds it. Most session and agent routes use it.
        Http.Reply s1 = check(api.open(f.siteA.key(), "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,"
                + "\"topic\":\"Billing\",\"contactBy\":\"Mail\",\"interests\":[\"News\"],\"notes\":\"Hi\","
                + "\"terms\":true,\"files\":[\"" + f.upload1 + "\"]}"), 201, "session S1");
        f.s1 = new Session(f.siteA.key(), s1.json().get("sessionId").asText(), s1.json().get("token").asText());
        accept(f.s1.id());
        // S3: opened with the minimal valid fields the submission cases spoil, which proves them valid.
        Http.Reply s3 = check(api.widget("POST", f.siteA.key(), "/sessions", Bodies.json(sessionBody(f.onlineFields)),
                null), 201, "session S3 from the minimal online fields");
        f.s3 = new Session(f.siteA.key(), s3.json().get("sessionId").asText(), s3.json().get("token").asText());
        accept(f.s3.id());
        f.closeTarget = heldInteraction(f.siteA.key(), "Bea");
        // The minimal offline fields are valid too.
        check(api.widget("POST", f.siteA.key(), "/offline", Bodies.json(offlineBody(f.offlineFields)), null), 202,
                "offline message from the minimal offline fields");

        f.websiteBase = Bodies.object("""
                {"name":"Suite site B","origins":["https://b.example.com","https://*.b.example.org"],
                 "timezone":"Europe/Rome","workingIntervals":[{"weekdays":"mon-fri","time":"09:00-18:00"}],
                 "closedDates":["2026-12-25"],"maxConcurrentSessions":10,"unmanagedAfterSeconds":120,
                 "maxMessageLength":4000,"contactMatchField":"email",
                 "offline":{"forwardTo":"support@b.example.com",
                            "openInteraction":{"to":"inbox@b.example.com","subjectField":"subject"}},
                 "appearance":{"title":"Chat with us","color":"#1f6feb","position":"bottom-right",
                               "launcherText":"Chat","logoUrl":"https://cdn.b.example.com/logo.png","language":"en"},
                 "displayRules":{"urlPatterns":["https://b.example.com/*"],"hours":"08:00-20:00","delaySeconds":0,
                                 "scrollPercent":0,"exitIntent":false,"clickSelector":".help"},
                 "messages":{"greeting":"Hello!","waiting":"Please wait.","waitingAfterSeconds":45,
                             "closing":"Bye.","offline":"We are offline.","unmanaged":"No agent."},
                 "videoCall":{"enabled":true,"provider":"link","linkTemplate":"https://meet.example.com/{room}",
                              "apiUrl":"https://video.example.com/api","apiKey":"suite-key"}}""");
        f.siteB = api.createWebsite(f.websiteBase);
        f.siteC = api.createWebsite(ChatApi.website("Suite site C (the DELETE route's target)"));
        check(http.send("PUT", P + "/api/websites/" + f.siteB.id() + "/forms/online", TestHost.ADMIN_TOKEN,
                Bodies.json(FORM_BASE)), 200, "the form definition the form cases spoil");
        // Disabled webhooks on the sites without chats: no delivery is stored or tried while the suite runs.
        f.webhookB = check(http.send("POST", P + "/api/websites/" + f.siteB.id() + "/webhooks", TestHost.ADMIN_TOKEN,
                Bodies.json(WEBHOOK_BASE)), 201, "the webhook the webhook cases spoil").json().get("id").asText();
        f.webhookC = check(http.send("POST", P + "/api/websites/" + f.siteC.id() + "/webhooks", TestHost.ADMIN_TOKEN,
                Bodies.json(WEBHOOK_BASE)), 201, "the DELETE webhook route's target").json().get("id").asText();
        return f;
    }


    private static Http.Reply check(Http.Reply r, int status, String what) {
        if (r.status() != status) {
            throw new AssertionError("fixture " + what + ": " + r.status() + " " + r.body());
        }
        return r;
    }

    private static void accept(String interactionId) {
        check(api.agent("POST", "/interactions/" + interactionId + "/accept", null), 200, "accept " + interactionId);
    }

    /** Opens a chat and has the agent accept it: the agent close cases' target. */
    private static String heldInteraction(String key, String name) {
        Http.Reply r = check(api.open(key, "{\"name\":\"" + name + "\",\"email\":\"" + name.toLowerCase(Locale.ROOT)
                + "@example.com\",\"terms\":true}"), 201, "a session for the agent close cases");
        String id = r.json().get("sessionId").asText();
        accept(id);
        return id;
    }

    /**
     * Before each agent close case: the target must still be held, or the case would be refused for
     * the wrong reason (404). A case that closed it has already failed; the next gets a new target.
     */
    private static void closeTargetHeld() {
        if (!heldByAgent(fx.closeTarget)) {
            api.setAvailable(TestHost.AGENT_TOKEN, true); // a wrongly accepted status case may have changed it
            fx.closeTarget = heldInteraction(fx.siteA.key(), "Bea");
        }
    }

    private static boolean heldByAgent(String interactionId) {
        try (Connection c = host.services().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT status, agent FROM host_routing WHERE interaction_id = ?")) {
            ps.setString(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "held".equals(rs.getString(1)) && TestHost.AGENT.equals(rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode sessionBody(ObjectNode fields) {
        ObjectNode body = Bodies.MAPPER.createObjectNode();
        body.set("fields", fields.deepCopy());
        body.put("page", ORIGIN + "/cart");
        return body;
    }

    private static ObjectNode offlineBody(ObjectNode fields) {
        ObjectNode body = Bodies.MAPPER.createObjectNode();
        body.set("fields", fields.deepCopy());
        return body;
    }

    /** Valid values for a form's required fields. */
    private static ObjectNode requiredValues(JsonNode form) {
        ObjectNode out = Bodies.MAPPER.createObjectNode();
        for (JsonNode s : form.get("sections")) {
            if (!s.path("required").asBoolean(false)) {
                continue;
            }
            String name = s.get("name").asText();
            switch (s.get("type").asText()) {
                case "input" -> {
                    switch (s.path("inputType").asText("text")) {
                        case "email" -> out.put(name, "grace@example.com");
                        case "number" -> out.put(name, 41);
                        default -> out.put(name, name.equals("name") ? "Grace" : "Suite " + name);
                    }
                }
                case "textarea" -> out.put(name, "Please call me back.");
                case "select", "radio" -> out.put(name, s.get("options").get(0).asText());
                case "checkboxes" -> out.putArray(name).add(s.get("options").get(0).asText());
                case "agreement" -> out.put(name, true);
                default -> COVERAGE.add("a required " + s.get("type").asText() + " form field (" + name
                        + ") has no valid sample value");
            }
        }
        return out;
    }

    /** A snapshot taken once background work has settled (two equal snapshots 250 ms apart). */
    private static ObservableState settledState() {
        ObservableState last = ObservableState.capture(host.services().dataSource(), host.config().dataDir());
        for (int i = 0; i < 20; i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ObservableState now = ObservableState.capture(host.services().dataSource(), host.config().dataDir());
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    // ---------------------------------------------------------------- the route table

    /** What the suite could not cover: a route it has no fixture or body for, a type it has no bad values for. */
    private static final Set<String> COVERAGE = new LinkedHashSet<>();

    private static final Map<String, BodyKind> BODY_KINDS = Map.ofEntries(
            Map.entry("PUT /api/settings", BodyKind.JSON),
            Map.entry("PUT /api/agent/status", BodyKind.JSON),
            Map.entry("POST /api/agent/interactions/{id}/accept", BodyKind.NONE),
            Map.entry("POST /api/agent/interactions/{id}/messages", BodyKind.JSON),
            Map.entry("POST /api/agent/interactions/{id}/close", BodyKind.JSON),
            Map.entry("POST /api/agent/interactions/{id}/video-call", BodyKind.NONE),
            Map.entry("POST /api/plugins", BodyKind.MULTIPART),
            Map.entry("POST /api/plugins/{id}/stop", BodyKind.NONE),
            Map.entry("POST /api/plugins/{id}/start", BodyKind.NONE),
            Map.entry("POST /api/plugins/{id}/reload", BodyKind.NONE),
            Map.entry("POST " + P + "/api/websites", BodyKind.JSON),
            Map.entry("PUT " + P + "/api/websites/{id}", BodyKind.JSON),
            Map.entry("DELETE " + P + "/api/websites/{id}", BodyKind.NONE),
            Map.entry("PUT " + P + "/api/websites/{id}/forms/{kind}", BodyKind.JSON),
            Map.entry("POST " + P + "/api/forms/preview", BodyKind.JSON),
            Map.entry("POST " + P + "/widget/{key}/uploads", BodyKind.MULTIPART),
            Map.entry("POST " + P + "/widget/{key}/offline", BodyKind.JSON),
            Map.entry("POST " + P + "/widget/{key}/sessions", BodyKind.JSON),
            Map.entry("POST " + P + "/widget/{key}/sessions/{sessionId}/messages", BodyKind.JSON),
            Map.entry("POST " + P + "/widget/{key}/sessions/{sessionId}/close", BodyKind.NONE),
            Map.entry("POST " + P + "/widget/{key}/sessions/{sessionId}/files", BodyKind.MULTIPART),
            Map.entry("POST /api/agent/interactions/{id}/files", BodyKind.MULTIPART),
            Map.entry("POST " + P + "/widget/{key}/sessions/{sessionId}/transcript", BodyKind.JSON),
            Map.entry("POST " + P + "/widget/{key}/sessions/{sessionId}/typing", BodyKind.JSON),
            Map.entry("POST " + P + "/widget/{key}/sessions/{sessionId}/read", BodyKind.JSON),
            Map.entry("POST " + P + "/widget/{key}/sessions/{sessionId}/rating", BodyKind.JSON),
            Map.entry("POST /api/agent/interactions/{id}/typing", BodyKind.JSON),
            Map.entry("POST /api/agent/interactions/{id}/read", BodyKind.JSON),
            Map.entry("POST " + P + "/api/websites/{id}/webhooks", BodyKind.JSON),
            Map.entry("PUT " + P + "/api/websites/{id}/webhooks/{webhookId}", BodyKind.JSON),
            Map.entry("DELETE " + P + "/api/websites/{id}/webhooks/{webhookId}", BodyKind.NONE),
            Map.entry("POST " + P + "/api/websites/{id}/webhooks/{webhookId}/secret", BodyKind.NONE),
            Map.entry("POST " + P + "/api/contacts/{contactId}/erasure", BodyKind.JSON));

    private static final ObjectNode WEBHOOK_BASE = Bodies.object("""
            {"url":"https://hooks.example.com/chat","events":["chat.opened","chat.closed"],"enabled":false,
             "allowPrivateTargets":false}""");

    private static final String AGENT_CLOSE = "POST /api/agent/interactions/{id}/close";

    private static final ObjectNode FORM_BASE = Bodies.object("""
            {"sections":[
             {"type":"label","label":"Hello"},
             {"type":"input","name":"name","label":"Name","required":true,"mapTo":{"contact":"firstName"}},
             {"type":"input","name":"email","label":"E-mail","inputType":"email","required":true,
              "mapTo":{"contact":"email"}},
             {"type":"select","name":"topic","label":"Topic","options":["Billing","Sales"],"default":"Billing",
              "mapTo":{"variable":"topic"}},
             {"type":"checkboxes","name":"interests","label":"Interests","options":["News","Offers"]},
             {"type":"agreement","name":"terms","label":"Terms","required":true},
             {"type":"attachment","name":"files","label":"Files","accept":".pdf,image/*"}]}""");

    /** The valid bodies of the JSON routes, and where their attacks go. */
    private static Map<String, JsonBody> jsonRoutes() {
        Map<String, JsonBody> out = new LinkedHashMap<>();
        out.put("PUT /api/settings", new JsonBody(() -> Bodies.object("{\"chatTimeoutSeconds\":604799}"),
                "/chatTimeoutSeconds", null, ""));
        out.put("PUT /api/agent/status", new JsonBody(() -> Bodies.object("{\"available\":false}"),
                "/available", null, ""));
        out.put("POST /api/agent/interactions/{id}/messages", new JsonBody(() -> Bodies.object(
                "{\"text\":\"Suite agent message\",\"clientMessageId\":\"suite-agent-1\"}"), "/text", "/text", ""));
        out.put(AGENT_CLOSE, new JsonBody(() -> Bodies.object("{\"disposition\":\"Solved\"}"), "/disposition",
                "/disposition", ""));
        out.put("POST " + P + "/api/websites", new JsonBody(() -> fx.websiteBase.deepCopy()
                .put("name", "Suite site D (must not be created)"), "/name", "/name", ""));
        out.put("PUT " + P + "/api/websites/{id}", new JsonBody(() -> fx.websiteBase.deepCopy(), "/name", "/name", ""));
        out.put("PUT " + P + "/api/websites/{id}/forms/{kind}", new JsonBody(FORM_BASE::deepCopy, "/sections",
                "/sections/1/label", ""));
        out.put("POST " + P + "/api/forms/preview", new JsonBody(FORM_BASE::deepCopy, "/sections",
                "/sections/1/label", ""));
        out.put("POST " + P + "/widget/{key}/offline", new JsonBody(() -> offlineBody(fx.offlineFields),
                "/fields/name", "/fields/name", "/fields"));
        out.put("POST " + P + "/widget/{key}/sessions", new JsonBody(() -> sessionBody(fx.onlineFields),
                "/fields/name", "/fields/name", "/fields"));
        out.put("POST " + P + "/widget/{key}/sessions/{sessionId}/messages", new JsonBody(() -> Bodies.object(
                "{\"text\":\"Suite customer message\",\"clientMessageId\":\"suite-customer-1\"}"), "/text", "/text",
                ""));
        out.put("POST " + P + "/widget/{key}/sessions/{sessionId}/transcript", new JsonBody(() -> Bodies.object(
                "{\"email\":\"suite@example.com\"}"), "/email", "/email", ""));
        out.put("POST " + P + "/widget/{key}/sessions/{sessionId}/typing", new JsonBody(() -> Bodies.object(
                "{\"typing\":false}"), "/typing", null, ""));
        out.put("POST " + P + "/widget/{key}/sessions/{sessionId}/read", new JsonBody(() -> Bodies.object(
                "{\"seq\":0}"), "/seq", null, ""));
        out.put("POST " + P + "/widget/{key}/sessions/{sessionId}/rating", new JsonBody(() -> Bodies.object(
                "{\"score\":5,\"comment\":\"Suite rating\"}"), "/score", "/comment", ""));
        out.put("POST /api/agent/interactions/{id}/typing", new JsonBody(() -> Bodies.object("{\"typing\":false}"),
                "/typing", null, ""));
        out.put("POST /api/agent/interactions/{id}/read", new JsonBody(() -> Bodies.object("{\"seq\":0}"), "/seq",
                null, ""));
        out.put("POST " + P + "/api/websites/{id}/webhooks", new JsonBody(WEBHOOK_BASE::deepCopy, "/events", "/url", ""));
        out.put("PUT " + P + "/api/websites/{id}/webhooks/{webhookId}", new JsonBody(WEBHOOK_BASE::deepCopy, "/events",
                "/url", ""));
        out.put("POST " + P + "/api/contacts/{contactId}/erasure", new JsonBody(() -> Bodies.object(
                "{\"confirm\":true}"), "/confirm", null, ""));
        return out;
    }

    private static List<RouteTable.Entry> routes() {
        List<RouteTable.Entry> all = new ArrayList<>(host.routes().routesOf("host"));
        host.plugins().plugins().forEach(p -> all.addAll(host.routes().routesOf(p.getPluginId())));
        all.sort(Comparator.comparing(BadInputSuiteTest::template).thenComparing(e -> e.route().method()));
        return all;
    }

    private static RouteTable.Entry entry(String key) {
        for (RouteTable.Entry e : routes()) {
            if (key(e).equals(key)) {
                return e;
            }
        }
        throw new AssertionError("the route table has no " + key);
    }

    static String template(RouteTable.Entry e) {
        return "/" + String.join("/", e.segments());
    }

    static String key(RouteTable.Entry e) {
        return e.route().method() + " " + template(e);
    }

    private static boolean isParam(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> params(RouteTable.Entry e) {
        return e.segments().stream().filter(BadInputSuiteTest::isParam).map(s -> s.substring(1, s.length() - 1))
                .toList();
    }

    private static BodyKind bodyKind(RouteTable.Entry e) {
        String m = e.route().method();
        if (m.equals("GET") || m.equals("OPTIONS") || m.equals("HEAD")) {
            return BodyKind.NONE;
        }
        BodyKind kind = BODY_KINDS.get(key(e));
        if (kind == null) {
            COVERAGE.add(key(e) + ": not classified in BODY_KINDS (does it take a JSON body, a multipart one, none?)");
            return BodyKind.NONE;
        }
        if (kind == BodyKind.JSON && !jsonRoutes().containsKey(key(e))) {
            COVERAGE.add(key(e) + ": a JSON route without a valid base body");
        }
        return kind;
    }

    /** The fixture value of a path parameter: the route's access passes with it. */
    private static String paramValue(RouteTable.Entry e, String param) {
        String t = template(e);
        String m = e.route().method();
        if (t.startsWith(P + "/widget/{key}")) {
            if (param.equals("key")) {
                return fx.siteA.key();
            }
            if (param.equals("sessionId")) {
                return sessionOf(e).id();
            }
        }
        if (t.startsWith("/api/agent/interactions/{id}") && param.equals("id")) {
            return t.endsWith("/close") ? fx.closeTarget : fx.s1.id();
        }
        if (t.startsWith(P + "/api/websites/{id}")) {
            if (param.equals("id")) {
                return m.equals("DELETE") ? fx.siteC.id() : fx.siteB.id();
            }
            if (param.equals("kind")) {
                return "online";
            }
            if (param.equals("webhookId")) {
                return m.equals("DELETE") ? fx.webhookC : fx.webhookB;
            }
        }
        if ((t.equals(P + "/api/uploads/{id}") || t.equals(P + "/agent/uploads/{id}")) && param.equals("id")) {
            return fx.upload1;
        }
        if (t.endsWith("/files/{fileId}") && param.equals("fileId")) {
            return "00000000-0000-4000-8000-000000000000"; // a chat file's id; none exists, so 404 either way
        }
        if (t.startsWith(P + "/api/contacts/{contactId}") && param.equals("contactId")) {
            return "suite-no-such-contact"; // no data: an erasure that got through would still leave an audit record
        }
        if (t.startsWith("/api/plugins/{id}") && param.equals("id")) {
            // reading names the real plugin; an action names none, so that no case can stop the plugin under the suite
            return m.equals("GET") ? "chat-website" : "suite-no-such-plugin";
        }
        COVERAGE.add(key(e) + ": no fixture value for {" + param + "}");
        return "no-fixture-for-" + param;
    }

    /** The session a widget session route acts on: the customer's close gets a session of its own. */
    private static Session sessionOf(RouteTable.Entry e) {
        return template(e).endsWith("/close") ? fx.s3 : fx.s1;
    }

    private static String query(RouteTable.Entry e) {
        return key(e).equals("POST " + P + "/widget/{key}/uploads") ? "?form=online&field=files" : "";
    }

    /** The route's path with fixture values, some parameters replaced by exact text. */
    private static String target(RouteTable.Entry e, Map<String, String> rawParams) {
        StringBuilder out = new StringBuilder();
        for (String s : e.segments()) {
            out.append('/');
            if (isParam(s)) {
                String name = s.substring(1, s.length() - 1);
                out.append(rawParams.containsKey(name) ? rawParams.get(name) : paramValue(e, name));
            } else {
                out.append(s);
            }
        }
        return (out.length() == 0 ? "/" : out.toString()) + query(e);
    }

    private static String target(RouteTable.Entry e) {
        return target(e, Map.of());
    }

    private static String tokenOf(RouteTable.Entry e) {
        return switch (e.route().access()) {
            case ADMIN -> TestHost.ADMIN_TOKEN;
            case AGENT -> TestHost.AGENT_TOKEN;
            case PUBLIC -> template(e).contains("{sessionId}") ? sessionOf(e).token() : null;
        };
    }

    /** A request that passes the route's access checks: token, and for the widget its origin. */
    private static SuiteHttp.Request request(RouteTable.Entry e, String target) {
        return request(e, e.route().method(), target);
    }

    private static SuiteHttp.Request request(RouteTable.Entry e, String method, String target) {
        SuiteHttp.Request r = SuiteHttp.request(method, target);
        if (e.route().access() == RouteAccess.PUBLIC && template(e).startsWith(P + "/widget/")) {
            r.header("Origin", ORIGIN);
        }
        String token = tokenOf(e);
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return r;
    }

    /** The same with the route's valid body, so only what a case spoils is wrong. */
    private static SuiteHttp.Request validRequest(RouteTable.Entry e, String target) {
        SuiteHttp.Request r = request(e, target);
        switch (bodyKind(e)) {
            case JSON -> r.header("Content-Type", "application/json")
                    .body(Bodies.json(jsonRoutes().get(key(e)).base().get()));
            case MULTIPART -> {
                String boundary = "suite-boundary";
                r.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .body(Bodies.multipart(boundary, new Object[] {"file", "invoice.pdf", "application/pdf",
                                Bodies.pdf()}));
            }
            case NONE -> { }
        }
        return r;
    }

    private static SuiteHttp.Request json(RouteTable.Entry e, byte[] body) {
        return request(e, target(e)).header("Content-Type", "application/json").body(body);
    }

    private static List<String> decodedSegments(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        List<String> out = new ArrayList<>();
        for (String s : RouteTable.split(path)) {
            out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
        }
        return out;
    }

    // ---------------------------------------------------------------- groups

    /** Every path of the route table with each method it does not declare; the host's pages too. */
    private static Group wrongMethods() {
        List<Case> cases = new ArrayList<>();
        Map<String, RouteTable.Entry> byTemplate = new LinkedHashMap<>();
        routes().forEach(e -> byTemplate.putIfAbsent(template(e), e));
        byTemplate.forEach((template, e) -> {
            List<String> segments = decodedSegments(target(e));
            for (String m : METHODS) {
                RouteTable.Match match = host.routes().find(m, segments);
                if (match.entry().isPresent()) {
                    continue;
                }
                Set<String> allowed = new TreeSet<>(match.allowedMethods());
                if (allowed.isEmpty()) {
                    COVERAGE.add(template + ": its fixture path matches no route");
                    continue;
                }
                cases.add(new Case(m + " " + template + " · wrong method (it has " + String.join(", ", allowed) + ")",
                        () -> withSmallBody(request(e, m, target(e)), m, "{}"),
                        Refusal.status(405).allowing(allowed)));
            }
        });
        for (String page : PAGES) {
            for (String m : List.of("POST", "PUT", "DELETE", "PATCH")) {
                cases.add(new Case(m + " " + page + " · wrong method on a page",
                        () -> withSmallBody(SuiteHttp.request(m, page), m, "{}"),
                        Refusal.status(405).allowing(Set.of("GET"))));
            }
        }
        return new Group("wrong method", cases);
    }

    private static SuiteHttp.Request withSmallBody(SuiteHttp.Request r, String method, String body) {
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            r.header("Content-Type", "application/json").body(body);
        }
        return r;
    }

    /** Attacks on a path parameter: {@code {valid}} stands for the fixture's value. */
    private static final List<String[]> PATH_ATTACKS = List.of(
            new String[] {"%2F", "..%2F..%2Fapi%2Fsettings"},
            new String[] {"%2e%2e", "%2e%2e"},
            new String[] {"%2e", "%2e"},
            new String[] {"..;", "..;"},
            new String[] {"%5C", "..%5C..%5Cadmin"},
            new String[] {"%00", "{valid}%00"},
            new String[] {"// (empty)", ""},
            new String[] {"// before it", "/{valid}"},
            new String[] {"%252e%252e (encoded twice)", "%252e%252e"},
            new String[] {"%zz (a broken escape)", "{valid}%zz"},
            new String[] {"%ff%fe (not UTF-8)", "%ff%fe"},
            new String[] {"%E2%80%AE (U+202E)", "%E2%80%AE{valid}"},
            new String[] {"2,000 characters", "a".repeat(2000)});

    private static Group pathAttacks() {
        List<Case> cases = new ArrayList<>();
        for (RouteTable.Entry e : routes()) {
            for (String param : params(e)) {
                if (e.route().method().equals("OPTIONS") && param.equals("sessionId")) {
                    continue; // a CORS preflight carries no token: it rightly answers for any session id
                }
                for (String[] attack : PATH_ATTACKS) {
                    cases.add(new Case(key(e) + " · path: {" + param + "} = " + attack[0], () -> {
                        String value = attack[1].replace("{valid}", paramValue(e, param));
                        return validRequest(e, target(e, Map.of(param, value)));
                    }, Refusal.any4xx()));
                }
            }
        }
        return new Group("path attacks", cases);
    }

    /** Framing a client would not send: the HTTP server's own refusals must be JSON too. */
    private static Group httpFraming() {
        List<Case> cases = new ArrayList<>();
        for (RouteTable.Entry e : routes()) {
            String k = key(e);
            cases.add(new Case(k + " · URI of 9,000 characters (414)", () -> {
                String t = target(e);
                return validRequest(e, t + (t.contains("?") ? "&" : "?") + "pad=" + "a".repeat(9000));
            }, Refusal.status(414)));
            cases.add(new Case(k + " · one 10,000-byte header (431)",
                    () -> validRequest(e, target(e)).header("X-Pad", "a".repeat(10_000)),
                    Refusal.status(431)));
            cases.add(new Case(k + " · 300 headers (431)", () -> {
                SuiteHttp.Request r = validRequest(e, target(e));
                for (int i = 0; i < 300; i++) {
                    r.header("X-Pad-" + i, "a".repeat(40));
                }
                return r;
            }, Refusal.status(431)));
            cases.add(new Case(k + " · two different Content-Length headers",
                    () -> validRequest(e, target(e)).noContentLength().header("Content-Length", "2")
                            .header("Content-Length", "3").body("{}"),
                    Refusal.status(400)));
            cases.add(new Case(k + " · Content-Length: abc",
                    () -> validRequest(e, target(e)).noContentLength().header("Content-Length", "abc").body("{}"),
                    Refusal.status(400)));
            cases.add(new Case(k + " · Content-Length: -1",
                    () -> validRequest(e, target(e)).noContentLength().header("Content-Length", "-1").body("{}"),
                    Refusal.status(400)));
            cases.add(new Case(k + " · Content-Length: 99999999999999999999",
                    () -> validRequest(e, target(e)).noContentLength()
                            .header("Content-Length", "99999999999999999999").body("{}"),
                    Refusal.any4xx()));
            cases.add(new Case(k + " · Content-Length and Transfer-Encoding: chunked",
                    () -> validRequest(e, target(e)).noContentLength().header("Content-Length", "5")
                            .header("Transfer-Encoding", "chunked").body("0\r\n\r\n"),
                    Refusal.status(400)));
            cases.add(new Case(k + " · NUL in Authorization", () -> {
                String token = tokenOf(e);
                String bad = token == null ? "Bearer x\u0000y"
                        : "Bearer " + token.substring(0, token.length() / 2) + "\u0000" + token.substring(token.length() / 2);
                return validRequest(e, target(e)).removeHeader("Authorization").header("Authorization", bad);
            }, Refusal.any4xx()));
        }
        return new Group("HTTP framing", cases);
    }

    /** Every generic body attack on every JSON route (but the agent's close, which has its own group). */
    private static Group jsonBodies() {
        List<Case> cases = new ArrayList<>();
        for (RouteTable.Entry e : routes()) {
            if (bodyKind(e) != BodyKind.JSON || key(e).equals(AGENT_CLOSE)) {
                continue;
            }
            JsonBody spec = jsonRoutes().get(key(e));
            if (spec != null) {
                cases.addAll(jsonAttacks(e, spec, () -> { }));
            }
        }
        return new Group("JSON body attacks", cases);
    }

    private static List<Case> jsonAttacks(RouteTable.Entry e, JsonBody spec, Runnable before) {
        List<Case> out = new ArrayList<>();
        String k = key(e);
        long limit = e.route().maxBodyBytes();
        Refusal refused = Refusal.any4xx();
        Supplier<String> base = () -> Bodies.json(spec.base().get());
        BiConsumer<String, Supplier<byte[]>> body = (label, bytes) ->
                out.add(new Case(k + " · body: " + label, () -> json(e, bytes.get()), refused, before));

        body.accept("empty", () -> new byte[0]);
        body.accept("only whitespace", () -> Bodies.utf8(" \r\n\t "));
        body.accept("JSON null", () -> Bodies.utf8("null"));
        body.accept("an array", () -> Bodies.utf8("[" + base.get() + "]"));
        body.accept("a string", () -> Bodies.utf8("\"text\""));
        body.accept("a number", () -> Bodies.utf8("42"));
        body.accept("true", () -> Bodies.utf8("true"));
        body.accept("cut off", () -> {
            String b = base.get();
            return Bodies.utf8(b.substring(0, b.length() - 1));
        });
        body.accept("an unclosed string", () -> Bodies.utf8("{\"" + spec.firstPointer().substring(1).split("/")[0]
                + "\": \"abc"));
        body.accept("trailing garbage", () -> Bodies.utf8(base.get() + " x"));
        body.accept("two objects", () -> Bodies.utf8(base.get() + base.get()));
        body.accept("a trailing comma", () -> {
            String b = base.get();
            return Bodies.utf8(b.substring(0, b.length() - 1) + ",}");
        });
        body.accept("single quotes", () -> Bodies.utf8(base.get().replace('"', '\'')));
        body.accept("a comment", () -> Bodies.utf8("/* comment */" + base.get()));
        body.accept("NaN", () -> Bodies.with(spec.base().get(), spec.firstPointer(), "NaN"));
        body.accept("10,000-deep array", () -> Bodies.utf8(Bodies.deepArray(10_000, true)));
        body.accept("10,000-deep object", () -> Bodies.utf8(Bodies.deepObject(10_000)));
        body.accept("10,000 unclosed [", () -> Bodies.utf8(Bodies.deepArray(10_000, false)));
        body.accept("10,000-deep array in " + spec.firstPointer(),
                () -> Bodies.with(spec.base().get(), spec.firstPointer(), Bodies.deepArray(10_000, true)));
        body.accept("5,000-digit number in " + spec.firstPointer(),
                () -> Bodies.with(spec.base().get(), spec.firstPointer(), Bodies.digits(5_000)));
        body.accept("5,000-digit fraction in " + spec.firstPointer(),
                () -> Bodies.with(spec.base().get(), spec.firstPointer(), "0." + Bodies.digits(5_000)));
        body.accept("1e999999999 in " + spec.firstPointer(),
                () -> Bodies.with(spec.base().get(), spec.firstPointer(), "1e999999999"));
        body.accept("a duplicate key" + (spec.duplicateIn().isEmpty() ? "" : " in " + spec.duplicateIn()),
                () -> Bodies.duplicateFirstMember(spec.base().get(), spec.duplicateIn()));
        body.accept("a 60,000-character key", () -> Bodies.utf8(
                "{" + Bodies.str("k".repeat(60_000)) + ":1," + base.get().substring(1)));
        body.accept("binary garbage", () -> {
            byte[] b = new byte[256];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) i;
            }
            return b;
        });
        if (spec.stringPointer() != null) {
            String sp = spec.stringPointer();
            body.accept("lone high surrogate in " + sp, () -> Bodies.with(spec.base().get(), sp, "\"x\\ud800y\""));
            body.accept("lone low surrogate in " + sp, () -> Bodies.with(spec.base().get(), sp, "\"x\\udc00y\""));
            body.accept("surrogates in reverse order in " + sp,
                    () -> Bodies.with(spec.base().get(), sp, "\"x\\udc00\\ud800y\""));
            body.accept("invalid UTF-8 in " + sp, () -> Bodies.with(spec.base().get(), sp,
                    new byte[] {'"', 'x', (byte) 0xC3, 0x28, 'y', '"'}));
            body.accept("overlong UTF-8 in " + sp, () -> Bodies.with(spec.base().get(), sp,
                    new byte[] {'"', 'x', (byte) 0xC0, (byte) 0xAF, 'y', '"'}));
            body.accept("a raw NUL byte in " + sp, () -> Bodies.with(spec.base().get(), sp,
                    new byte[] {'"', 'x', 0, 'y', '"'}));
            body.accept("a raw line break in " + sp, () -> Bodies.with(spec.base().get(), sp,
                    new byte[] {'"', 'x', '\n', 'y', '"'}));
            int length = (int) Math.min(200_000, limit / 2);
            body.accept(String.format("%,d", length) + " characters in " + sp,
                    () -> Bodies.with(spec.base().get(), sp, Bodies.str("x".repeat(length))));
        }
        out.add(new Case(k + " · content type: form-urlencoded", () -> request(e, target(e))
                .header("Content-Type", "application/x-www-form-urlencoded").body("name=Eve&text=hello"),
                refused, before));
        out.add(new Case(k + " · content type: multipart", () -> request(e, target(e))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .body(Bodies.multipart("b", new Object[] {"text", null, null, Bodies.utf8("hello")})), refused, before));
        out.add(new Case(k + " · body: " + String.format("%,d", limit + 1) + " bytes, over the route's limit",
                () -> json(e, padded(base.get(), limit + 1)), Refusal.status(413), before));
        out.add(new Case(k + " · body: " + String.format("%,d", limit + 1) + " bytes chunked, over the route's limit",
                () -> json(e, padded(base.get(), limit + 1)).chunked(), Refusal.status(413),
                before));
        out.add(new Case(k + " · body: cut short (Content-Length 10 more, then the input ends)",
                () -> json(e, Bodies.utf8(base.get())).declaredLength(Bodies.utf8(base.get()).length + 10)
                        .endInputAfterBody(), refused, before));
        out.add(new Case(k + " · body: a 10,000-deep array sent slowly",
                () -> json(e, Bodies.utf8(Bodies.deepArray(10_000, true))).slowly(8, Duration.ofMillis(25)),
                refused, before));
        return out;
    }

    /** A valid JSON text grown with whitespace to exactly {@code size} bytes. */
    private static byte[] padded(String json, long size) {
        byte[] b = Bodies.utf8(json);
        return Bodies.utf8("{" + " ".repeat((int) (size - b.length)) + json.substring(1));
    }

    /** A bad value for one member of a valid body. */
    private record Mutation(String label, String pointer, byte[] raw, Refusal refusal) {
    }

    private static Mutation mutation(String label, String pointer, String rawJson, Refusal refusal) {
        return new Mutation(label, pointer, Bodies.utf8(rawJson), refusal);
    }

    /** Every setting of the website settings schema with bad values for its type, on create and on update. */
    private static Group websiteSettings() {
        List<Mutation> mutations = new ArrayList<>();
        for (JsonNode s : fx.schema.get("settings")) {
            mutations.addAll(settingMutations(s, "", ""));
        }
        Refusal named = Refusal.any4xx();
        mutations.add(mutation("unknown setting colour = \"red\"", "/colour", "\"red\"", named.naming("colour")));
        mutations.add(mutation("appearance = \"x\" (a group that is not an object)", "/appearance", "\"x\"",
                named.naming("appearance")));
        mutations.add(mutation("unknown setting appearance.bogus = 1", "/appearance/bogus", "1",
                named.naming("appearance.bogus")));
        List<Case> cases = new ArrayList<>();
        RouteTable.Entry create = entry("POST " + P + "/api/websites");
        RouteTable.Entry update = entry("PUT " + P + "/api/websites/{id}");
        for (Mutation m : mutations) {
            for (RouteTable.Entry e : List.of(create, update)) {
                Supplier<ObjectNode> base = jsonRoutes().get(key(e)).base();
                cases.add(new Case(key(e) + " · " + m.label(), () -> json(e, Bodies.with(base.get(), m.pointer(),
                        m.raw())), m.refusal()));
            }
        }
        return new Group("website settings (from the settings schema)", cases);
    }

    private static List<Mutation> settingMutations(JsonNode s, String fieldPrefix, String pointerPrefix) {
        String key = s.get("key").asText();
        String type = s.get("type").asText();
        String field = fieldPrefix + key;
        String ptr = pointerPrefix + "/" + key.replace('.', '/');
        boolean required = s.path("required").asBoolean(false);
        boolean hasDefault = s.has("default");
        Refusal named = Refusal.any4xx().naming(field);
        Refusal input = Refusal.any4xx();
        List<Mutation> out = new ArrayList<>();
        Adder add = (label, rawJson, refusal) -> out.add(mutation(field + " = " + label, ptr, rawJson, refusal));
        switch (type) {
            case "string", "text" -> {
                add.add("42", "42", named);
                add.add("[\"x\"]", "[\"x\"]", named);
                add.add("{\"x\":\"y\"}", "{\"x\":\"y\"}", named);
                add.add("10,001 characters", Bodies.str("x".repeat(10_001)), named);
                add.add("a lone surrogate", "\"x\\ud800y\"", input);
            }
            case "integer" -> {
                add.add("\"10\"", "\"10\"", named);
                add.add("1.5", "1.5", named);
                add.add("[1]", "[1]", named);
                add.add("true", "true", named);
                add.add("-1", "-1", named);
                add.add("2147483648", "2147483648", named);
                add.add("4294967297 (2^32 + 1)", "4294967297", named);
                add.add("a 5,000-digit number", Bodies.digits(5_000), input);
            }
            case "boolean" -> {
                add.add("\"true\"", "\"true\"", named);
                add.add("1", "1", named);
                add.add("[true]", "[true]", named);
                add.add("\"yes\"", "\"yes\"", named);
            }
            case "email" -> {
                add.add("42", "42", named);
                add.add("\"not-an-email\"", "\"not-an-email\"", named);
                add.add("\"grace@\"", "\"grace@\"", named);
                add.add("a display name", Bodies.str("Grace <grace@example.com>"), named);
                add.add("two addresses", Bodies.str("grace@example.com, eve@example.com"), named);
                add.add("CR LF and a Bcc header", Bodies.str("grace@example.com\r\nBcc: eve@example.com"), named);
                add.add("U+202E in it", Bodies.str("gr\u202Eace@example.com"), named);
                add.add("10,001 characters", Bodies.str("x".repeat(10_001) + "@example.com"), named);
            }
            case "url" -> {
                add.add("42", "42", named);
                add.add("javascript:", Bodies.str("javascript:alert(1)"), named);
                add.add("data:", Bodies.str("data:image/png;base64,iVBORw0KGgo="), named);
                add.add("ftp:", Bodies.str("ftp://files.example.com/logo.png"), named);
                add.add("scheme-relative", Bodies.str("//cdn.example.com/logo.png"), named);
                add.add("\"https://\" without a host", Bodies.str("https://"), named);
                add.add("file:", Bodies.str("file:///etc/passwd"), named);
            }
            case "color" -> {
                add.add("42", "42", named);
                add.add("\"red\"", "\"red\"", named);
                add.add("\"#12345\"", "\"#12345\"", named);
                add.add("CSS after it", Bodies.str("#1f6feb;background:url(https://evil.example.com/x)"), named);
            }
            case "timezone" -> {
                add.add("42", "42", named);
                add.add("\"Mars/Olympus\"", "\"Mars/Olympus\"", named);
                add.add("a path", Bodies.str("../../etc/passwd"), named);
                add.add("\"\"", "\"\"", named);
            }
            case "select" -> {
                add.add("42", "42", named);
                add.add("\"not-an-option\"", "\"not-an-option\"", named);
                add.add("[\"x\"]", "[\"x\"]", named);
                if (s.has("options") && s.get("options").size() > 0) {
                    String option = s.get("options").get(0).asText();
                    String other = option.toUpperCase(Locale.ROOT).equals(option) ? option.toLowerCase(Locale.ROOT)
                            : option.toUpperCase(Locale.ROOT);
                    if (!other.equals(option)) {
                        add.add(Bodies.str(other) + " (another case)", Bodies.str(other), named);
                    }
                }
            }
            case "multi_select" -> {
                add.add("\"x\"", "\"x\"", named);
                add.add("[\"not-an-option\"]", "[\"not-an-option\"]", named);
                add.add("[42]", "[42]", named);
            }
            case "string_list" -> {
                add.add("\"x\"", "\"x\"", named);
                add.add("[42]", "[42]", named);
                add.add("[\"\"]", "[\"\"]", named);
                add.add("{\"a\":\"b\"}", "{\"a\":\"b\"}", named);
                add.add("[null]", "[null]", named);
            }
            case "object_list" -> {
                add.add("\"x\"", "\"x\"", named);
                add.add("[42]", "[42]", named);
                add.add("{}", "{}", named);
                add.add("[{}]", "[{}]", named);
                for (JsonNode item : s.path("items")) {
                    out.addAll(settingMutations(item, field + "[0].", ptr + "/0"));
                }
                out.add(mutation(field + "[0].bogus = 1 (unknown)", ptr + "/0/bogus", "1",
                        Refusal.any4xx().naming(field + "[0].bogus")));
            }
            default -> COVERAGE.add("settings type " + type + " (" + field + "): no bad values in the suite");
        }
        if (required) {
            add.add("null", "null", hasDefault ? named : named);
            if (!hasDefault) {
                out.add(new Mutation(field + " left out", ptr, Bodies.OMIT, named));
            }
        }
        switch (field) {
            case "name" -> {
                add.add("\"\"", "\"\"", named);
                add.add("only spaces", "\"   \"", named);
                add.add("201 characters", Bodies.str("x".repeat(201)), named);
                add.add("U+202E in it", Bodies.str("Shop\u202Elive"), input);
                add.add("NUL in it", Bodies.str("Shop\u0000"), input);
                add.add("ESC in it", Bodies.str("Shop\u001b[31m"), input);
                add.add("a line break in it", Bodies.str("Shop\nAdmin: yes"), input);
            }
            case "origins" -> {
                add.add("[]", "[]", named);
                add.add("port 99999", "[\"https://x.example.com:99999\"]", named);
                add.add("port 0", "[\"https://x.example.com:0\"]", named);
                add.add("a path", "[\"https://shop.example.com/path\"]", named);
                add.add("javascript:", "[\"javascript:alert(1)\"]", named);
                add.add("\"*\"", "[\"*\"]", named);
                add.add("\"https://*\"", "[\"https://*\"]", named);
                add.add("ftp:", "[\"ftp://shop.example.com\"]", named);
                add.add("user info", "[\"https://user@shop.example.com\"]", named);
                add.add("U+202E in the host", "[" + Bodies.str("https://shop.example.com\u202E") + "]",
                        named);
            }
            case "maxConcurrentSessions" -> add.add("0", "0", named);
            case "closedDates" -> {
                add.add("month 13", "[\"2026-13-45\"]", named);
                add.add("25/12/2026", "[\"25/12/2026\"]", named);
                add.add("February 30", "[\"2026-02-30\"]", named);
            }
            case "displayRules.hours" -> {
                add.add("\"25:00-26:00\"", "\"25:00-26:00\"", named);
                add.add("\"09:00-09:60\"", "\"09:00-09:60\"", named);
                add.add("\"9-5\"", "\"9-5\"", named);
                add.add("\"09:00\"", "\"09:00\"", named);
            }
            case "appearance.logoUrl" -> add.add("http:", Bodies.str("http://cdn.example.com/logo.png"),
                    named);
            case "workingIntervals[0].time" -> {
                add.add("\"25:00-26:00\"", "\"25:00-26:00\"", named);
                add.add("\"09:00\"", "\"09:00\"", named);
            }
            case "workingIntervals[0].weekdays" -> add.add("\"funday\"", "\"funday\"", named);
            default -> { }
        }
        return out;
    }

    /** Bad values for each setting of the form builder's field schema, in a form saved and in a preview. */
    private static Group formDefinitions() {
        // per field setting: (section index in FORM_BASE, member, bad JSON)
        Map<String, List<String[]>> bad = new LinkedHashMap<>();
        bad.put("type", List.of(new String[] {"1", "type", "\"bogus\""}, new String[] {"1", "type", "42"},
                new String[] {"1", "type", "null"}));
        bad.put("name", List.of(new String[] {"1", "name", "\"1abc\""}, new String[] {"1", "name", "\"a b\""},
                new String[] {"1", "name", Bodies.str("n".repeat(65))}, new String[] {"1", "name", "42"},
                new String[] {"1", "name", "\"\""}, new String[] {"2", "name", "\"name\""},
                new String[] {"1", "name", Bodies.str("na\u202Eme")}, new String[] {"0", "name", "\"x\""}));
        bad.put("label", List.of(new String[] {"1", "label", "\"\""}, new String[] {"1", "label", "42"},
                new String[] {"1", "label", Bodies.str("l".repeat(501))},
                new String[] {"1", "label", "\"x\\ud800y\""}));
        bad.put("required", List.of(new String[] {"1", "required", "\"yes\""}, new String[] {"1", "required", "1"},
                new String[] {"0", "required", "true"}));
        bad.put("inputType", List.of(new String[] {"1", "inputType", "\"date\""},
                new String[] {"1", "inputType", "42"}, new String[] {"3", "inputType", "\"text\""}));
        bad.put("options", List.of(new String[] {"3", "options", "[]"}, new String[] {"3", "options", "\"Billing\""},
                new String[] {"3", "options", "[42]"}, new String[] {"3", "options", "[\"a\",\"a\"]"},
                new String[] {"3", "options", Bodies.json(IntStream.range(0, 101)
                        .mapToObj(i -> "o" + i).toList())},
                new String[] {"3", "options", "[\"\"]"},
                new String[] {"3", "options", "[" + Bodies.str("o".repeat(201)) + "]"},
                new String[] {"1", "options", "[\"a\"]"}));
        bad.put("default", List.of(new String[] {"3", "default", "\"Bogus\""}, new String[] {"1", "default", "42"},
                new String[] {"5", "default", "true"}, new String[] {"6", "default", "\"x\""}));
        bad.put("accept", List.of(new String[] {"6", "accept", "42"}, new String[] {"6", "accept", "\"\""},
                new String[] {"1", "accept", "\".pdf\""}));
        bad.put("mapTo.contact", List.of(new String[] {"1", "mapTo", "{\"contact\":\"bogus\"}"},
                new String[] {"2", "mapTo", "{\"contact\":\"firstName\"}"},
                new String[] {"1", "mapTo", "{\"contact\":42}"}, new String[] {"6", "mapTo", "{\"contact\":\"email\"}"}));
        bad.put("mapTo.variable", List.of(new String[] {"3", "mapTo", "{\"variable\":\"1bad\"}"},
                new String[] {"3", "mapTo", "{\"variable\":42}"},
                new String[] {"3", "mapTo", "{\"contact\":\"email\",\"variable\":\"x\"}"},
                new String[] {"3", "mapTo", "\"topic\""}));
        List<Mutation> mutations = new ArrayList<>();
        for (JsonNode setting : fx.schema.path("forms").path("field").path("settings")) {
            String key = setting.get("key").asText();
            List<String[]> values = bad.get(key);
            if (values == null) {
                COVERAGE.add("form field setting " + key + ": no bad values in the suite");
                continue;
            }
            for (String[] v : values) {
                int i = Integer.parseInt(v[0]);
                String section = "sections[" + i + "]";
                String type = FORM_BASE.get("sections").get(i).get("type").asText();
                Refusal r = Refusal.any4xx().naming(section);
                mutations.add(mutation(section + " (" + type + ")." + v[1] + " = " + abbreviate(v[2]),
                        "/sections/" + i + "/" + v[1], v[2], r));
            }
        }
        Refusal named = Refusal.any4xx();
        mutations.add(mutation("sections[1].colour = \"red\" (unknown)", "/sections/1/colour", "\"red\"",
                named.naming("sections[1]")));
        mutations.add(mutation("sections[1] = 42", "/sections/1", "42", named.naming("sections[1]")));
        mutations.add(mutation("sections = \"x\"", "/sections", "\"x\"", named.naming("sections")));
        mutations.add(mutation("sections = {}", "/sections", "{}", named.naming("sections")));
        mutations.add(new Mutation("sections left out", "/sections", Bodies.OMIT, named.naming("sections")));
        mutations.add(mutation("101 sections", "/sections", Bodies.json(IntStream.range(0, 101)
                .mapToObj(i -> Map.of("type", "label", "label", "L" + i)).toList()), named.naming("sections")));
        mutations.add(mutation("bogus = 1 (unknown)", "/bogus", "1", named.naming("bogus")));
        List<Case> cases = new ArrayList<>();
        for (RouteTable.Entry e : List.of(entry("PUT " + P + "/api/websites/{id}/forms/{kind}"),
                entry("POST " + P + "/api/forms/preview"))) {
            for (Mutation m : mutations) {
                cases.add(new Case(key(e) + " · " + m.label(), () -> json(e, Bodies.with(FORM_BASE, m.pointer(),
                        m.raw())), m.refusal()));
            }
        }
        return new Group("form definitions (from the form builder's field schema)", cases);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "…" : text;
    }

    /**
     * Bad values for each field of the fixture website's form, by the field's type, on the route that
     * takes that form.
     */
    private static Group formSubmissions(String what, String template, JsonNode form, ObjectNode fields) {
        RouteTable.Entry e = entry("POST " + template);
        boolean session = template.endsWith("/sessions");
        ObjectNode base = session ? sessionBody(fields) : offlineBody(fields);
        List<Mutation> mutations = new ArrayList<>();
        for (JsonNode s : form.get("sections")) {
            String type = s.get("type").asText();
            if (type.equals("label")) {
                continue;
            }
            String name = s.get("name").asText();
            String inputType = s.path("inputType").asText("text");
            boolean required = s.path("required").asBoolean(false);
            List<String> options = new ArrayList<>();
            s.path("options").forEach(o -> options.add(o.asText()));
            String ptr = "/fields/" + name;
            Refusal named = Refusal.any4xx().naming(name);
            Refusal input = Refusal.any4xx();
            String kind = type.equals("input") ? "input " + inputType : type;
            Adder add = (label, raw, refusal) -> mutations.add(mutation("fields." + name + " (" + kind + ") = "
                    + label, ptr, raw, refusal));
            // issue 12: control and bidi characters in names, e-mails and subjects
            String contactField = s.path("mapTo").path("contact").asText("");
            boolean identity = contactField.equals("firstName") || contactField.equals("lastName")
                    || name.equals("name") || name.equals("subject");
            switch (kind) {
                case "input text", "input email", "textarea" -> {
                    add.add("42", "42", named);
                    add.add("true", "true", named);
                    add.add("[\"x\"]", "[\"x\"]", named);
                    add.add("{\"x\":\"y\"}", "{\"x\":\"y\"}", named);
                    int max = kind.equals("textarea") ? 10_000 : 1_000;
                    add.add(String.format("%,d", max + 1) + " characters", Bodies.str("x".repeat(max + 1)), named);
                    add.add("a lone surrogate", "\"x\\ud800y\"", input);
                }
                case "input number" -> {
                    add.add("\"41\"", "\"41\"", named);
                    add.add("true", "true", named);
                    add.add("[41]", "[41]", named);
                    add.add("{\"x\":1}", "{\"x\":1}", named);
                    add.add("1e400", "1e400", named);
                    add.add("a 5,000-digit number", Bodies.digits(5_000), input);
                }
                case "select", "radio" -> {
                    add.add("42", "42", named);
                    add.add("[" + Bodies.str(options.get(0)) + "]", "[" + Bodies.str(options.get(0)) + "]", named);
                    add.add("{\"x\":\"y\"}", "{\"x\":\"y\"}", named);
                    add.add("\"Bogus\"", "\"Bogus\"", named);
                    add.add(Bodies.str(options.get(0).toLowerCase(Locale.ROOT)) + " (another case)",
                            Bodies.str(options.get(0).toLowerCase(Locale.ROOT)), named);
                }
                case "checkboxes" -> {
                    add.add(Bodies.str(options.get(0)) + " (not a list)", Bodies.str(options.get(0)), named);
                    add.add("42", "42", named);
                    add.add("{\"x\":\"y\"}", "{\"x\":\"y\"}", named);
                    add.add("[42]", "[42]", named);
                    add.add("[\"Bogus\"]", "[\"Bogus\"]", named);
                    add.add("the same option twice", "[" + Bodies.str(options.get(0)) + "," + Bodies.str(options.get(0))
                            + "]", named);
                }
                case "agreement" -> {
                    add.add("\"true\"", "\"true\"", named);
                    add.add("1", "1", named);
                    add.add("[true]", "[true]", named);
                    if (required) {
                        add.add("false", "false", named);
                    }
                }
                case "attachment" -> {
                    add.add("\"an-id\" (not a list)", "\"an-id\"", named);
                    add.add("42", "42", named);
                    add.add("[42]", "[42]", named);
                    add.add("an unknown upload", "[\"00000000-0000-0000-0000-000000000000\"]", named);
                    add.add("an upload made for the other form",
                            "[" + Bodies.str(session ? fx.upload2 : fx.upload1) + "]", named);
                    add.add("six uploads", Bodies.json(IntStream.range(0, 6)
                            .mapToObj(i -> "u" + i).toList()), named);
                }
                default -> COVERAGE.add(what + " form field " + name + " of kind " + kind + ": no bad values");
            }
            if (kind.equals("input email")) {
                add.add("\"not-an-email\"", "\"not-an-email\"", named);
                add.add("\"grace@\"", "\"grace@\"", named);
                add.add("a display name", Bodies.str("Grace <grace@example.com>"), named);
                add.add("CR LF and a Bcc header", Bodies.str("grace@example.com\r\nBcc: eve@example.com"), named);
                add.add("U+202E in it", Bodies.str("gr\u202Eace@example.com"), input);
            } else if (identity && kind.startsWith("input")) {
                add.add("U+202E in it", Bodies.str("Gr\u202Eace"), input);
                add.add("NUL in it", Bodies.str("Gr\u0000ace"), input);
                add.add("ESC in it", Bodies.str("Gr\u001b[31mace"), input);
                add.add("CR LF in it", Bodies.str("Grace\r\nBcc: eve@example.com"), input);
            }
            if (required) {
                mutations.add(new Mutation("fields." + name + " (" + kind + ") left out", ptr, Bodies.OMIT, named));
                add.add("null", "null", named);
                if (!kind.equals("agreement") && !kind.equals("input number")) {
                    add.add("only spaces", "\"   \"", named);
                }
            }
        }
        Refusal named = Refusal.any4xx();
        mutations.add(mutation("fields.bogus = \"x\" (no such field)", "/fields/bogus", "\"x\"",
                named.naming("bogus")));
        mutations.add(mutation("fields = \"x\"", "/fields", "\"x\"", named.naming("fields")));
        mutations.add(mutation("fields = []", "/fields", "[]", named.naming("fields")));
        mutations.add(mutation("bogus = 1 (unknown member)", "/bogus", "1", named.naming("bogus")));
        if (session) {
            Refusal page = named.naming("page");
            mutations.add(mutation("page = javascript:", "/page", Bodies.str("javascript:alert(1)"), page));
            mutations.add(mutation("page = data:", "/page", Bodies.str("data:text/html,<script>alert(1)</script>"),
                    page));
            mutations.add(mutation("page = vbscript:", "/page", Bodies.str("vbscript:msgbox(1)"), page));
            mutations.add(mutation("page = 42", "/page", "42", named.naming("page")));
            mutations.add(mutation("page = 2,001 characters", "/page",
                    Bodies.str(ORIGIN + "/" + "p".repeat(2001 - ORIGIN.length() - 1)), named.naming("page")));
        } else {
            mutations.add(mutation("sessionId = 42", "/sessionId", "42", named.naming("sessionId")));
            mutations.add(mutation("sessionId = an unknown session", "/sessionId",
                    "\"00000000-0000-0000-0000-000000000000\"", named));
        }
        List<Case> cases = new ArrayList<>();
        for (Mutation m : mutations) {
            cases.add(new Case(key(e) + " · " + m.label(), () -> json(e, Bodies.with(base, m.pointer(), m.raw())),
                    m.refusal()));
        }
        cases.add(new Case(key(e) + " · fields with a duplicate key",
                () -> json(e, Bodies.duplicateFirstMember(base, "/fields")), Refusal.any4xx()));
        return new Group("form fields: " + what + " (from the website's " + (session ? "online" : "offline")
                + " form)", cases);
    }

    /** The host's settings, the agent's status, and both sides' chat messages. */
    private static Group hostAndChatFields() {
        List<Case> cases = new ArrayList<>();
        BiConsumer<RouteTable.Entry, Mutation> add = (e, m) -> cases.add(new Case(
                key(e) + " · " + m.label(), () -> json(e, Bodies.with(jsonRoutes().get(key(e)).base().get(),
                        m.pointer(), m.raw())), m.refusal()));
        RouteTable.Entry settings = entry("PUT /api/settings");
        Refusal timeout = Refusal.any4xx().naming("chatTimeoutSeconds");
        for (String v : List.of("\"30\"", "0", "-1", "604801", "1.5", "null", "true", "[30]", "4294967297")) {
            add.accept(settings, mutation("chatTimeoutSeconds = " + v, "/chatTimeoutSeconds", v, timeout));
        }
        add.accept(settings, mutation("colour = \"red\" (unknown)", "/colour", "\"red\"",
                Refusal.any4xx().naming("colour")));
        RouteTable.Entry status = entry("PUT /api/agent/status");
        Refusal available = Refusal.any4xx().naming("available");
        for (String v : List.of("\"true\"", "1", "null", "[true]")) {
            add.accept(status, mutation("available = " + v, "/available", v, available));
        }
        add.accept(status, new Mutation("available left out", "/available", Bodies.OMIT, available));
        for (String k : List.of("POST /api/agent/interactions/{id}/messages",
                "POST " + P + "/widget/{key}/sessions/{sessionId}/messages")) {
            RouteTable.Entry e = entry(k);
            Refusal text = Refusal.any4xx().naming("text");
            add.accept(e, new Mutation("text left out", "/text", Bodies.OMIT, text));
            for (String v : List.of("42", "null", "[\"x\"]", "{\"x\":\"y\"}")) {
                add.accept(e, mutation("text = " + v, "/text", v, text));
            }
            add.accept(e, mutation("text = 4,001 characters (over the website's limit)", "/text",
                    Bodies.str("x".repeat(4_001)), k.startsWith("POST " + P) ? Refusal.status(413) : Refusal.any4xx()));
            add.accept(e, mutation("clientMessageId = 42", "/clientMessageId", "42",
                    Refusal.any4xx().naming("clientMessageId")));
            add.accept(e, mutation("clientMessageId = 101 characters", "/clientMessageId",
                    Bodies.str("c".repeat(101)), Refusal.any4xx().naming("clientMessageId")));
        }
        return new Group("host settings, agent status and chat messages", cases);
    }

    /** The widget's upload route: multipart bodies and query parameters. */
    /** The admin's plugin upload: one part, named file, holding a plugin jar. */
    private static Group pluginUploads() {
        RouteTable.Entry e = entry("POST /api/plugins");
        String k = key(e);
        String b = "suite-boundary";
        byte[] pdf = Bodies.pdf();
        BiFunction<String, byte[], SuiteHttp.Request> multipart = (target, body) ->
                request(e, target).header("Content-Type", "multipart/form-data; boundary=" + b).body(body);
        String t = target(e);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(k + " · two file parts", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", "a.jar", "application/java-archive", pdf},
                new Object[] {"file", "b.jar", "application/java-archive", pdf})),
                Refusal.status(400).naming("file")));
        cases.add(new Case(k + " · an unknown part instead of file", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"plugin", "a.jar", "application/java-archive", pdf})),
                Refusal.any4xx().naming("plugin")));
        cases.add(new Case(k + " · a PDF, not a jar", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", "plugin.jar", "application/java-archive", pdf})),
                Refusal.status(400).naming("file")));
        cases.add(new Case(k + " · a zip without a plugin descriptor", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", "plugin.jar", "application/java-archive", emptyZip()})),
                Refusal.status(400).naming("file")));
        cases.add(new Case(k + " · JSON instead of multipart", () -> request(e, t)
                .header("Content-Type", "application/json").body("{\"file\":\"x\"}"), Refusal.any4xx()));
        cases.add(new Case(k + " · empty body", () -> multipart.apply(t, new byte[0]), Refusal.any4xx()));
        cases.add(new Case(k + " · replace=maybe", () -> multipart.apply(t + "?replace=maybe", Bodies.multipart(b,
                new Object[] {"file", "plugin.jar", "application/java-archive", emptyZip()})),
                Refusal.status(400).naming("replace")));
        return new Group("plugin uploads", cases);
    }

    private static byte[] emptyZip() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write(Bodies.utf8("not a plugin"));
            zip.closeEntry();
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        return out.toByteArray();
    }

    private static Group uploads() {
        RouteTable.Entry e = entry("POST " + P + "/widget/{key}/uploads");
        String k = key(e);
        String b = "suite-boundary";
        byte[] pdf = Bodies.pdf();
        List<Case> cases = new ArrayList<>();
        BiFunction<String, byte[], SuiteHttp.Request> multipart = (target, body) ->
                request(e, target).header("Content-Type", "multipart/form-data; boundary=" + b).body(body);
        String t = target(e);
        cases.add(new Case(k + " · two file parts", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", "a.pdf", "application/pdf", pdf}, new Object[] {"file", "b.pdf", "application/pdf",
                        pdf})), Refusal.status(400).naming("file")));
        cases.add(new Case(k + " · an unknown part instead of file", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"document", "a.pdf", "application/pdf", pdf})), Refusal.any4xx().naming("document")));
        cases.add(new Case(k + " · a file part without a file name", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", null, "application/pdf", pdf})), Refusal.any4xx().naming("file")));
        cases.add(new Case(k + " · five parts", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"a", null, null, Bodies.utf8("1")}, new Object[] {"b", null, null, Bodies.utf8("2")},
                new Object[] {"c", null, null, Bodies.utf8("3")}, new Object[] {"d", null, null, Bodies.utf8("4")},
                new Object[] {"file", "a.pdf", "application/pdf", pdf})), Refusal.any4xx()));
        cases.add(new Case(k + " · a Windows executable", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", "setup.exe", "application/octet-stream", Bodies.exe()})), Refusal.status(415)));
        cases.add(new Case(k + " · executable bytes named .pdf", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", "invoice.pdf", "application/pdf", Bodies.exe()})), Refusal.status(415)));
        cases.add(new Case(k + " · JSON instead of multipart", () -> request(e, t)
                .header("Content-Type", "application/json").body("{\"file\":\"x\"}"), Refusal.any4xx()));
        cases.add(new Case(k + " · multipart without a boundary", () -> request(e, t)
                .header("Content-Type", "multipart/form-data")
                .body(Bodies.multipart(b, new Object[] {"file", "a.pdf", "application/pdf", pdf})), Refusal.any4xx()));
        cases.add(new Case(k + " · multipart without its closing boundary", () -> {
            byte[] whole = Bodies.multipart(b, new Object[] {"file", "a.pdf", "application/pdf", pdf});
            return multipart.apply(t, Arrays.copyOf(whole, whole.length - (b.length() + 6)));
        }, Refusal.any4xx()));
        cases.add(new Case(k + " · empty body", () -> multipart.apply(t, new byte[0]), Refusal.any4xx()));
        byte[] big = new byte[(int) e.route().maxBodyBytes() + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        cases.add(new Case(k + " · a file over 10 MB", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", "big.pdf", "application/pdf", big})), Refusal.status(413)));
        cases.add(new Case(k + " · a file over 10 MB, chunked", () -> multipart.apply(t, Bodies.multipart(b,
                new Object[] {"file", "big.pdf", "application/pdf", big})).chunked(), Refusal.status(413)));
        String valid = target(e);
        String path = valid.substring(0, valid.indexOf('?'));
        byte[] one = Bodies.multipart(b, new Object[] {"file", "a.pdf", "application/pdf", pdf});
        for (String[] q : List.of(new String[] {"?form=bogus&field=files", "form"},
                new String[] {"?field=files", "form"}, new String[] {"?form=online", "field"},
                new String[] {"?form=online&field=name", "field"}, new String[] {"?form=online&field=nosuch", "field"})) {
            cases.add(new Case(k + " · query " + q[0], () -> multipart.apply(path + q[0], one),
                    Refusal.any4xx().naming(q[1])));
        }
        return new Group("uploads", cases);
    }

    /** Bad query parameters of the routes that take them. */
    private static Group queryParameters() {
        List<Case> cases = new ArrayList<>();
        Object[][] table = {
            {"GET " + P + "/api/websites/{id}/interactions", "?state=bogus", "state"},
            {"GET " + P + "/api/websites/{id}/interactions", "?state=", "state"},
            {"GET " + P + "/widget/{key}/sessions/{sessionId}/messages", "?after=-1", "after"},
            {"GET " + P + "/widget/{key}/sessions/{sessionId}/messages", "?after=abc", "after"},
            {"GET " + P + "/widget/{key}/sessions/{sessionId}/messages", "?after=99999999999999999999", "after"},
            {"GET /api/agent/interactions/{id}/messages", "?after=-1", "after"},
            {"GET /api/agent/interactions/{id}/messages", "?after=abc", "after"},
            {"GET /api/agent/interactions/{id}/messages", "?after=1.5", "after"},
            {"GET /api/contacts", "?field=bogus&value=x", "field"},
            {"GET /api/contacts", "?field=email", "value"},
            {"GET /api/interactions", "?channel=chat", "channel"},
        };
        for (Object[] row : table) {
            RouteTable.Entry e = entry((String) row[0]);
            cases.add(new Case(key(e) + " · query " + row[1], () -> request(e, target(e) + row[1]),
                    Refusal.any4xx().naming((String) row[2])));
        }
        return new Group("query parameters", cases);
    }

    /** Malformed {@code Last-Event-ID} on the customer's and the agent's event streams. */
    private static Group lastEventIds() {
        List<Case> cases = new ArrayList<>();
        RouteTable.Entry widget = entry("GET " + P + "/widget/{key}/sessions/{sessionId}/events");
        RouteTable.Entry agent = entry("GET /api/agent/events");
        for (RouteTable.Entry e : List.of(widget, agent)) {
            for (String v : List.of("abc", "-1", "12abc", "1.5", "99999999999999999999", "0x1F", "1 2")) {
                cases.add(new Case(key(e) + " · Last-Event-ID: " + v, () -> request(e, target(e))
                        .header("Last-Event-ID", v), Refusal.status(400)));
            }
            cases.add(new Case(key(e) + " · ?lastEventId=abc", () -> request(e, target(e) + "?lastEventId=abc"),
                    Refusal.status(400)));
        }
        return new Group("event streams: Last-Event-ID", cases);
    }

    /**
     * The agent's close: every generic body attack and bad dispositions, each on a chat the agent
     * still holds. Last, because a case wrongly accepted closes the chat.
     */
    private static Group agentClose() {
        RouteTable.Entry e = entry(AGENT_CLOSE);
        String k = key(e);
        List<Case> cases = new ArrayList<>(jsonAttacks(e, jsonRoutes().get(AGENT_CLOSE),
                BadInputSuiteTest::closeTargetHeld));
        // the body is optional here: without one the chat closes as Solved
        cases.removeIf(c -> c.name().equals(k + " · body: empty"));
        Refusal named = Refusal.any4xx().naming("disposition");
        Object[][] dispositions = {
            {"\"\"", named, null}, {"\"   \"", named, null}, {"42", named, null}, {"true", named, null},
            {"[\"Solved\"]", named, null}, {"{\"x\":1}", named, null},
            {Bodies.str("S".repeat(65)), named, null},
            {"null", named, null},
            {"\"NoSuchDisposition\"", named, null},
            {"\"Timeout\" (the system's)", named, "\"Timeout\""},
            {"\"Unmanaged\" (the system's)", named, "\"Unmanaged\""},
            {Bodies.str("Sol\u202Eved"), named, null},
            {Bodies.str("Sol\u0000ved"), named, null},
            {"\"Sol\\ud800ved\"", Refusal.any4xx(), null},
        };
        for (Object[] d : dispositions) {
            String raw = d[2] == null ? (String) d[0] : (String) d[2];
            cases.add(new Case(k + " · disposition = " + d[0], () -> json(e, Bodies.with(
                    Bodies.object("{\"disposition\":\"Solved\"}"), "/disposition", raw)), (Refusal) d[1],
                    BadInputSuiteTest::closeTargetHeld));
        }
        cases.add(new Case(k + " · disposition = null, chunked", () -> json(e, Bodies.utf8("{\"disposition\":null}"))
                .chunked(), named, BadInputSuiteTest::closeTargetHeld));
        cases.add(new Case(k + " · disposition = \"NoSuchDisposition\", chunked", () -> json(e,
                Bodies.utf8("{\"disposition\":\"NoSuchDisposition\"}")).chunked(), named,
                BadInputSuiteTest::closeTargetHeld));
        return new Group("agent close", cases);
    }

    @FunctionalInterface
    private interface Adder {
        void add(String label, String rawJson, Refusal refusal);
    }
}
