package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * Stopping the plugin in the middle of its heaviest background work leaves the host's database
 * working (nothing of the plugin is interrupted inside it), and starting with thousands of open
 * chats is quick: they are routed again afterwards, in the background.
 */
class PluginStopStartTest {

    private static final String PLUGIN = "chat-website";
    private static final String SCHEMA = ChatApi.PLUGIN + "/api/settings-schema";

    @TempDir
    Path dir;

    @Test
    void stopDuringAHeavySweepLeavesTheHostsDatabaseWorkingAndTheSweepGoesOnAfterAStart() {
        try (HostStub host = TestHost.start(dir)) {
            ChatApi api = new ChatApi(host);
            DataSource db = host.services().dataSource();
            ChatApi.Site site = api.createWebsite(ChatApi.website("Busy"));
            // With an agent available the plugin's scheduler writes to the host's routing tables: it offers
            // each chat again after the start, then the sweeper withdraws it.
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            host.plugins().stop(PLUGIN);
            // Waiting for an hour, past the website's 120 s: the sweeper closes each as Unmanaged.
            int stored = 5_000;
            StoredSessions.insertWaiting(db, site.id(), stored, Instant.now().minus(Duration.ofHours(1)));
            assertEquals(PluginState.STARTED, host.plugins().start(PLUGIN));
            Poll.until(Duration.ofSeconds(60), "the sweeper is closing sessions",
                    () -> StoredSessions.count(db, "closed") >= 50);

            long begin = System.nanoTime();
            host.plugins().stop(PLUGIN);
            Duration stopping = Duration.ofNanos(System.nanoTime() - begin);
            int closedAtStop = StoredSessions.count(db, "closed");
            System.out.printf("stopped in %d ms with %,d of %,d sessions swept%n", stopping.toMillis(), closedAtStop,
                    stored);
            assertTrue(closedAtStop < stored, "the stop came in the middle of the sweep");
            assertTrue(stopping.compareTo(Duration.ofSeconds(5)) < 0, "the sweep ended at its next session: "
                    + stopping);
            Poll.until(Duration.ofSeconds(2), "the plugin's threads are gone: " + pluginThreads(),
                    () -> pluginThreads().isEmpty());
            assertEquals(closedAtStop, StoredSessions.count(db, "closed"), "nothing of the plugin runs on");

            // The host's own endpoints, on the same database.
            Http.Reply put = api.http.send("PUT", "/api/settings", TestHost.ADMIN_TOKEN, "{\"chatTimeoutSeconds\":900}");
            assertEquals(200, put.status(), put.body());
            assertEquals(900, api.http.get("/api/settings", TestHost.ADMIN_TOKEN).json().get("chatTimeoutSeconds")
                    .asInt());
            assertEquals(200, api.http.get("/api/contacts?value=ada@example.com", TestHost.ADMIN_TOKEN).status());

            // The plugin starts again (its migrations check the same history) and the sweep goes on.
            assertEquals(PluginState.STARTED, host.plugins().start(PLUGIN));
            assertEquals(200, api.http.get(SCHEMA, TestHost.ADMIN_TOKEN).status());
            Poll.until(Duration.ofSeconds(60), "the sweep goes on after the start",
                    () -> StoredSessions.count(db, "closed") > closedAtStop + 50);
        }
    }

    @Test
    void startWithTenThousandWaitingChatsIsQuickAndOffersThemAfterwards() {
        try (HostStub host = TestHost.start(dir)) {
            ChatApi api = new ChatApi(host);
            DataSource db = host.services().dataSource();
            ObjectNode json = ChatApi.website("Queue");
            json.put("maxConcurrentSessions", 20_000);
            json.put("unmanagedAfterSeconds", 86_400);
            json.set("messages", ChatApi.json("{\"waitingAfterSeconds\":86400}"));
            ChatApi.Site site = api.createWebsite(json);
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            host.plugins().stop(PLUGIN);
            // Opened a minute ago on a node that died before offering them.
            StoredSessions.insertWaiting(db, site.id(), 10_000, Instant.now().minus(Duration.ofMinutes(1)));

            long begin = System.nanoTime();
            assertEquals(PluginState.STARTED, host.plugins().start(PLUGIN));
            Duration starting = Duration.ofNanos(System.nanoTime() - begin);
            System.out.printf("started in %d ms with 10,000 waiting chats%n", starting.toMillis());
            assertEquals(200, api.http.get(SCHEMA, TestHost.ADMIN_TOKEN).status());
            // A sanity bound only (the target, 1 s, is the bench's): the start reads none of the chats.
            assertTrue(starting.compareTo(Duration.ofSeconds(5)) < 0, "started in " + starting);

            Poll.until(Duration.ofSeconds(30), "the waiting chats are offered again after the start",
                    () -> StoredSessions.queryInt(db, "SELECT COUNT(*) FROM host_routing") >= 200);
            assertEquals(200, api.http.get("/api/settings", TestHost.ADMIN_TOKEN).status(),
                    "the host answers while they are offered");
        }
    }

    private static List<String> pluginThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("chat-website-"))
                .toList();
    }
}
