package com.chatwebsite.host.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HttpExchanges;
import com.chatwebsite.host.TestHost;
import com.chatwebsite.host.web.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's OpenAPI contract: {@code GET /openapi.json} documents exactly the mounted routes
 * (the host's and the plugin's, method and path template, both ways), it is the checked-in
 * {@value OpenApiContract#CHECKED_IN}, its schemas are JSON Schema 2020-12, and a stopped
 * plugin's paths leave it. {@link OpenApiExchangesTest} checks real exchanges against it.
 *
 * <p>To add a route: describe it in {@code host-stub/src/main/resources/openapi/host.json} (the
 * host's) or in the plugin's {@code src/main/resources/openapi/<plugin>.json} (paths below its
 * mount point), then run this test with {@code -Dopenapi.update=true} to rewrite the checked-in
 * document.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    @TempDir
    static Path dir;
    static HostStub host;
    static Http http;
    static String served;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        http = new Http(host.baseUrl());
        served = http.get("/openapi.json", null).body();
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void everyMountedRouteIsDocumentedAndEveryDocumentedRouteIsMounted() {
        Set<String> mounted = new TreeSet<>();
        for (String owner : owners()) {
            for (RouteTable.Entry e : host.routes().routesOf(owner)) {
                mounted.add(e.route().method() + " " + OpenApiDocument.template(e));
            }
        }
        OpenApiContract contract = new OpenApiContract(served);
        Set<String> documented = new TreeSet<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            if (!op.node().path(OpenApiDocument.UNDOCUMENTED).asBoolean(false)) {
                documented.add(op.key());
            }
        }
        Set<String> missing = new TreeSet<>(mounted);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(mounted);
        StringBuilder problems = new StringBuilder();
        if (!missing.isEmpty()) {
            problems.append("\nroutes in the route table that the OpenAPI document does not describe (add them to "
                    + "host-stub/src/main/resources/openapi/host.json, or for /plugins/{id}/... to the plugin's "
                    + "src/main/resources/openapi/{id}.json without the /plugins/{id} prefix):\n  ")
                    .append(String.join("\n  ", missing));
        }
        if (!extra.isEmpty()) {
            problems.append("\noperations in the OpenAPI document that no mounted route serves:\n  ")
                    .append(String.join("\n  ", extra));
        }
        if (!problems.isEmpty()) {
            fail(problems.toString());
        }
        assertTrue(mounted.size() > 60, "the route table was read: " + mounted.size() + " routes");
    }

    /** The host and every plugin with mounted routes (the test host starts the chat plugin). */
    private static List<String> owners() {
        List<String> owners = new ArrayList<>(List.of("host"));
        host.plugins().list().forEach(p -> p.id().filter(host.routes()::mounted).ifPresent(owners::add));
        assertTrue(owners.contains("chat-website"), "the chat plugin is mounted: " + owners);
        return owners;
    }

    @Test
    @Order(2)
    void theServedDocumentIsTheCheckedInOne() throws IOException {
        Path checkedIn = OpenApiContract.repositoryRoot().resolve(OpenApiContract.CHECKED_IN);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(checkedIn, served, StandardCharsets.UTF_8);
        }
        JsonNode expected = OpenApiContract.parse(OpenApiContract.checkedIn());
        JsonNode actual = OpenApiContract.parse(served);
        if (!expected.equals(actual)) {
            Path copy = Path.of("target", "openapi.json").toAbsolutePath();
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, served, StandardCharsets.UTF_8);
            fail(OpenApiContract.CHECKED_IN + " is not what the host serves at /openapi.json. The served document is in "
                    + copy + "; check the difference and copy it over " + OpenApiContract.CHECKED_IN
                    + " (or run OpenApiContractTest with -Dopenapi.update=true).");
        }
    }

    @Test
    @Order(3)
    void itIsAnOpenApi31DocumentWhoseSchemasAreJsonSchema202012() {
        OpenApiContract contract = new OpenApiContract(served);
        JsonNode doc = contract.document();
        assertEquals("3.1.0", doc.path("openapi").asText());
        assertFalse(doc.path("info").path("title").asText().isEmpty(), "info.title");
        assertTrue(doc.path("components").path("securitySchemes").has("adminToken"), "adminToken scheme");
        assertTrue(doc.path("components").path("securitySchemes").has("agentToken"), "agentToken scheme");
        for (String event : List.of("chat.opened", "chat.accepted", "chat.message", "chat.closed", "offline.submitted",
                "chat.rated")) {
            assertTrue(doc.path("webhooks").path("chat-website." + event).has("post"), "the webhook " + event);
        }
        List<String> problems = new ArrayList<>();
        Schema metaSchema = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())
                .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        schemas(doc, "", metaSchema, problems);
        refs(doc, doc, "", problems);
        for (OpenApiContract.Operation op : contract.operations()) {
            Set<String> declared = new TreeSet<>();
            contract.parameters(op).stream().filter(p -> p.path("in").asText().equals("path"))
                    .forEach(p -> declared.add(p.path("name").asText()));
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = PARAM.matcher(op.template());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            if (!declared.equals(inTemplate)) {
                problems.add(op.key() + ": path parameters declared " + declared + ", in the template " + inTemplate);
            }
            if (!op.node().has("responses") || op.node().path("responses").isEmpty()) {
                problems.add(op.key() + ": no responses");
            }
            for (JsonNode requirement : op.node().path("security")) {
                requirement.fieldNames().forEachRemaining(name -> {
                    if (!doc.path("components").path("securitySchemes").has(name)) {
                        problems.add(op.key() + ": unknown security scheme " + name);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            fail("the document has problems:\n  " + String.join("\n  ", problems));
        }
    }

    /** Every {@code schema} object validates against the JSON Schema 2020-12 meta-schema. */
    private static void schemas(JsonNode node, String at, Schema meta, List<String> problems) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String here = at + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
                boolean isSchema = f.getKey().equals("schema") || at.equals("/components/schemas") || at.endsWith("/x-events");
                if (isSchema && f.getValue().isObject()) {
                    for (Error e : meta.validate(f.getValue())) {
                        problems.add(here + ": not a JSON Schema 2020-12: " + OpenApiContract.describe(e));
                    }
                }
                schemas(f.getValue(), here, meta, problems);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                schemas(node.get(i), at + "/" + i, meta, problems);
            }
        }
    }

    /** Every local {@code $ref} points at something. */
    private static void refs(JsonNode doc, JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")
                    && doc.at(node.get("$ref").asText().substring(1)).isMissingNode()) {
                problems.add(at + ": $ref " + node.get("$ref").asText() + " points at nothing");
            }
            node.fields().forEachRemaining(f -> refs(doc, f.getValue(), at + "/" + f.getKey(), problems));
        } else if (node.isArray()) {
            node.forEach(child -> refs(doc, child, at, problems));
        }
    }

    @Test
    @Order(4)
    void theExchangeCheckRefusesWhatTheDocumentDoesNotAllow() {
        OpenApiContract contract = new OpenApiContract(served);
        String website = "/plugins/chat-website/api/websites";
        java.net.URI uri = host.baseUrl().resolve(website);
        byte[] none = new byte[0];
        assertEquals(List.of(), contract.problems(new HttpExchanges.Exchange("POST", uri, "application/json",
                "{\"name\":\"A\"}".getBytes(StandardCharsets.UTF_8), 201, "application/json",
                "{\"id\":\"1\",\"key\":\"k\",\"name\":\"A\",\"origins\":[]}")), "a valid exchange");
        assertFalse(contract.problems(new HttpExchanges.Exchange("POST", uri, "application/json",
                "{\"name\":\"A\"}".getBytes(StandardCharsets.UTF_8), 201, "application/json",
                "{\"id\":\"1\",\"name\":\"A\",\"origins\":[]}")).isEmpty(), "a website without its key");
        assertFalse(contract.problems(new HttpExchanges.Exchange("POST", uri, "application/json",
                "{\"name\":42}".getBytes(StandardCharsets.UTF_8), 201, "application/json",
                "{\"id\":\"1\",\"key\":\"k\",\"name\":\"A\",\"origins\":[]}")).isEmpty(),
                "a request body the schema refuses, answered 2xx");
        assertFalse(contract.problems(new HttpExchanges.Exchange("GET", uri, null, none, 400, "application/json",
                "{\"message\":\"no error code\"}")).isEmpty(), "an error body without error");
        assertFalse(contract.problems(new HttpExchanges.Exchange("PATCH", uri, null, none, 200, "application/json",
                "{}")).isEmpty(), "an operation the document does not have");
        assertFalse(contract.problems(new HttpExchanges.Exchange("DELETE", host.baseUrl().resolve(website + "/w1"),
                null, none, 202, null, "")).isEmpty(), "a status the document does not list");
    }

    @Test
    @Order(5)
    void itIsServedPublicAndCacheable() {
        Http.Reply r = http.get("/openapi.json", null);
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        String etag = r.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "ETag: " + etag);
        assertTrue(r.header("Cache-Control").contains("max-age="), r.header("Cache-Control"));
        Http.Reply again = http.send(http.builder("/openapi.json", null).header("If-None-Match", etag).GET());
        assertEquals(304, again.status());
        assertEquals(etag, again.header("ETag"));
    }

    @Test
    @Order(6)
    void aStoppedPluginsPathsLeaveTheDocumentAndComeBackWhenItStarts() {
        String p = "/plugins/chat-website/api/websites";
        assertTrue(pathsNow().has(p), "documented while started");
        assertEquals(200, http.send("POST", "/api/plugins/chat-website/stop", TestHost.ADMIN_TOKEN, null).status());
        JsonNode stopped = pathsNow();
        List<String> left = new ArrayList<>();
        stopped.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("/plugins/")) {
                left.add(n);
            }
        });
        assertEquals(List.of(), left, "paths of the stopped plugin");
        List<String> webhooks = new ArrayList<>();
        OpenApiContract.parse(http.get("/openapi.json", null).body()).path("webhooks").fieldNames()
                .forEachRemaining(webhooks::add);
        assertEquals(List.of(), webhooks, "webhooks of the stopped plugin");
        assertTrue(stopped.has("/health"), "the host's paths stay");
        assertEquals(200, http.send("POST", "/api/plugins/chat-website/start", TestHost.ADMIN_TOKEN, null).status());
        assertEquals(OpenApiContract.parse(served), OpenApiContract.parse(http.get("/openapi.json", null).body()),
                "the same document once the plugin runs again");
    }

    private static JsonNode pathsNow() {
        Http.Reply r = http.get("/openapi.json", null);
        assertEquals(200, r.status(), r.body());
        return OpenApiContract.parse(r.body()).path("paths");
    }

}
