package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Unloading the plugin leaves nothing of it behind: its class loader is collected, and reloading
 * it many times keeps metaspace, loaded classes and threads flat. Each cycle uses the plugin the
 * way people do (admin JSON, a chat with its streams, an upload and an offline message), so what
 * those paths leave on the host's threads (thread-locals, threads started while plugin code was on
 * the stack) is part of the test.
 */
class PluginUnloadTest {

    private static final String PLUGIN = "chat-website";
    private static final Duration COLLECTED = Duration.ofSeconds(30);
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String OFFLINE_FORM = "["
            + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\",\"required\":true},"
            + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true,"
            + "\"mapTo\":{\"contact\":\"email\"}},"
            + "{\"type\":\"textarea\",\"name\":\"message\",\"label\":\"Message\",\"required\":true},"
            + "{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Files\",\"accept\":\".pdf\"}]";

    @TempDir
    Path dir;

    @Test
    void unloadLetsThePluginClassLoaderBeCollected() {
        try (HostStub host = TestHost.start(dir)) {
            ChatApi api = new ChatApi(host);
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            use(host, api, 0);
            WeakReference<ClassLoader> loader = new WeakReference<>(pluginLoader(host));
            assertTrue(host.plugins().unload(PLUGIN));
            awaitCollected(List.of(loader), "the unloaded plugin's class loader");
            awaitNoPluginClassLoader(1);
            assertEquals(200, api.http.get("/api/settings", TestHost.ADMIN_TOKEN).status(), "the host still answers");
        }
    }

    @Test
    void twentyReloadsKeepMetaspaceClassesAndThreadsFlat() throws Exception {
        try (HostStub host = TestHost.start(dir)) {
            ChatApi api = new ChatApi(host);
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            Path jar = host.config().pluginsDir().resolve("chat-website-plugin.jar");
            List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
            Footprint afterThree = null;
            Footprint afterTwenty = null;
            // Reloads come from one long-lived host thread, as from the management API's request threads: what
            // a start or stop leaves on its calling thread stays there.
            ExecutorService admin = Executors.newSingleThreadExecutor(r -> new Thread(r, "host-admin"));
            try {
                for (int cycle = 1; cycle <= 20; cycle++) {
                    use(host, api, cycle);
                    loaders.add(new WeakReference<>(pluginLoader(host)));
                    assertTrue(admin.submit(() -> host.plugins().unload(PLUGIN)).get(), "cycle " + cycle);
                    // Measured with no plugin loaded, so what a running plugin happens to have loaded by then
                    // (its background jobs' first passes) does not count: what is left is what unloads left.
                    if (cycle == 3 || cycle == 20) {
                        awaitCollected(loaders, "the class loaders of the first " + cycle + " cycles");
                        awaitNoPluginClassLoader(cycle);
                        Footprint now = Footprint.now();
                        if (cycle == 3) {
                            afterThree = now;
                        } else {
                            afterTwenty = now;
                        }
                    }
                    PluginState state = admin.submit(() -> host.plugins().start(host.plugins().load(jar))).get();
                    assertEquals(PluginState.STARTED, state, "cycle " + cycle);
                }
            } finally {
                admin.shutdown();
            }
            System.out.printf("after 3 reloads: %s%nafter 20 reloads: %s%n", afterThree, afterTwenty);
            // A leaked loader keeps ~10 MB of metaspace and ~1,800 classes.
            assertTrue(afterTwenty.metaspaceBytes() - afterThree.metaspaceBytes() < 8L << 20,
                    "metaspace grew by 8 MB or more over 17 reloads: " + afterThree + " -> " + afterTwenty
                            + afterTwenty.loaders());
            assertTrue(afterTwenty.loadedClasses() - afterThree.loadedClasses() < 1_000,
                    "loaded classes grew over 17 reloads: " + afterThree + " -> " + afterTwenty
                            + afterTwenty.loaders());
            assertTrue(afterTwenty.threads() - afterThree.threads() <= 4,
                    "threads grew over 17 reloads: " + afterThree + " -> " + afterTwenty);
        }
    }

    /** What the JVM holds after a full collection. */
    record Footprint(long metaspaceBytes, long loadedClasses, int threads, String loaders) {

        /**
         * A class loader whose weak references are cleared may still wait for finalizers or cleaners
         * (the JDK's zip files, for one) before its classes are unloaded: collect until nothing more goes.
         */
        static Footprint now() {
            long classes = Long.MAX_VALUE;
            for (int round = 0; round < 10; round++) {
                System.gc();
                System.runFinalization();
                long now = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
                if (now >= classes) {
                    break;
                }
                classes = now;
            }
            long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getName().equals("Metaspace"))
                    .mapToLong(p -> p.getUsage().getUsed())
                    .sum();
            return new Footprint(metaspace, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                    ManagementFactory.getThreadMXBean().getThreadCount(), classLoaderStats());
        }

