package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.durability.ChildHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin on a host whose class path has other versions of the plugin's libraries:
 * Flyway 13.6 with a database module the plugin does not ship (MySQL), Jackson 2.21, Guava 33.5,
 * OkHttp 4 (with its okio and Kotlin 1.8), Jakarta Mail 2.1.2 with Angus 2.0.2, Tika 2.9. The host
 * runs as a child JVM on that class path, in place of its own copies; the plugin starts and a chat
 * goes through: an upload checked by content, an open, the agent's accept, a message each way.
 *
 * <p>With the libraries not relocated (the jar before issue 13) the plugin failed to start here:
 * Flyway's service lookup through the plugin's class loader also reads the host's
 * {@code META-INF/services}, finds the MySQL module's classes, loads them from the host and
 * refuses them ({@code ServiceConfigurationError: ... not a subtype}).
 */
class ConflictingLibrariesTest {

    /** Jar name prefixes of the host's own copies that the conflicting versions replace. */
    private static final List<String> REPLACED = List.of("flyway-", "jackson-", "guava-", "failureaccess-", "okhttp-",
            "okio-", "kotlin-stdlib", "jakarta.mail", "jakarta.activation", "angus-", "tika-", "commons-io-");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void pluginStartsAndChatsOnAHostWithOtherVersionsOfItsLibraries() throws IOException {
        String classPath = conflictingClassPath();
        for (String lib : List.of("flyway-core-13.6.0.jar", "flyway-mysql-13.6.0.jar", "jackson-databind-2.21.0.jar",
                "guava-33.5.0-jre.jar", "okhttp-4.12.0.jar", "jakarta.mail-api-2.1.2.jar", "tika-core-2.9.2.jar")) {
            assertTrue(classPath.contains(File.separator + lib), lib + " on the child's class path");
        }
        assertFalse(classPath.contains("flyway-core-13.12"), "the host's own Flyway is replaced");

        ChildHost.AgentAccount alice = ChildHost.AGENTS.get(0);
        try (ChildHost host = ChildHost.start(new ChildHost.Setup("conflicting-libs", dir.resolve("data"), Map.of()),
                classPath)) {
            ChatApi api = new ChatApi(host.baseUrl());
            ObjectNode website = ChatApi.website("Conflicts");
            website.set("offline", ChatApi.json("{\"forwardTo\":\"support@shop.example.com\"}")); // Jakarta Mail
            ChatApi.Site site = api.createWebsite(website);
            assertEquals(200, api.putForm(site, "online", "["
                    + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\",\"required\":true},"
                    + "{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Files\",\"accept\":\".pdf\"}]").status());

            Http.Reply upload = api.upload(site.key(), "online", "files", "invoice.pdf", PDF); // Tika
            assertEquals(201, upload.status(), upload.body());
            assertEquals("application/pdf", upload.json().get("contentType").asText());
            byte[] exe = new byte[512];
            exe[0] = 'M';
            exe[1] = 'Z';
            assertEquals(415, api.upload(site.key(), "online", "files", "invoice.pdf", exe).status());

            api.setAvailable(alice.token(), true);
            Http.Reply open = api.open(site.key(), "{\"name\":\"Ada\",\"files\":[\""
                    + upload.json().get("uploadId").asText() + "\"]}");
            assertEquals(201, open.status(), open.body());
            ChatApi.Session s = new ChatApi.Session(site.key(), open.json().get("sessionId").asText(),
                    open.json().get("token").asText());

            try (SseClient customer = api.customerStream(s, null)) {
                assertEquals(200, customer.status());
                Http.Reply accept = acceptWhenOffered(api, alice, s.id());
                assertEquals(200, accept.status(), accept.body());

                Http.Reply fromCustomer = api.say(s, "Where is my order?", "c-1");
                assertEquals(201, fromCustomer.status(), fromCustomer.body());
                Http.Reply fromAgent = api.http.send("POST", "/api/agent/interactions/" + s.id() + "/messages",
                        alice.token(), "{\"text\":\"On its way.\",\"clientMessageId\":\"a-1\"}");
                assertEquals(201, fromAgent.status(), fromAgent.body());

                // The customer's stream carries the agent's message (events in order, so this waits for it).
                long end = System.nanoTime() + WAIT.toNanos();
                List<String> seen = new ArrayList<>();
                while (seen.stream().noneMatch(d -> d.contains("On its way."))) {
                    seen.add(customer.next(Duration.ofNanos(Math.max(1, end - System.nanoTime()))).data());
                }
            }
            JsonNode agentView = api.http.get("/api/agent/interactions/" + s.id() + "/messages", alice.token()).json();
            List<String> texts = new ArrayList<>();
            agentView.forEach(m -> texts.add(m.path("text").asText()));
            assertTrue(texts.containsAll(List.of("Where is my order?", "On its way.")), texts.toString());

            String log = host.tail(2_000);
            for (String trouble : List.of("ServiceConfigurationError", "LinkageError", "NoClassDefFoundError",
                    "ClassCastException", "NoSuchMethodError")) {
                assertFalse(log.contains(trouble), trouble + " in the child's log:\n" + log);
            }
        }
    }

    /** The offer reaches the agent asynchronously: accept until it is there, or the deadline passes. */
    private static Http.Reply acceptWhenOffered(ChatApi api, ChildHost.AgentAccount agent, String sessionId) {
        long end = System.nanoTime() + WAIT.toNanos();
        Http.Reply last;
        do {
            last = api.http.send("POST", "/api/agent/interactions/" + sessionId + "/accept", agent.token(), null);
            if (last.status() == 200) {
                return last;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        } while (System.nanoTime() < end);
        return last;
    }

    /**
     * This test JVM's class path without the host's copies of the plugin's libraries, followed by
     * the other versions Maven copied into {@code conflicting.libs}.
     */
    private static String conflictingClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (REPLACED.stream().noneMatch(name::startsWith)) {
                entries.add(entry);
            }
        }
        String libs = System.getProperty("conflicting.libs");
        if (libs == null) {
            throw new IllegalStateException("run the tests through Maven (mvn verify): conflicting.libs is not set");
        }
        try (Stream<Path> jars = Files.list(Path.of(libs))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        }
        return String.join(File.pathSeparator, entries);
    }
}
