package com.chatwebsite.host.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed webhooks per website, end to end through the packaged plugin: the six kinds of event reach a
 * WireMock receiver signed and with their idempotency id, retries keep that id, nothing is sent twice,
 * targets are checked on every attempt, and bad endpoint settings are refused.
 */
class WebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALL = "[\"chat.opened\",\"chat.accepted\",\"chat.message\",\"chat.closed\","
            + "\"offline.submitted\",\"chat.rated\"]";

    @TempDir
    static Path dir;
    static MutableClock clock;
    static HostStub host;
    static ChatApi api;
    static WireMockServer receiver;

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(urlPathMatching("/hook.*")).willReturn(aResponse().withStatus(204)));
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        host = TestHost.start(dir, clock);
        api = new ChatApi(host);
        Http.Reply settings = api.http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN,
                "{\"chatTimeoutSeconds\":604800}");
        assertEquals(200, settings.status(), settings.body());
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
        receiver.stop();
    }

    private static Site site(String name) {
        ObjectNode json = ChatApi.website(name);
        json.put("unmanagedAfterSeconds", 86_400);
        json.put("maxConcurrentSessions", 100);
        return api.createWebsite(json);
    }

    private static String webhooks(Site site) {
        return ChatApi.PLUGIN + "/api/websites/" + site.id() + "/webhooks";
    }

    private static JsonNode createWebhook(Site site, String body) {
        Http.Reply r = api.http.send("POST", webhooks(site), TestHost.ADMIN_TOKEN, body);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    private static JsonNode log(Site site) {
        Http.Reply r = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/webhook-deliveries?limit=500",
                TestHost.ADMIN_TOKEN);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static void accept(Session s) {
        Poll.until(WAIT, "the agent accepts " + s.id(), () ->
                api.agent("POST", "/interactions/" + s.id() + "/accept", null).status() == 200);
    }

    /** The receiver's check, written from the documented rule only. */
    private static boolean signatureValid(String secret, LoggedRequest r) throws Exception {
        String header = r.getHeader("X-ChatWebsite-Signature");
        Map<String, String> parts = new HashMap<>();
        for (String p : header.split(",")) {
            String[] kv = p.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((parts.get("t") + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(r.getBody());
        long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(parts.get("t")));
        return age < 3600 && MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    }

    @Test
    void everyKindOfEventArrivesSignedOnceWithItsIdempotencyId() throws Exception {
        Site site = site("Hooks all");
        JsonNode hook = createWebhook(site, "{\"url\":\"" + url("/hook/all") + "\",\"events\":" + ALL
                + ",\"allowPrivateTargets\":true}");
        String secret = hook.get("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        JsonNode listed = api.http.get(webhooks(site), TestHost.ADMIN_TOKEN).json();
        assertEquals(1, listed.size());
        assertTrue(listed.get(0).get("secret") == null, "the secret is shown only once: " + listed);

        Session s = api.openSession(site.key());
        accept(s);
        assertEquals(201, api.say(s, "Hello <b>there</b>", "m-1").status());
        assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/close", "{\"disposition\":\"Solved\"}")
                .status());
        Http.Reply rated = api.widget("POST", s.key(), "/sessions/" + s.id() + "/rating", "{\"score\":4}", s.token());
        assertEquals(201, rated.status(), rated.body());
        Http.Reply offline = api.widget("POST", site.key(), "/offline",
                "{\"fields\":{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"message\":\"Call me\"}}", null);
        assertEquals(202, offline.status(), offline.body());

        Set<String> kinds = Set.of("chat.opened", "chat.accepted", "chat.message", "chat.closed", "offline.submitted",
                "chat.rated");
        Poll.until(WAIT, "all six kinds arrive", () -> received("/hook/all").stream()
                .map(r -> r.getHeader("X-ChatWebsite-Event")).collect(Collectors.toSet()).containsAll(kinds));
        for (LoggedRequest r : received("/hook/all")) {
            assertTrue(signatureValid(secret, r), "signature of " + r.getBodyAsString());
            JsonNode body = ChatApi.json(r.getBodyAsString());
            assertEquals(r.getHeader("X-ChatWebsite-Delivery"), body.get("id").asText());
            assertEquals(r.getHeader("X-ChatWebsite-Event"), body.get("type").asText());
            assertEquals(site.id(), body.get("websiteId").asText());
            assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        }
        JsonNode message = bodyOf("/hook/all", "chat.message");
        assertEquals("Hello <b>there</b>", message.get("data").get("text").asText());
        assertEquals("customer", message.get("data").get("from").asText());
        assertEquals(s.id(), message.get("data").get("sessionId").asText());
        assertEquals("Solved", bodyOf("/hook/all", "chat.closed").get("data").get("disposition").asText());
        assertEquals(4, bodyOf("/hook/all", "chat.rated").get("data").get("score").asInt());
        assertEquals(offline.json().get("interactionId").asText(),
                bodyOf("/hook/all", "offline.submitted").get("data").get("interactionId").asText());
        assertEquals("Ada", bodyOf("/hook/all", "chat.opened").get("data").get("fields").get("name").asText());

        // Two more relay passes, each proven by an event that arrives after it: nothing earlier is sent again.
        Session later = api.openSession(site.key());
        Poll.until(WAIT, "a later event arrives", () -> countOf("/hook/all", "chat.opened") == 2);
        accept(later);
        Poll.until(WAIT, "another later event arrives", () -> countOf("/hook/all", "chat.accepted") == 2);
        Map<String, Long> perId = received("/hook/all").stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("X-ChatWebsite-Delivery"), Collectors.counting()));
        perId.forEach((id, n) -> assertEquals(1L, n, "delivery " + id + " was sent " + n + " times"));
        assertEquals(8, perId.size(), "six events, then two more: " + perId);

        JsonNode entries = log(site);
        assertEquals(8, entries.size(), entries.toString());
        for (JsonNode e : entries) {
            assertEquals("delivered", e.get("state").asText(), e.toString());
            assertEquals(1, e.get("attempts").asInt(), e.toString());
            assertEquals(204, e.get("lastStatus").asInt(), e.toString());
            assertEquals(hook.get("id").asText(), e.get("webhookId").asText());
            assertNotNull(e.get("deliveredAt").textValue());
        }
    }

    private static JsonNode bodyOf(String path, String kind) {
        return received(path).stream().filter(r -> kind.equals(r.getHeader("X-ChatWebsite-Event")))
                .map(r -> ChatApi.json(r.getBodyAsString())).findFirst().orElseThrow();
    }

    private static long countOf(String path, String kind) {
        return received(path).stream().filter(r -> kind.equals(r.getHeader("X-ChatWebsite-Event"))).count();
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameDeliveryIdUntilItAnswers2xx() throws Exception {
        receiver.stubFor(post(urlEqualTo("/retry")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        receiver.stubFor(post(urlEqualTo("/retry")).inScenario("retry").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        receiver.stubFor(post(urlEqualTo("/retry")).inScenario("retry").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200)));
        Site site = site("Hooks retry");
        JsonNode hook = createWebhook(site, "{\"url\":\"" + url("/retry") + "\",\"events\":[\"chat.opened\"],"
                + "\"allowPrivateTargets\":true}");
        api.openSession(site.key());

        Poll.until(WAIT, "the first attempt", () -> received("/retry").size() == 1);
        Poll.until(WAIT, "the log shows it", () -> log(site).get(0).get("attempts").asInt() == 1);
        JsonNode first = log(site).get(0);
        assertEquals("pending", first.get("state").asText(), first.toString());
        assertEquals(503, first.get("lastStatus").asInt());
        assertEquals("HTTP 503", first.get("lastError").asText());
        assertNotNull(first.get("nextAttemptAt").textValue());

        clock.advance(Duration.ofMinutes(10));
        Poll.until(WAIT, "the second attempt", () -> received("/retry").size() == 2);
        Poll.until(WAIT, "the log shows it", () -> log(site).get(0).get("attempts").asInt() == 2);
        clock.advance(Duration.ofMinutes(10));
        Poll.until(WAIT, "the third attempt succeeds", () -> "delivered".equals(log(site).get(0).get("state").asText()));

        JsonNode done = log(site).get(0);
        assertEquals(3, done.get("attempts").asInt(), done.toString());
        assertEquals(200, done.get("lastStatus").asInt());
        assertTrue(done.get("lastError").isNull(), done.toString());
        Set<String> ids = new TreeSet<>();
        Set<String> bodies = new TreeSet<>();
        received("/retry").forEach(r -> {
            ids.add(r.getHeader("X-ChatWebsite-Delivery"));
            bodies.add(r.getBodyAsString());
        });
        assertEquals(Set.of(done.get("eventId").asText()), ids, "the same idempotency id on every attempt");
        assertEquals(1, bodies.size(), "the same body on every attempt");
        assertTrue(signatureValid(hook.get("secret").asText(), received("/retry").get(2)));
        clock.advance(Duration.ofMinutes(10));
        api.openSession(site.key()); // one more event: a later pass has run once it arrives
        Poll.until(WAIT, "the next event", () -> received("/retry").size() == 4);
        assertEquals(2, log(site).size(), "one row per event and endpoint");
    }

    @Test
    void aPrivateTargetIsRefusedOnEveryAttemptUnlessAllowed() throws Exception {
        Site site = site("Hooks SSRF");
        JsonNode loopback = createWebhook(site, "{\"url\":\"" + url("/refused") + "\",\"events\":[\"chat.opened\"],"
                + "\"allowPrivateTargets\":true}");
        JsonNode metadata = createWebhook(site, "{\"url\":\"http://169.254.169.254/latest/meta-data/\","
                + "\"events\":[\"chat.opened\"],\"allowPrivateTargets\":true}");
        JsonNode allowed = createWebhook(site, "{\"url\":\"" + url("/hook/allowed") + "\",\"events\":[\"chat.opened\"],"
                + "\"allowPrivateTargets\":true}");
        // As if the names had been public when saved and resolved to these addresses now: the attempt decides.
        try (Connection c = host.services().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE cw_webhook_endpoint SET allow_private = FALSE WHERE id IN (?, ?)")) {
            ps.setString(1, loopback.get("id").asText());
            ps.setString(2, metadata.get("id").asText());
            assertEquals(2, ps.executeUpdate());
        }
        api.openSession(site.key());

        Poll.until(WAIT, "the allowed endpoint gets the event", () -> received("/hook/allowed").size() == 1);
        Poll.until(WAIT, "both private targets are refused, the allowed one is delivered", () -> {
            int refused = 0;
            int delivered = 0;
            for (JsonNode e : log(site)) {
                refused += "refused".equals(e.get("state").asText()) ? 1 : 0;
                delivered += "delivered".equals(e.get("state").asText()) ? 1 : 0;
            }
            return refused == 2 && delivered == 1;
        });
        for (JsonNode e : log(site)) {
            String id = e.get("webhookId").asText();
            if (id.equals(allowed.get("id").asText())) {
                assertEquals("delivered", e.get("state").asText());
                continue;
            }
            assertEquals(1, e.get("attempts").asInt(), "refused once, not retried: " + e);
            assertTrue(e.get("lastStatus").isNull(), e.toString());
            assertTrue(e.get("nextAttemptAt").isNull(), e.toString());
            String reason = e.get("lastError").asText();
            assertTrue(reason.contains(id.equals(loopback.get("id").asText()) ? "127.0.0.1, a loopback address"
                    : "169.254.169.254, a link-local address"), reason);
            assertTrue(reason.contains("allowPrivateTargets"), reason);
        }
        assertEquals(0, received("/refused").size(), "no request reached the refused target");
    }

    @Test
    void badWebhookSettingsAreRefusedWithTheFieldAndRule() {
        Site site = site("Hooks bad input");
        String[][] cases = {
            {"{\"events\":[\"chat.opened\"]}", "url", "required"},
            {"{\"url\":\"ftp://hooks.example.com/x\",\"events\":[\"chat.opened\"]}", "url", "scheme"},
            {"{\"url\":\"https://user:pw@hooks.example.com/x\",\"events\":[\"chat.opened\"]}", "url", "userInfo"},
            {"{\"url\":\"https:///nohost\",\"events\":[\"chat.opened\"]}", "url", "url"},
            {"{\"url\":\"http://127.0.0.1:8080/x\",\"events\":[\"chat.opened\"]}", "url", "privateTarget"},
            {"{\"url\":\"http://169.254.169.254/latest\",\"events\":[\"chat.opened\"]}", "url", "privateTarget"},
            {"{\"url\":\"http://[::ffff:10.0.0.1]/x\",\"events\":[\"chat.opened\"]}", "url", "privateTarget"},
            {"{\"url\":\"http://localhost/x\",\"events\":[\"chat.opened\"]}", "url", "privateTarget"},
            {"{\"url\":\"https://hooks.example.com/x\"}", "events", "required"},
            {"{\"url\":\"https://hooks.example.com/x\",\"events\":[]}", "events", "minItems"},
            {"{\"url\":\"https://hooks.example.com/x\",\"events\":\"chat.opened\"}", "events", "array"},
            {"{\"url\":\"https://hooks.example.com/x\",\"events\":[\"chat.nope\"]}", "events[0]", "enum"},
            {"{\"url\":\"https://hooks.example.com/x\",\"events\":[\"chat.opened\",\"chat.opened\"]}", "events[1]",
                "unique"},
            {"{\"url\":\"https://hooks.example.com/x\",\"events\":[\"chat.opened\"],\"enabled\":\"yes\"}", "enabled",
                "boolean"},
            {"{\"url\":\"https://hooks.example.com/x\",\"events\":[\"chat.opened\"],\"secret\":\"mine\"}", "secret",
                "unknown"},
        };
        for (String[] c : cases) {
            Http.Reply r = api.http.send("POST", webhooks(site), TestHost.ADMIN_TOKEN, c[0]);
            assertEquals(400, r.status(), c[0] + " → " + r.body());
            JsonNode field = r.json().get("fields").get(0);
            assertEquals(c[1], field.get("field").asText(), r.body());
            assertEquals(c[2], field.get("rule").asText(), r.body());
        }
        assertEquals(0, api.http.get(webhooks(site), TestHost.ADMIN_TOKEN).json().size(), "nothing was made");

        JsonNode hook = createWebhook(site, "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"chat.opened\"],"
                + "\"enabled\":false}");
        String path = webhooks(site) + "/" + hook.get("id").asText();
        Http.Reply bad = api.http.send("PUT", path, TestHost.ADMIN_TOKEN, "{\"url\":\"gopher://x\",\"events\":[\"chat.opened\"]}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("https://hooks.example.com/x", api.http.get(path, TestHost.ADMIN_TOKEN).json().get("url").asText(),
                "a refused change changes nothing");
        Http.Reply ok = api.http.send("PUT", path, TestHost.ADMIN_TOKEN,
                "{\"url\":\"https://hooks2.example.com/y\",\"events\":[\"chat.closed\",\"chat.rated\"],\"enabled\":false}");
        assertEquals(200, ok.status(), ok.body());
        assertEquals(List.of("chat.closed", "chat.rated"),
                List.of(ok.json().get("events").get(0).asText(), ok.json().get("events").get(1).asText()));
        assertTrue(ok.json().get("secret") == null);
        Http.Reply rotated = api.http.send("POST", path + "/secret", TestHost.ADMIN_TOKEN, null);
        assertEquals(200, rotated.status(), rotated.body());
        assertFalse(rotated.json().get("secret").asText().equals(hook.get("secret").asText()), "a new secret");
        assertEquals(401, api.http.get(webhooks(site), null).status(), "admins only");
        assertEquals(404, api.http.get(webhooks(site) + "/no-such-hook", TestHost.ADMIN_TOKEN).status());
        assertEquals(204, api.http.send("DELETE", path, TestHost.ADMIN_TOKEN, null).status());
        assertEquals(404, api.http.send("DELETE", path, TestHost.ADMIN_TOKEN, null).status());
    }
}
