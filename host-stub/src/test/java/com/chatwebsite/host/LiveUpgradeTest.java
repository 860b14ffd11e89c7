package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaces v1 of the plugin by v2, which adds a migration, through {@code POST
 * /api/plugins/chat-website/reload} while 50 chats talk: customers and the agent keep posting,
 * every request is answered {@code 201} or {@code 503 plugin_unavailable} (then retried with the
 * same {@code clientMessageId}), the event streams end with v1 and resume on v2 with
 * {@code Last-Event-ID}, every acknowledged message is stored and delivered exactly once, and the
 * migration keeps every row.
 */
class LiveUpgradeTest {

    private static final int CHATS = 50;
    private static final int SENDERS = 4;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String V1 = "1.9.0";
    private static final String V2 = "1.10.0"; // newer by semantic versioning, older as text

    @TempDir
    Path dir;

    /** An acknowledged message. */
    private record Ack(ChatApi.Session session, String clientMessageId, long seq) {
    }

    /** An event stream that reconnects with the last id it saw when it ends, as the widget and the console do. */
    private static final class Resuming {
        private final String name;
        private final Function<String, SseClient> opener;
        private final List<SseClient.Event> events = new ArrayList<>();
        private final List<String> refusals;
        private SseClient current;
        private String lastId;
        private int connections;

        Resuming(String name, Function<String, SseClient> opener, List<String> refusals) {
            this.name = name;
            this.opener = opener;
            this.refusals = refusals;
            this.current = opener.apply(null);
            assertEquals(200, current.status(), name);
            connections = 1;
        }

        /** Takes what arrived; reconnects an ended stream (a 503 is tried again at the next pump). */
        synchronized void pump() {
            drain();
            if (!current.ended()) {
                return;
            }
            drain();
            current.close();
            SseClient next = opener.apply(lastId);
            if (next.status() == 200) {
                current = next;
                connections++;
            } else {
                if (next.status() != 503) {
                    refusals.add(name + " reconnecting answered " + next.status());
                }
                next.close();
            }
        }

        private void drain() {
            while (!current.idle()) {
                SseClient.Event e = current.next(Duration.ofMillis(1));
                events.add(e);
                if (e.id() != null) {
                    lastId = e.id();
                }
            }
        }

        synchronized List<JsonNode> messages() {
            List<JsonNode> out = new ArrayList<>();
            for (SseClient.Event e : events) {
                if (e.event().equals("message")) {
                    out.add(ChatApi.json(e.data()));
                }
            }
            return out;
        }

        synchronized int connections() {
            return connections;
        }

        synchronized void close() {
            current.close();
        }
    }

    @Test
    void reloadingToANewVersionWithAMigrationWhileFiftyChatsTalkLosesAndRepeatsNothing() throws Exception {
        Path packaged = TestHost.packagedPluginJar();
        HostConfig config = TestHost.config(dir, Optional.empty(), Optional.empty());
        Path plugins = config.pluginsDir();
        Files.delete(plugins.resolve("chat-website-plugin.jar"));
        TestPlugins.variant(packaged, plugins.resolve("zz-chat-website-v1.jar"), Map.of("plugin.version", V1),
                Map.of());
        int migration = TestPlugins.highestMigration(packaged) + 1;

        List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Resuming> streams = new ArrayList<>();
        try (HostStub host = HostStub.start(config, Clock.systemUTC())) {
            ChatApi api = new ChatApi(host);
            PluginApi admin = new PluginApi(host);
            assertEquals(V1, admin.plugin("chat-website").get("version").asText());
            ObjectNode website = ChatApi.website("Upgrade");
            website.put("maxConcurrentSessions", 100);
            ChatApi.Site site = api.createWebsite(website);
            api.setAvailable(TestHost.AGENT_TOKEN, true);

            List<ChatApi.Session> chats = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                ChatApi.Session s = api.openSession(site.key());
                Poll.until(Duration.ofSeconds(10), "the agent accepts chat " + i,
                        () -> api.agent("POST", "/interactions/" + s.id() + "/accept", null).status() == 200);
                chats.add(s);
                streams.add(new Resuming("customer " + i, last -> api.customerStream(s, last), refusals));
            }
            Resuming agentStream = new Resuming("agent", last -> api.agentStream(TestHost.AGENT_TOKEN, last), refusals);
            streams.add(agentStream);
            Runnable pumpAll = () -> streams.forEach(Resuming::pump);

            ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicInteger unavailable = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                int thread = t;
                Thread sender = new Thread(() -> {
                    for (long n = 0; !stop.get(); n++) {
                        ChatApi.Session s = chats.get((int) ((n * SENDERS + thread) % CHATS));
                        boolean fromAgent = n % 3 == 2;
                        String id = "t" + thread + "-m" + n;
                        long[] seq = {-1};
                        try {
                            Poll.until(WAIT, "message " + id + " acknowledged", () -> {
                                Http.Reply r = post(api, s, fromAgent, id);
                                if (r == null) {
                                    wrong.add(id + ": an I/O error");
                                    return false; // retried with the same clientMessageId, and reported
                                }
                                if (r.status() == 503 && "plugin_unavailable".equals(errorOf(r))
                                        && r.header("Retry-After") != null) {
                                    unavailable.incrementAndGet();
                                    return false; // retried with the same clientMessageId
                                }
                                if (r.status() != 201) {
                                    wrong.add(id + ": " + r.status() + " " + r.body());
                                    return true;
                                }
                                seq[0] = r.json().get("seq").asLong();
                                return true;
                            });
                        } catch (AssertionError e) {
                            wrong.add(e.getMessage());
                            return;
                        }
                        if (seq[0] >= 0) {
                            acks.add(new Ack(s, id, seq[0]));
                        }
                    }
                }, "upgrade-sender-" + t);
                sender.setDaemon(true);
                senders.add(sender);
            }
            senders.forEach(Thread::start);

