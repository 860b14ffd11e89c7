package com.chatwebsite.host.durability;

import com.chatwebsite.host.Http;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A host-stub running as its own JVM ({@link com.chatwebsite.host.HostMain}), configured only by the
 * contract's environment variables, so that a test can kill it with SIGKILL and start it again on
 * the same data. Its output goes to {@code target/durability/<name>.log} (appended across restarts).
 * Every child still alive when the test JVM exits is killed by a shutdown hook.
 */
public final class ChildHost implements AutoCloseable {

    /** Agents every child knows: name, token, capacity. */
    public static final List<AgentAccount> AGENTS = List.of(
            new AgentAccount("alice", "child-alice-token", 40), new AgentAccount("bob", "child-bob-token", 40));
    public static final String ADMIN_TOKEN = TestHost.ADMIN_TOKEN;

    private static final Duration START_DEADLINE = Duration.ofSeconds(45);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "child-host-reaper"));
    }

    /** An agent of {@code HOST_AGENTS}. */
    public record AgentAccount(String name, String token, int capacity) {
    }

    /**
     * What a child is started with.
     *
     * @param name the node's name: its log file and {@code HOST_NODE_ID}
     * @param dataDir {@code HOST_DATA_DIR}
     * @param extraEnv further variables ({@code HOST_DB_URL}, {@code HOST_SMTP_HOST}, ...)
     */
    public record Setup(String name, Path dataDir, Map<String, String> extraEnv) {
        public Setup {
            extraEnv = Map.copyOf(extraEnv);
        }
    }

    private final Setup setup;
    private final String classPath;
    private final int port;
    private final Path pluginsDir;
    private final Path log;
    private final URI base;
    private Process process;

    private ChildHost(Setup setup, String classPath) throws IOException {
        this.setup = setup;
        this.classPath = classPath;
        this.port = freePort();
        this.pluginsDir = Files.createDirectories(setup.dataDir().resolveSibling(setup.dataDir().getFileName()
                + "-plugins"));
        Files.copy(TestHost.packagedPluginJar(), pluginsDir.resolve("chat-website-plugin.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Path logs = Files.createDirectories(Path.of("target", "durability").toAbsolutePath());
        this.log = logs.resolve(setup.name() + ".log");
        Files.deleteIfExists(log);
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts a child and waits until {@code /health} reports the plugin {@code STARTED}.
     *
     * @param setup what to start it with
     * @return the running child
     */
    public static ChildHost start(Setup setup) {
        return start(setup, System.getProperty("java.class.path"));
    }

    /**
     * Starts a child on the given class path (the test's own by {@link #start(Setup)}) and waits
     * until {@code /health} reports the plugin {@code STARTED}.
     *
     * @param setup what to start it with
     * @param classPath the child's {@code -cp}: the host-stub's classes and the libraries it runs on
     * @return the running child
     */
    public static ChildHost start(Setup setup, String classPath) {
        try {
            ChildHost child = new ChildHost(setup, classPath);
            child.launch();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return base;
    }

    public String name() {
        return setup.name();
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(classPath);
        command.add("com.chatwebsite.host.HostMain");
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("HOST_"));
        env.putAll(environment());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Files.writeString(log, "\n=== start " + setup.name() + " on port " + port + " ===\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = pb.start();
        RUNNING.add(process);
        try {
            awaitStarted();
        } catch (RuntimeException | Error e) {
            kill(); // no child outlives a failed start
            throw e;
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOST_PORT", Integer.toString(port));
        env.put("HOST_DATA_DIR", setup.dataDir().toAbsolutePath().toString());
        env.put("HOST_PLUGINS_DIR", pluginsDir.toAbsolutePath().toString());
        env.put("HOST_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("HOST_AGENTS", String.join(",", AGENTS.stream()
                .map(a -> a.name() + ":" + a.token() + ":" + a.capacity()).toList()));
        env.put("HOST_DEMO", "false");
        env.put("HOST_NODE_ID", setup.name());
        env.putAll(setup.extraEnv());
        return env;
    }

    private void awaitStarted() {
        Http http = new Http(base);
        long end = System.nanoTime() + START_DEADLINE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError(setup.name() + " exited with " + process.exitValue() + " while starting:\n"
                        + tail(40));
            }
            try {
                Http.Reply r = http.get("/health", null);
                last = r.status() + " " + r.body();
                if (r.status() == 200 && pluginStarted(r.json())) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e.toString();
            }
            pause(Duration.ofMillis(50));
        }
        throw new AssertionError(setup.name() + ": /health did not report chat-website STARTED within "
                + START_DEADLINE + " (last: " + last + "):\n" + tail(40));
    }

    private static boolean pluginStarted(JsonNode health) {
        for (JsonNode p : health.path("plugins")) {
            if ("chat-website".equals(p.path("id").asText()) && "STARTED".equals(p.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    /** SIGKILL ({@link Process#destroyForcibly()}), then waits until the process is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError(setup.name() + " did not die after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        RUNNING.remove(process);
    }

    /** Kills the process if it still runs and starts it again on the same data and port. */
    public void restart() {
        kill();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the child's output. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
