package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/** Stopping and unloading the plugin releases its threads and routes; loading it again works. */
class PluginLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void stopAndUnloadLeaveNoPluginThreadAndReloadServesAgain() {
        try (HostStub host = TestHost.start(dir)) {
            Http http = new Http(host.baseUrl());
            String route = "/plugins/chat-website/api/settings-schema";
            assertEquals(200, http.get(route, TestHost.ADMIN_TOKEN).status());
            assertFalse(pluginThreads().isEmpty(), "the started plugin runs its scheduler");

            Set<String> running = pluginThreads();
            ChatApi api = new ChatApi(host);
            ChatApi.Site site = api.createWebsite(ChatApi.website("Lifecycle"));
            SseClient status = SseClient.open(java.net.URI.create(host.baseUrl() + ChatApi.PLUGIN + "/widget/"
                    + site.key() + "/status"), java.util.Map.of("Origin", ChatApi.ORIGIN));
            assertEquals("status", status.next(Duration.ofSeconds(10)).event());
            assertTrue(host.plugins().unload("chat-website"));
            Poll.until(Duration.ofSeconds(10), "the plugin's open streams end with it", status::ended);
            status.close();
            Poll.until(Duration.ofSeconds(10), "plugin threads end: " + running,
                    () -> running.stream().noneMatch(pluginThreads()::contains));
            assertEquals(404, http.get(route, TestHost.ADMIN_TOKEN).status(), "routes unmounted");
            assertEquals(List.of(), host.plugins().plugins());

            Set<Thread> before = Thread.getAllStackTraces().keySet();
            String id = host.plugins().load(host.config().pluginsDir().resolve("chat-website-plugin.jar"));
            assertEquals(PluginState.STARTED, host.plugins().start(id));
            Http.Reply again = http.get(route, TestHost.ADMIN_TOKEN);
            assertEquals(200, again.status(), again.body());
            Set<Thread> started = newThreads(before);
            assertFalse(started.isEmpty(), "the reloaded plugin started its threads");

            host.plugins().unload(id);
            Poll.until(Duration.ofSeconds(10), "threads started by the reloaded plugin end: " + started,
                    () -> started.stream().noneMatch(Thread::isAlive));
            assertTrue(started.stream().noneMatch(Thread::isAlive));
        }
    }

    private static Set<String> pluginThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId())
                .filter(n -> n.startsWith("chat-website-"))
                .collect(Collectors.toSet());
    }

    private static Set<Thread> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> !t.getName().startsWith("host-http"))
                .filter(t -> !t.getName().startsWith("HttpClient"))
                .filter(t -> !t.getName().startsWith("ForkJoinPool"))
                .filter(t -> !t.getName().equals("process reaper"))
                .filter(t -> !t.getName().startsWith("H2-")) // the host database's own writers
                .collect(Collectors.toSet());
    }
}