            Poll.until(WAIT, "200 messages acknowledged by v1", () -> {
                pumpAll.run();
                return acks.size() >= 200;
            });
            long eventsBefore = count(host, "SELECT COUNT(*) FROM cw_session_event");
            TestPlugins.variant(packaged, plugins.resolve("aa-chat-website-v2.jar"), Map.of("plugin.version", V2),
                    Map.of("db/chat-website/V" + migration + "__upgrade_test_copy.sql", migrationSql()));
            List<Ack> ackedByV1 = List.copyOf(acks);
            long reloadStart = System.nanoTime();
            Http.Reply reload = admin.act("chat-website", "reload");
            long reloadMillis = (System.nanoTime() - reloadStart) / 1_000_000;
            assertEquals(200, reload.status(), reload.body());
            assertEquals(V2, reload.json().get("version").asText());
            assertEquals("STARTED", reload.json().get("state").asText());
            int acksAtReload = acks.size();

            Poll.until(WAIT, "200 more messages acknowledged by v2", () -> {
                pumpAll.run();
                return acks.size() >= acksAtReload + 200;
            });
            stop.set(true);
            for (Thread sender : senders) {
                sender.join(WAIT.toMillis());
                assertTrue(!sender.isAlive(), sender.getName() + " ended");
            }
            System.out.printf("live upgrade: %d messages acknowledged (%d by v1), %d answers 503 plugin_unavailable "
                    + "retried, reload answered in %d ms%n", acks.size(), ackedByV1.size(), unavailable.get(),
                    reloadMillis);
            assertEquals(List.of(), List.copyOf(wrong), "every answer was 201 or 503 plugin_unavailable");
            assertTrue(unavailable.get() > 0, "some messages came while the plugin was reloaded and were retried");

            // 0 acknowledged messages lost, none stored twice
            Map<String, List<JsonNode>> stored = new HashMap<>();
            for (ChatApi.Session s : chats) {
                Http.Reply r = api.widget("GET", s.key(), "/sessions/" + s.id() + "/messages?after=0", null, s.token());
                assertEquals(200, r.status(), r.body());
                List<JsonNode> list = new ArrayList<>();
                r.json().forEach(list::add);
                stored.put(s.id(), list);
            }
            for (Ack a : acks) {
                List<JsonNode> found = stored.get(a.session().id()).stream()
                        .filter(m -> a.clientMessageId().equals(m.path("clientMessageId").asText(null))).toList();
                assertEquals(1, found.size(), "acknowledged " + a + " stored once: " + found);
                assertEquals(a.seq(), found.get(0).get("seq").asLong(), "stored under its acknowledged seq");
            }