        /** {@code jcmd VM.classloader_stats}: classes and metaspace per live class loader, for a failure's message. */
        static String classLoaderStats() {
            try {
                return "\n" + ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "vmClassloaderStats", new Object[] {null}, new String[] {String[].class.getName()});
            } catch (JMException e) {
                return "\n(no class loader stats: " + e + ")";
            }
        }

        @Override
        public String toString() {
            return String.format("metaspace %.1f MB, %,d classes, %d threads", metaspaceBytes / 1048576.0,
                    loadedClasses, threads);
        }
    }

    /**
     * The admin's JSON, a chat with both streams, an upload and an offline message, on Jetty's threads.
     * Not a video room from an HTTP provider: OkHttp's task thread and Okio's timeout watchdog, daemon
     * threads of the plugin's own copies of those libraries, hold its class loader until they have been
     * idle for 60 s, and neither can be ended sooner.
     */
    private static void use(HostStub host, ChatApi api, int cycle) {
        assertEquals(200, api.http.get(ChatApi.PLUGIN + "/api/settings-schema", TestHost.ADMIN_TOKEN).status());
        ObjectNode json = ChatApi.website("Cycle " + cycle);
        json.set("offline", ChatApi.json("{\"forwardTo\":\"support@shop.example.com\"}"));
        ChatApi.Site site = api.createWebsite(json);
        assertEquals(200, api.putForm(site, "offline", OFFLINE_FORM).status());
        assertEquals(200, api.widget("GET", site.key(), "/config", null, null).status());
        assertEquals(200, api.http.get(ChatApi.PLUGIN + "/widget.js", null).status());

        ChatApi.Session s = api.openSession(site.key());
        try (SseClient customer = api.customerStream(s, null); SseClient agent = api.agentStream(TestHost.AGENT_TOKEN,
                null)) {
            assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
            assertEquals(201, api.say(s, "Hello", "m-" + cycle).status());
            assertEquals(201, api.agent("POST", "/interactions/" + s.id() + "/messages", "{\"text\":\"Hi!\"}").status());
            customer.until("message", Duration.ofSeconds(10));
            assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/close",
                    "{\"disposition\":\"Solved\"}").status());
        }
        String upload = api.upload(site.key(), "offline", "files", "order.pdf", PDF).json().get("uploadId").asText();
        Http.Reply offline = api.widget("POST", site.key(), "/offline", "{\"fields\":{\"name\":\"Ada\",\"email\":"
                + "\"ada@example.com\",\"message\":\"Call me\",\"files\":[\"" + upload + "\"]}}", null);
        assertEquals(202, offline.status(), offline.body());
        assertEquals(200, api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/interactions?state=offline",
                TestHost.ADMIN_TOKEN).status());
        assertEquals(204, api.http.send("DELETE", ChatApi.PLUGIN + "/api/websites/" + site.id(), TestHost.ADMIN_TOKEN,
                null).status());
    }

    private static ClassLoader pluginLoader(HostStub host) {
        PluginWrapper p = host.plugins().plugins().stream().filter(w -> w.getPluginId().equals(PLUGIN)).findFirst()
                .orElseThrow();
        return p.getPluginClassLoader();
    }

    /** Collects until every loader is gone; on failure leaves a heap dump in target/ for a path-to-root look. */
    private static void awaitCollected(List<WeakReference<ClassLoader>> loaders, String what) {
        try {
            Poll.until(COLLECTED, what + " are collected", () -> {
                System.gc();
                return loaders.stream().allMatch(r -> r.get() == null);
            });
        } catch (AssertionError e) {
            long alive = loaders.stream().filter(r -> r.get() != null).count();
            throw new AssertionError(alive + " of " + loaders.size() + " plugin class loader(s) still reachable"
                    + heapDump(), e);
        }
    }

    /**
     * Waits until the JVM holds no plugin class loader at all. A loader whose weak references are
     * cleared can still be reachable from an object waiting for its finalizer (a JDK 17
     * {@code ThreadPoolExecutor} is one) and keeps its classes until that has run and a later
     * collection went by.
     */
    private static void awaitNoPluginClassLoader(int cycle) {
        try {
            Poll.until(COLLECTED, "no plugin class loader left after " + cycle + " unloads", () -> {
                System.gc();
                System.runFinalization();
                return !Footprint.classLoaderStats().contains(PluginClassLoader.class.getName());
            });
        } catch (AssertionError e) {
            throw new AssertionError(Footprint.classLoaderStats() + heapDump(), e);
        }
    }

    private static String heapDump() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            Path file = target.resolve("plugin-unload-" + System.currentTimeMillis() + ".hprof");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
            return "; heap dump: " + file.toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            return "; no heap dump: " + e;
        }
    }
}