            // every stream delivers every stored message exactly once, across its reconnections
            Poll.until(WAIT, "every stream has delivered every stored message", () -> {
                pumpAll.run();
                for (int i = 0; i < CHATS; i++) {
                    if (!seqs(streams.get(i).messages()).containsAll(seqs(stored.get(chats.get(i).id())))) {
                        return false;
                    }
                }
                return true;
            });
            for (int i = 0; i < CHATS; i++) {
                List<Long> delivered = streams.get(i).messages().stream().map(m -> m.get("seq").asLong()).toList();
                assertEquals(new HashSet<>(delivered).size(), delivered.size(),
                        "customer " + i + " got no message twice");
                assertEquals(seqs(stored.get(chats.get(i).id())), new HashSet<>(delivered),
                        "customer " + i + " got every stored message");
                assertTrue(streams.get(i).connections() >= 2, "customer " + i + "'s stream ended with v1 and resumed");
            }
            Poll.until(WAIT, "the agent's stream has every customer message", () -> {
                pumpAll.run();
                for (ChatApi.Session s : chats) {
                    if (!seqsWhere(agentStream.messages(), "interactionId", s.id())
                            .containsAll(seqsWhere(stored.get(s.id()), "from", "customer"))) {
                        return false;
                    }
                }
                return true;
            });
            Set<String> agentSeen = new HashSet<>();
            for (JsonNode m : agentStream.messages()) {
                assertTrue(agentSeen.add(m.get("interactionId").asText() + "#" + m.get("seq").asLong()),
                        "the agent got " + m + " once");
            }
            assertEquals(List.of(), List.copyOf(refusals), "reconnections were answered 200 or 503 only");

            // the migration ran on v2 and kept every row
            assertEquals(CHATS, count(host, "SELECT COUNT(*) FROM cw_session"));
            long copied = count(host, "SELECT COUNT(*) FROM cw_upgrade_copy");
            assertTrue(copied >= eventsBefore, "the migration copied every event row there was: " + copied);
            assertEquals(copied, count(host, "SELECT COUNT(*) FROM cw_upgrade_copy c JOIN cw_session_event e "
                    + "ON e.session_id = c.session_id AND e.seq = c.seq"), "every copied row is still there");
            for (Ack a : ackedByV1) {
                assertEquals(1, count(host, "SELECT COUNT(*) FROM cw_upgrade_copy WHERE session_id = '"
                        + a.session().id() + "' AND seq = " + a.seq()), "v1's " + a + " reached the migration");
            }
            assertEquals(0, count(host, "SELECT COUNT(*) FROM cw_session_event WHERE upgrade_note IS NOT NULL"),
                    "the new column is there, empty");

            // v2 runs; v1's jar is listed with the reason it is not loaded
            JsonNode v1 = admin.file("zz-chat-website-v1.jar").orElseThrow();
            assertEquals("REFUSED", v1.get("state").asText());
            assertTrue(v1.get("error").asText().contains(V2), v1.toString());
            assertEquals("UP", api.http.get("/health", null).json().get("status").asText());
        } finally {
            streams.forEach(Resuming::close);
        }
    }

    private static Http.Reply post(ChatApi api, ChatApi.Session s, boolean fromAgent, String clientMessageId) {
        String text = (fromAgent ? "agent " : "customer ") + clientMessageId;
        try {
            if (fromAgent) {
                ObjectNode body = MAPPER.createObjectNode().put("text", text).put("clientMessageId", clientMessageId);
                return api.agent("POST", "/interactions/" + s.id() + "/messages", body.toString());
            }
            return api.say(s, text, clientMessageId);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static String errorOf(Http.Reply r) {
        try {
            return r.json().path("error").asText(null);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static Set<Long> seqs(List<JsonNode> messages) {
        return seqsWhere(messages, null, null);
    }

    private static Set<Long> seqsWhere(List<JsonNode> messages, String field, String value) {
        Set<Long> out = new HashSet<>();
        for (JsonNode m : messages) {
            if (field == null || value.equals(m.path(field).asText(null))) {
                out.add(m.get("seq").asLong());
            }
        }
        return out;
    }

    private static byte[] migrationSql() {
        return ("-- The upgrade test's v2: a nullable column, and a table filled from the rows already there.\n"
                + "ALTER TABLE cw_session_event ADD COLUMN upgrade_note VARCHAR(40);\n"
                + "CREATE TABLE cw_upgrade_copy (session_id VARCHAR(36) NOT NULL, seq BIGINT NOT NULL, "
                + "PRIMARY KEY (session_id, seq));\n"
                + "INSERT INTO cw_upgrade_copy (session_id, seq) SELECT session_id, seq FROM cw_session_event;\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long count(HostStub host, String sql) throws SQLException {
        try (Connection c = host.services().dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
