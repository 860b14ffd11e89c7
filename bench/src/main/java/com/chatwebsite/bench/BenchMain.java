package com.chatwebsite.bench;

import com.chatwebsite.bench.Load.Result;
import com.chatwebsite.bench.Targets.Agent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The benchmark: starts the host-stub (with the packaged plugin) and the baseline relay as their own
 * processes, drives chats at fixed offered rates, searches the highest sustained rate, measures the
 * heap per idle session and the plugin's start, and writes a markdown report.
 */
public final class BenchMain {

    static final Pattern READY = Pattern.compile(
            "chat-website started: (\\d+) migration\\(s\\) applied, ready in (\\d+) ms");
    static final int H2_SUSTAINED_TARGET = 10_000;
    static final int BASELINE_RATIO_RATE = 1_000;
    static final double BASELINE_RATIO_TARGET = 2;
    static final int P99_TARGET_RATE = 5_000;
    static final double P99_TARGET_MS = 25;
    static final int PG_SUSTAINED_TARGET = 5_000;
    static final double IDLE_TARGET_KIB = 8;
    static final double START_TARGET_MS = 2_000;
    static final double SEARCH_P99_LIMIT_MS = 1_000;

    private final Options o;
    private Path root;
    private Path work;
    private Http http;
    private final Load.Receiver receiver = new Load.Receiver();
    private final Http.StreamCounts counts = new Http.StreamCounts();
    private final List<String> notes = new ArrayList<>();
    private final ZonedDateTime began = ZonedDateTime.now();
    private Map<String, String> machine;

    /** A measured start of the host. */
    record Start(String label, int migrations, long readyInMs, double healthMs) {
    }

    /** The idle-session memory phase. */
    record Memory(int requested, int opened, long streamsOpenAtEnd, Jvm.Heap before, Jvm.Heap after,
            double openSeconds, Map<String, long[]> growth, List<String> failures, long rssBefore, long rssAfter) {

        double perSessionLiveBytes() {
            return opened == 0 ? Double.NaN : (after.liveBytes() - before.liveBytes()) / (double) opened;
        }

        double perSessionUsedBytes() {
            return opened == 0 || before.usedBytes() < 0 ? Double.NaN
                    : (after.usedBytes() - before.usedBytes()) / (double) opened;
        }
    }

    /** The host's PostgreSQL connection ({@code HOST_DB_*}); absent for H2. */
    record HostDb(String url, String user, String password) {
    }

    private final List<Scenario> scenarios = new ArrayList<>();
    private double baselineStartMs = Double.NaN;
    private LocalPostgres postgres;
    private Result profiled;
    private List<String> profile = List.of();
    private Memory memory;
    private String memoryScenario = "";
    private long widgetRaw = -1;
    private long widgetGzip = -1;
    private Duration took;

    private BenchMain(Options o) {
        this.o = o;
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = new BenchMain(o).run();
        } catch (Exception e) {
            System.err.println("bench: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private static void progress(String message) {
        System.err.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] "
                + message);
    }

    private int run() throws Exception {
        root = locateRoot();
        Path hostJar = root.resolve("host-stub/target/host-stub.jar");
        Path pluginJar = root.resolve("chat-plugin/target/chat-website-plugin.jar");
        if (!Files.isRegularFile(hostJar) || !Files.isRegularFile(pluginJar)) {
            System.err.println("bench: build first (mvn -q -B -DskipTests package): missing " + hostJar + " or "
                    + pluginJar);
            return 2;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        work = root.resolve("bench/target/bench-run-" + stamp);
        Files.createDirectories(work.resolve("plugins"));
        Files.createDirectories(work.resolve("logs"));
        Files.copy(pluginJar, work.resolve("plugins/chat-website-plugin.jar"), StandardCopyOption.REPLACE_EXISTING);
        machine = Machine.describe();
        progress("work folder " + work + (o.quick ? " (quick run)" : ""));
        long t0 = System.nanoTime();
        String adminToken = token();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < o.agents; i++) {
            agents.add(new Agent("b" + i, token()));
        }
        http = new Http();
        Load load = new Load(receiver, counts, o.connections);
        Baseline baseline = new Baseline();
        try {
            List<Scenario> plan = o.scenarios();
            for (int k = 0; k < plan.size(); k++) {
                Scenario s = plan.get(k);
                scenarios.add(s);
                progress("== " + s.label() + " (" + (k + 1) + " of " + plan.size() + ")");
                try {
                    runScenario(s, k, hostJar, adminToken, agents, load, k == 0 ? baseline : null);
                } catch (Exception e) {
                    s.failure = e.toString();
                    notes.add(s.label() + ": the run stopped early: " + e);
                    progress("stopped early: " + e);
                    e.printStackTrace();
                } finally {
                    baseline.close(load);
                }
            }
        } finally {
            baseline.close(load);
            if (postgres != null) {
                progress("stopping the PostgreSQL server");
                postgres.close();
            }
            http.close();
        }
        if (http.retried503.sum() > 0) {
            notes.add(String.format("%,d set-up call(s) (opening chats or sessions, not the measured load) answered "
                    + "503 and were retried after a second.", http.retried503.sum()));
        }
        widgetSizes();
        took = Duration.ofNanos(System.nanoTime() - t0);
        String report = render();
        System.out.println(report);
        Path out = o.out != null ? o.out : root.resolve("bench/target/benchmarks-" + stamp + ".md");
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.writeString(out, report, StandardCharsets.UTF_8);
        progress("report written to " + out.toAbsolutePath() + "; logs in " + work.resolve("logs"));
        return 0;
    }

    /** The baseline relay's process and target, started by the first configuration. */
    private static final class Baseline {
        Child process;
        Targets.Baseline target;

        void close(Load load) {
            if (target != null) {
                load.close(target);
            }
            if (process != null) {
                process.close();
            }
            process = null;
            target = null;
        }
    }

    /**
     * One configuration: starts its database (for PostgreSQL) and nodes, opens the chats, runs the
     * fixed rates and the search (with the baseline when given), then, in the first configuration of
     * one node, the profiling run and the memory phase; stops its nodes.
     */
    private void runScenario(Scenario s, int k, Path hostJar, String adminToken, List<Agent> agents, Load load,
            Baseline baseline) throws Exception {
        HostDb db = null;
        java.util.function.DoubleSupplier dbCpu = null;
        if (s.postgres()) {
            if (o.dbUrl().isPresent()) {
                db = new HostDb(o.dbUrl, o.dbUser, o.dbPassword);
                s.database = "PostgreSQL at " + o.dbUrl + " (an existing server, given by --db-url)";
            } else {
                if (postgres == null) {
                    progress("starting a throwaway PostgreSQL server (initdb, pg_ctl) under " + work.resolve(
                            "postgres"));
                    postgres = LocalPostgres.start(o.pgBin, work.resolve("postgres"), freePort(),
                            work.resolve("logs/postgres.log"));
                }
                String name = "bench_" + (k + 1);
                db = new HostDb(postgres.createDatabase(name), LocalPostgres.USER, postgres.password);
                dbCpu = postgres::cpuSeconds;
                s.database = String.format("%s, a throwaway server the bench started (`initdb` with default "
                        + "settings, fsync on; 127.0.0.1:%d, database `%s`)", postgres.version(), postgres.port, name);
            }
        } else {
            s.database = "H2 file in a fresh folder under bench/target";
        }
        String slug = (s.postgres() ? "pg" : "h2") + (s.nodes > 1 ? s.nodes + "nodes" : "");
        List<Child> running = new ArrayList<>();
        List<Path> dataDirs = new ArrayList<>();
        try {
            List<Targets.Node> nodes = new ArrayList<>();
            for (int i = 0; i < s.nodes; i++) {
                progress(String.format("starting host-stub node %d of %d with the plugin (%s)", i + 1, s.nodes,
                        i == 0 ? "fresh " + (s.postgres() ? "PostgreSQL" : "H2") + " database" : "same database"));
                int port = freePort();
                Path dataDir = work.resolve("host-data-" + slug + "-" + (i + 1));
                dataDirs.add(dataDir);
                Child c = startHost(hostJar, dataDir, port, adminToken, agents, db, "node-" + (i + 1),
                        slug + "-node" + (i + 1));
                running.add(c);
                URI base = URI.create("http://127.0.0.1:" + port);
                Start st = measureStart(i == 0 ? "first start, empty database"
                        : "node " + (i + 1) + " joining, database ready", c, base);
                s.starts.add(st);
                nodes.add(new Targets.Node(c, base));
                progress("plugin ready in " + st.readyInMs() + " ms (log), health STARTED after "
                        + String.format("%.0f", st.healthMs()) + " ms");
            }
            Targets.Host host = new Targets.Host(s.target(), nodes, adminToken, agents, dbCpu);

            if (baseline != null) {
                progress("starting the baseline relay");
                int basePort = freePort();
                baseline.process = startBaseline(basePort);
                baseline.target = new Targets.Baseline(baseline.process, URI.create("http://127.0.0.1:" + basePort));
                baselineStartMs = awaitHealth(baseline.process, baseline.target.base.resolve("/health"), null);
            }
            List<Load.Target> targets = new ArrayList<>(List.of(host));
            progress("opening " + o.chats + " chats" + (baseline != null ? " on each" : "") + " (customer stream, "
                    + "accepted by one of " + o.agents + " agents" + (s.nodes > 1 ? ", on another node than the "
                    + "customer's" : "") + ")");
            host.setUpChats(http, o.chats, receiver, counts);
            if (baseline != null) {
                baseline.target.setUpChats(http, o.chats, receiver, counts);
                targets.add(baseline.target);
            }

            if (o.jitWarmupSeconds > 0) {
                int rate = lowestRate();
                for (Load.Target t : targets) {
                    int seconds = t == host ? o.jitWarmupSeconds : Math.min(20, o.jitWarmupSeconds);
                    progress(String.format("%s: JIT warm-up at %,d msg/s for %d s (not in the figures)", t.name(), rate,
                            seconds));
                    progress(summary(load.run(t, rate, 0, seconds, o.drainSeconds, null)));
                }
            }
            for (int rate : o.rates) {
                for (Load.Target t : targets) {
                    progress(String.format("%s at %,d msg/s: %d s warm-up + %d s", t.name(), rate, o.warmupSeconds,
                            o.durationSeconds));
                    Result r = load.run(t, rate, o.warmupSeconds, o.durationSeconds, o.drainSeconds, null);
                    s.fixed.add(r);
                    progress(summary(r));
                }
            }
            if (!o.skipSearch) {
                for (Load.Target t : targets) {
                    List<Result> steps = new ArrayList<>();
                    s.search.put(t.name(), steps);
                    s.searchExhausted.put(t.name(), true);
                    for (int rate : o.steps) {
                        progress(String.format("search %s at %,d msg/s: %d s warm-up + %d s", t.name(), rate,
                                o.stepWarmupSeconds, o.stepSeconds));
                        Result r = load.run(t, rate, o.stepWarmupSeconds, o.stepSeconds, o.drainSeconds, null);
                        steps.add(r);
                        progress(summary(r));
                        if (passes(r)) {
                            s.sustained.put(t.name(), rate);
                        } else {
                            s.searchExhausted.put(t.name(), false);
                            break;
                        }
                    }
                }
            }
            if (baseline != null) {
                baseline.close(load);
            }
            boolean firstSingle = k == 0 && s.nodes == 1;
            if (o.profile && firstSingle) {
                profile(s, host, load);
            }
            load.close(host);
            if (!o.skipMemory && firstSingle) {
                progress("restarting the host on the same database for the memory phase");
                Child first = running.remove(0);
                first.close();
                Child again = startHost(hostJar, dataDirs.get(0), nodes.get(0).base().getPort(), adminToken, agents, db,
                        "node-1", slug + "-node1-restart");
                running.add(again);
                Targets.Host host2 = new Targets.Host(s.target(), List.of(new Targets.Node(again, host.base)),
                        adminToken, agents, dbCpu);
                s.starts.add(measureStart(String.format("restart, %,d chats open and %,d messages stored", o.chats,
                        load.stored(s.target())), again, host2.base));
                progress("plugin ready in " + s.starts.get(s.starts.size() - 1).readyInMs() + " ms (log) on restart");
                memory = idleMemory(host2);
                memoryScenario = s.label();
                // The memory phase leaves its chats waiting (offered, never Unmanaged): a start with them.
                int waiting = memory.opened() + Math.min(200, o.idleSessions);
                progress(String.format("restarting the host with %,d chats waiting", waiting));
                running.remove(again);
                again.close();
                Child third = startHost(hostJar, dataDirs.get(0), nodes.get(0).base().getPort(), adminToken, agents,
                        db, "node-1", slug + "-node1-waiting");
                running.add(third);
                s.starts.add(measureStart(String.format("restart, %,d chats waiting (the memory phase's)", waiting),
                        third, host.base));
                progress("plugin ready in " + s.starts.get(s.starts.size() - 1).readyInMs() + " ms (log) with "
                        + String.format("%,d", waiting) + " chats waiting");
            }
        } finally {
            for (Child c : running) {
                c.close();
            }
            dataDirs.forEach(BenchMain::deleteQuietly);
        }
    }

    private int lowestRate() {
        return o.rates.isEmpty() ? 1_000 : o.rates.stream().mapToInt(Integer::intValue).min().getAsInt();
    }

    /** A run of the host with a JFR recording, summarised by component; not in the figures. */
    private void profile(Scenario s, Targets.Host host, Load load) throws InterruptedException {
        int rate = s.sustained.getOrDefault(s.target(), lowestRate());
        progress(String.format("%s at %,d msg/s with a JFR recording of the host (profiling run, not in the figures)",
                s.target(), rate));
        long pid = host.child.pid();
        Path jfr = work.resolve("logs/host-profile.jfr");
        List<String> failure = new ArrayList<>();
        profiled = load.run(host, rate, o.stepWarmupSeconds, o.stepSeconds, o.drainSeconds, () -> {
            try {
                Jvm.startRecording(pid, work.resolve("logs/bench.jfc"));
            } catch (IOException | InterruptedException e) {
                failure.add("JFR did not start: " + e);
            }
        });
        progress(summary(profiled));
        try {
            Jvm.stopRecording(pid, jfr);
            profile = failure.isEmpty()
                    ? Jvm.profileSummary(jfr, profiled.measuredFrom(), profiled.measuredTo()) : failure;
        } catch (IOException | InterruptedException | RuntimeException e) {
            profile = List.of("the JFR recording failed: " + e);
        }
    }

    private static boolean passes(Result r) {
        double p99 = r.worstMs(99);
        return r.zeroLoss() && !Double.isNaN(p99) && p99 <= SEARCH_P99_LIMIT_MS;
    }

    private static String summary(Result r) {
        return String.format("  %s %,d msg/s: offered %,d, received %,d, loss %,d"
                        + (r.loss() > 0 ? String.format(" (in %d and %d chats)", r.chatsWithLoss()[0],
                                r.chatsWithLoss()[1]) : "") + ", errors %,d, p50/p99/p99.9 "
                        + "c→a %s/%s/%s ms, a→c %s/%s/%s ms, server %.2f cores"
                        + (Double.isNaN(r.databaseCores()) ? "" : String.format(", PostgreSQL %.2f cores",
                                r.databaseCores()))
                        + ", bench %.2f cores"
                        + (r.streamsEnded() > 0 ? ", " + r.streamsEnded() + " streams closed by the server" : "")
                        + (r.settleSeconds() > 2 ? String.format(", the server took %.0f s to calm down after",
                                r.settleSeconds()) : ""),
                r.target(), r.rate(), r.offered(), r.received()[0] + r.received()[1], r.loss(),
                r.errors() + r.skipped(), ms(r.ms(0, 50)), ms(r.ms(0, 99)), ms(r.ms(0, 99.9)), ms(r.ms(1, 50)),
                ms(r.ms(1, 99)), ms(r.ms(1, 99.9)), r.serverCores(), r.benchCores());
    }

    private Path locateRoot() throws Exception {
        if (o.root != null) {
            return o.root.toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("host-stub")) && Files.isDirectory(cwd.resolve("chat-plugin"))) {
            return cwd;
        }
        Path jar = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path candidate = jar.getParent() == null ? cwd : jar.getParent().getParent().getParent();
        return candidate == null ? cwd : candidate.toAbsolutePath().normalize();
    }

    private static String token() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Child startHost(Path hostJar, Path dataDir, int port, String adminToken, List<Agent> agents, HostDb db,
            String nodeId, String tag) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOST_PORT", Integer.toString(port));
        env.put("HOST_DATA_DIR", dataDir.toString());
        env.put("HOST_PLUGINS_DIR", work.resolve("plugins").toString());
        env.put("HOST_ADMIN_TOKEN", adminToken);
        StringBuilder spec = new StringBuilder();
        for (Agent a : agents) {
            spec.append(spec.length() == 0 ? "" : ",").append(a.name()).append(':').append(a.token()).append(':')
                    .append(o.agentCapacity);
        }
        env.put("HOST_AGENTS", spec.toString());
        env.put("HOST_DEMO", "false");
        env.put("HOST_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("HOST_NODE_ID", nodeId);
        if (db != null) {
            env.put("HOST_DB_URL", db.url());
            env.put("HOST_DB_USER", db.user());
            env.put("HOST_DB_PASSWORD", db.password());
        }
        Path log = work.resolve("logs/" + tag + ".log");
        return Child.start(tag, List.of(java(), "-Xmx" + o.heap, Child.gcLogOption(log, tag), "-jar",
                hostJar.toString()), env, work, log);
    }

    private Child startBaseline(int port) throws IOException {
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            cp.add(Path.of(entry).toAbsolutePath().toString());
        }
        Path log = work.resolve("logs/baseline.log");
        return Child.start("baseline", List.of(java(), "-Xmx" + o.heap, Child.gcLogOption(log, "baseline"), "-cp",
                String.join(java.io.File.pathSeparator, cp),
                BaselineServer.class.getName(), Integer.toString(port)), Map.of(), work,
                work.resolve("logs/baseline.log"));
    }

    /** Polls the health URL until it answers 200 (and, for the host, lists the plugin STARTED). */
    private double awaitHealth(Child child, URI health, String pluginId) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            if (!child.process.isAlive()) {
                throw new IOException(child.name + " exited with " + child.process.exitValue() + ":\n" + child.tail(30));
            }
            try {
                RawHttp.Response r = http.send("GET", health, null);
                long now = System.nanoTime();
                if (r.status() == 200) {
                    if (pluginId == null) {
                        return (now - child.startedNanos) / 1e6;
                    }
                    JsonNode body = Http.JSON.readTree(r.body());
                    for (JsonNode p : body.path("plugins")) {
                        if (pluginId.equals(p.path("id").asText()) && "STARTED".equals(p.path("state").asText())) {
                            return (now - child.startedNanos) / 1e6;
                        }
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IOException(child.name + " did not become healthy in 120 s:\n" + child.tail(30));
    }

    private Start measureStart(String label, Child child, URI base) throws Exception {
        double healthMs = awaitHealth(child, base.resolve("/health"), "chat-website");
        Optional<Matcher> m = child.awaitOutput(READY, 10_000);
        if (m.isEmpty()) {
            throw new IOException("no 'chat-website started' line in the host's output:\n" + child.tail(30));
        }
        return new Start(label, Integer.parseInt(m.get().group(1)), Long.parseLong(m.get().group(2)), healthMs);
    }

    private Memory idleMemory(Targets.Host host) throws Exception {
        int k = o.idleSessions;
        host.createWebsite(http, "idle", Math.min(100_000, Math.max(20_000, k + 1_000)));
        host.available(http, host.agents.get(0));
        Http.StreamCounts idle = new Http.StreamCounts();
        Http.LineListener ignore = (line, t) -> { };
        AtomicInteger base = new AtomicInteger();
        int warm = Math.min(200, k);
        int offset = 1_000_000;
        progress("memory: " + warm + " warm-up sessions");
        Targets.tolerant(warm, 16, i -> {
            String[] s = host.openSession(http, offset + i);
            Targets.await(host.customerStream(http, s[0], s[1], ignore, idle), 30);
            return null;
        }, base, System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
        Thread.sleep(2_000);
        long pid = host.child.pid();
        Jvm.Heap before = Jvm.heap(pid);
        long rssBefore = rss(pid);
        progress(String.format("memory: live heap %.1f MiB before; opening %,d idle sessions with their streams",
                before.liveBytes() / 1048576.0, k));
        AtomicInteger ok = new AtomicInteger();
        long t0 = System.nanoTime();
        Thread reporter = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    progress(String.format("memory: %,d sessions open", ok.get()));
                }
            } catch (InterruptedException e) {
                // done
            }
        }, "bench-progress");
        reporter.setDaemon(true);
        reporter.start();
        List<String> failures = Targets.tolerant(k, 32, i -> {
            String[] s = host.openSession(http, offset + warm + i);
            Targets.await(host.customerStream(http, s[0], s[1], ignore, idle), 30);
            return null;
        }, ok, System.nanoTime() + TimeUnit.MINUTES.toNanos(o.quick ? 3 : 8));
        reporter.interrupt();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(3_000);
        Jvm.Heap after = Jvm.heap(pid);
        long rssAfter = rss(pid);
        long open = idle.open.sum();
        Memory m = new Memory(k, ok.get(), open, before, after, seconds, Jvm.growth(before, after, 12), failures,
                rssBefore, rssAfter);
        progress(String.format("memory: %,d opened in %.1f s, %,d idle streams open, %.1f KiB live heap per session",
                ok.get(), seconds, open, m.perSessionLiveBytes() / 1024));
        return m;
    }

    /** The process's resident memory in bytes; -1 when unknown. */
    private static long rss(long pid) {
        return Machine.read("/proc/" + pid + "/status").flatMap(s -> s.lines().filter(l -> l.startsWith("VmRSS:"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)).orElse(-1L);
    }

    private void widgetSizes() {
        Path widget = root.resolve("chat-plugin/src/main/resources/widget/widget.js");
        try {
            byte[] raw = Files.readAllBytes(widget);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(raw);
            }
            widgetRaw = raw.length;
            widgetGzip = buf.size();
        } catch (IOException e) {
            notes.add("widget.js could not be read: " + e);
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind under bench/target
                }
            });
        } catch (IOException e) {
            // left behind under bench/target
        }
    }

    // ---------------------------------------------------------------- report

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 100 ? String.format("%,.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }

    private static String kib(double bytes) {
        return Double.isNaN(bytes) ? "–" : String.format("%.1f KiB", bytes / 1024);
    }

    private static String ratio(double ours, double base) {
        if (Double.isNaN(ours) || Double.isNaN(base) || base <= 0) {
            return "–";
        }
        double x = ours / base;
        return x >= 100 ? String.format("%,.0f×", x) : String.format("%.1f×", x);
    }

    private static String verdict(boolean pass) {
        return pass ? "**PASS**" : "**MISS**";
    }

    /** The first configuration of the given database and nodes, if the run had it. */
    private Optional<Scenario> scenario(String db, int nodes) {
        return scenarios.stream().filter(s -> s.db.equals(db) && s.nodes == nodes).findFirst();
    }

    /** The baseline's result at a rate (measured in the first configuration). */
    private Optional<Result> baselineAt(int rate) {
        return scenarios.isEmpty() ? Optional.empty() : scenarios.get(0).fixed("baseline", rate);
    }

    String command() {
        StringBuilder c = new StringBuilder("mvn -q -B -DskipTests package && java -jar bench/target/bench.jar");
        for (String a : o.raw) {
            c.append(' ').append(a.contains(" ") ? "'" + a + "'" : a);
        }
        return c.toString().replace(o.dbPassword.isEmpty() ? "\u0000" : o.dbPassword, "***");
    }

    private static String notRun(Scenario s, String why) {
        return s != null && s.failure != null ? "not measured (the run stopped early) | – |\n" : why + " | – |\n";
    }

    /** The Targets section: issue 11's figures, each PASS or MISS against what was measured. */
    private void targets(StringBuilder r) {
        r.append("## Targets\n\n| target | measured | result |\n|---|---|---|\n");
        Scenario h2 = scenario("h2", 1).orElse(null);
        String notH2 = "not measured (no H2 configuration in this run: use `--all` or the default `--db h2`)";

        r.append(String.format("| H2, one node: ≥ %,d msg/s sustained with zero loss, acknowledgements durable | ",
                H2_SUSTAINED_TARGET));
        r.append(h2 == null || !h2.searched() ? notRun(h2, h2 == null ? notH2 : "not measured (--skip-search)")
                : sustainedCell(h2, H2_SUSTAINED_TARGET));

        r.append(String.format("| H2, one node: p99 ≤ %.0f× the baseline's p99 at %,d msg/s (each direction, no loss) "
                + "| ", BASELINE_RATIO_TARGET, BASELINE_RATIO_RATE));
        Optional<Result> ours1k = h2 == null ? Optional.empty() : h2.fixed(BASELINE_RATIO_RATE);
        Optional<Result> base1k = baselineAt(BASELINE_RATIO_RATE);
        if (ours1k.isPresent() && base1k.isPresent()) {
            Result a = ours1k.get();
            Result b = base1k.get();
            boolean pass = a.zeroLoss();
            StringBuilder cell = new StringBuilder();
            for (int d = 0; d < 2; d++) {
                double x = a.ms(d, 99) / b.ms(d, 99);
                pass &= !Double.isNaN(x) && x <= BASELINE_RATIO_TARGET;
                cell.append(String.format("%s%s: %s ms vs %s ms (%s)", d == 0 ? "" : "; ", Load.DIRECTIONS[d],
                        ms(a.ms(d, 99)), ms(b.ms(d, 99)), ratio(a.ms(d, 99), b.ms(d, 99))));
            }
            r.append(cell).append(String.format(", loss %,d | %s |\n", a.loss(), verdict(pass)));
        } else {
            r.append(notRun(h2, h2 == null ? notH2 : String.format("not measured (%,d msg/s not among --rates)",
                    BASELINE_RATIO_RATE)));
        }

        r.append(String.format("| H2, one node: p99 ≤ %.0f ms at %,d msg/s (both directions, no loss) | ", P99_TARGET_MS,
                P99_TARGET_RATE));
        Optional<Result> ours5k = h2 == null ? Optional.empty() : h2.fixed(P99_TARGET_RATE);
        if (ours5k.isPresent()) {
            Result a = ours5k.get();
            double p99 = a.worstMs(99);
            r.append(String.format("p99 %s ms (customer→agent %s, agent→customer %s), loss %,d | %s |\n", ms(p99),
                    ms(a.ms(0, 99)), ms(a.ms(1, 99)), a.loss(),
                    verdict(!Double.isNaN(p99) && p99 <= P99_TARGET_MS && a.zeroLoss())));
        } else {
            r.append(notRun(h2, h2 == null ? notH2 : String.format("not measured (%,d msg/s not among --rates)",
                    P99_TARGET_RATE)));
        }

        Scenario pg = scenario("postgres", 1).orElse(null);
        r.append(String.format("| PostgreSQL, one node: ≥ %,d msg/s sustained with zero loss | ", PG_SUSTAINED_TARGET));
        r.append(pg == null || !pg.searched() ? notRun(pg, pg == null ? "not measured (no PostgreSQL configuration in "
                + "this run: use `--all` or `--db postgres`)" : "not measured (--skip-search)")
                : sustainedCell(pg, PG_SUSTAINED_TARGET));

        Scenario two = scenarios.stream().filter(s -> s.postgres() && s.nodes > 1).findFirst().orElse(null);
        r.append("| PostgreSQL, two nodes: the figures (no threshold) | ");
        if (two == null || two.fixed.isEmpty() && !two.searched()) {
            r.append(notRun(two, "not measured (use `--all` or `--db postgres --nodes 2`)"));
        } else {
            List<String> parts = new ArrayList<>();
            if (two.searched()) {
                Integer best = two.best();
                parts.add("highest zero-loss step " + (best == null ? "none" : String.format("%,d msg/s", best)));
            }
            for (Result x : two.fixed.stream().filter(x -> x.target().equals(two.target())).toList()) {
                parts.add(String.format("at %,d msg/s p99 %s ms, loss %,d", x.rate(), ms(x.worstMs(99)), x.loss()));
            }
            r.append(String.join("; ", parts)).append(" (see *").append(two.label()).append("*) | reported |\n");
        }

        r.append(String.format("| ≤ %.0f KiB heap per idle open session | ", IDLE_TARGET_KIB));
        if (memory != null && memory.opened() > 0) {
            double kib = memory.perSessionLiveBytes() / 1024;
            r.append(String.format("%.1f KiB (live heap after full GC, %,d sessions%s, %s) | %s |\n", kib,
                    memory.opened(), memory.opened() < memory.requested() ? String.format(" of %,d asked",
                            memory.requested()) : "", memoryScenario, verdict(kib <= IDLE_TARGET_KIB)));
        } else {
            r.append("not measured | – |\n");
        }
        r.append(String.format("| plugin start ≤ %,.0f ms | ", START_TARGET_MS));
        if (!scenarios.isEmpty() && !scenarios.get(0).starts.isEmpty()) {
            Start s = scenarios.get(0).starts.get(0);
            r.append(String.format("%,d ms (its log line, %d migrations on an empty %s database); process start → "
                    + "/health STARTED %,.0f ms | %s |\n", s.readyInMs(), s.migrations(),
                    scenarios.get(0).postgres() ? "PostgreSQL" : "H2", s.healthMs(),
                    verdict(s.readyInMs() <= START_TARGET_MS)));
        } else {
            r.append("not measured | – |\n");
        }
        r.append('\n');
    }

    private static String sustainedCell(Scenario s, int target) {
        Integer best = s.best();
        return (best == null ? "none of the steps" : String.format("%,d msg/s%s", best,
                Boolean.TRUE.equals(s.searchExhausted.get(s.target())) ? " (the highest step tried)" : ""))
                + " | " + verdict(best != null && best >= target) + " |\n";
    }

    /** How a configuration's database and nodes were set up, and for several nodes what the cores allow. */
    private void describe(StringBuilder r, Scenario s) {
        r.append("Database: ").append(s.database).append(".");
        if (s.nodes > 1) {
            r.append(String.format(" %d host-stub processes (`HOST_NODE_ID` node-1 … node-%d, each its own port and "
                    + "`HOST_DATA_DIR`, the same `HOST_DB_URL`, `HOST_ADMIN_TOKEN` and `HOST_AGENTS`). Agent *j* works "
                    + "on node *j mod %d* (status and event stream there); each chat's customer opens the session, "
                    + "its event stream and posts on another node than the agent who accepts it, who posts on its "
                    + "own: so every message is written on one node and must reach the other node's stream, and "
                    + "the posts alternate between the nodes. Latency and loss are measured as for one node; the "
                    + "server CPU is the nodes' CPU summed.", s.nodes, s.nodes, s.nodes));
            int cores = Runtime.getRuntime().availableProcessors();
            r.append(String.format(" **What %d cores allow:** the %d host JVMs, PostgreSQL and this load generator "
                    + "all share the machine's %d cores, so a second node adds no CPU here, only work: the "
                    + "cross-node path (the LISTEN/NOTIFY doorbell, then a catch-up read by sequence) for every "
                    + "message. These figures show what that path costs on one small machine, not how the "
                    + "cluster scales; with a machine per node (and one for PostgreSQL) each would have its own "
                    + "cores.", cores, s.nodes, cores));
            Integer best = s.best();
            Optional<Result> at = best == null ? Optional.empty()
                    : s.search.get(s.target()).stream().filter(x -> x.rate() == best).findFirst();
            if (at.isPresent()) {
                Result x = at.get();
                r.append(String.format(" At its highest passing step (%,d msg/s) the nodes used %.2f cores together, "
                        + "PostgreSQL %s and the load generator %.2f, of %d.", best, x.serverCores(),
                        Double.isNaN(x.databaseCores()) ? "(not measured: an existing server)"
                                : String.format("%.2f", x.databaseCores()), x.benchCores(), cores));
            }
        }
        r.append("\n\n");
    }

    /** A configuration's fixed-rate table and its ratios to the baseline. */
    private void fixedTables(StringBuilder r, Scenario s) {
        r.append(TABLE_HEAD);
        for (Result x : s.fixed) {
            rows(r, x);
        }
        r.append('\n');
        r.append("Ours as a multiple of the baseline (lower is better):\n\n");
        r.append("| rate (msg/s) | direction | p50 | p99 | p99.9 | server CPU |\n|---|---|---|---|---|---|\n");
        for (int rate : o.rates) {
            Optional<Result> a = s.fixed(rate);
            Optional<Result> b = baselineAt(rate);
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            for (int d = 0; d < 2; d++) {
                r.append(String.format("| %,d | %s | %s | %s | %s | %s |\n", rate, Load.DIRECTIONS[d],
                        ratio(a.get().ms(d, 50), b.get().ms(d, 50)), ratio(a.get().ms(d, 99), b.get().ms(d, 99)),
                        ratio(a.get().ms(d, 99.9), b.get().ms(d, 99.9)),
                        ratio(a.get().serverCores(), b.get().serverCores())));
            }
        }
        r.append('\n');
    }

    private String render() {
        StringBuilder r = new StringBuilder();
        r.append("# Benchmarks\n\n");
        r.append("Produced by this command, from the project's root:\n\n```sh\n").append(command()).append("\n```\n\n");
        r.append("Run on ").append(began.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(String.format(", %d min %02d s in all", took.toMinutes(), took.toSecondsPart()))
                .append(o.quick ? " (**--quick**: a smoke run with short phases, not figures to rely on)" : "")
                .append(". The host-stub, the baseline and this load generator each run as their own process on the "
                        + "same machine, all traffic on 127.0.0.1.");
        if (scenarios.size() > 1) {
            r.append(" The configurations ran one after the other, each on fresh host processes and a fresh "
                    + "database: ");
            r.append(String.join(", then ", scenarios.stream().map(Scenario::label).toList()));
            r.append("; the baseline ran once, in the first, and every configuration is compared with it.");
        }
        r.append("\n\n");
        for (String n : notes) {
            r.append("> ").append(n).append("\n\n");
        }

        r.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> r.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        r.append("| Load average at the end | ").append(Machine.loadAverage()).append(" |\n");
        r.append("| Server JVMs | `java -Xmx").append(o.heap).append("`, default collector (G1) |\n");
        for (Scenario s : scenarios) {
            r.append("| Database, ").append(s.label()).append(" | ").append(s.database).append(" |\n");
        }
        r.append('\n');

        targets(r);

        r.append("## Plugin start\n\n");
        r.append("`ready in` is the plugin's own log line (`chat-website started: N migration(s) applied, ready in "
                + "X ms`: Flyway migrations and the scheduler; open chats are routed again afterwards, in the "
                + "background). `health` is from starting the "
                + "`java -jar host-stub.jar` process to `/health` listing `chat-website` as `STARTED` (JVM start, "
                + "host database, Jetty, PF4J, the plugin).\n\n");
        r.append("| start | migrations | ready in (log) | process → health STARTED |\n|---|---|---|---|\n");
        for (Scenario sc : scenarios) {
            for (Start s : sc.starts) {
                r.append(String.format("| %s: %s | %d | %,d ms | %,.0f ms |\n", sc.label(), s.label(), s.migrations(),
                        s.readyInMs(), s.healthMs()));
            }
        }
        if (!Double.isNaN(baselineStartMs)) {
            r.append(String.format("| baseline relay (for scale) | – | – | %,.0f ms to /health |\n", baselineStartMs));
        }
        r.append('\n');

        Scenario main = scenarios.isEmpty() ? new Scenario(o.db, o.nodes) : scenarios.get(0);
        r.append("## Latency and loss at fixed offered rates\n\n");
        r.append(String.format("%s. %,d chats, each with a customer event stream; on ours %d agents (capacity %d) hold "
                        + "them, each with its agent event stream. Messages alternate customer→agent and "
                        + "agent→customer, so each direction gets half the rate. Open-loop schedule: one pacing "
                        + "thread queues each message at its time, %d keep-alive HTTP/1.1 connections per node post "
                        + "them (a message waits in the queue while all are busy); latency is from the message's "
                        + "*scheduled* send time to its arrival on the other side's stream, so a late sender "
                        + "counts against the server. %d s warm-up (not in the percentiles) + %d s measured, after an "
                        + "unmeasured JIT warm-up at the lowest rate (%d s for ours, whose C2 compiler alone needs "
                        + "about 25 s of CPU; at most 20 s for the baseline). Ours keeps every message in its "
                        + "database, so the `stored before` column gives the messages it held when each run began. "
                        + "Loss = "
                        + "messages offered (warm-up included) − received within %d s after the last send.\n\n",
                main.label(), o.chats, o.agents, o.agentCapacity, o.connections, o.warmupSeconds, o.durationSeconds,
                o.jitWarmupSeconds, o.drainSeconds));
        describe(r, main);
        fixedTables(r, main);
        List<String> errs = new ArrayList<>();
        List<Result> all = new ArrayList<>();
        for (Scenario sc : scenarios) {
            all.addAll(sc.fixed);
            sc.search.values().forEach(all::addAll);
        }
        for (Result x : all) {
            if (x.streamsEnded() > 0) {
                errs.add(String.format("%s at %,d msg/s: the server closed %,d event stream(s) during the run "
                        + "(not reopened: later runs of this target lose those chats' messages)", x.target(), x.rate(),
                        x.streamsEnded()));
            }
            if (!x.errorSamples().isEmpty() || x.skipped() > 0) {
                errs.add(String.format("%s at %,d msg/s: %,d errors, %,d not queued (10 s of messages were "
                        + "waiting already); first errors: %s", x.target(), x.rate(), x.errors(), x.skipped(),
                        x.errorSamples()));
            }
        }
        if (!errs.isEmpty()) {
            r.append("Errors and unsent messages, in any run of any configuration (\"dropped\": still queued in the "
                    + "load generator when the run's drain time ended):\n\n");
        }
        for (String e : errs) {
            r.append("- ").append(e.replace("|", "/")).append('\n');
        }
        if (!errs.isEmpty()) {
            r.append('\n');
        }
        r.append("Sender lag (how late the load generator itself dispatched, p99 / max):");
        for (Scenario sc : scenarios) {
            for (Result x : sc.fixed) {
                r.append(String.format(" %s@%,d %s/%s ms;", x.target(), x.rate(),
                        ms(x.senderLag().getValueAtPercentile(99) / 1000.0), ms(x.senderLag().getMaxValue() / 1000.0)));
            }
        }
        r.append("\n\n");

        r.append("## Highest sustained rate with zero loss\n\n");
        if (o.skipSearch) {
            r.append("Not run (--skip-search).\n\n");
        } else {
            r.append(String.format("Steps of %d s warm-up + %d s each, in order, until a step loses a message, has "
                    + "an error, or has a p99 over %,.0f ms in either direction.\n\n", o.stepWarmupSeconds,
                    o.stepSeconds, SEARCH_P99_LIMIT_MS));
            r.append("| target | highest passing step |\n|---|---|\n");
            for (Scenario sc : scenarios) {
                for (String t : sc.search.keySet()) {
                    Integer best = sc.sustained.get(t);
                    r.append("| ").append(t).append(" | ").append(best == null ? "none"
                            : String.format("%,d msg/s", best)).append(Boolean.TRUE.equals(sc.searchExhausted.get(t))
                            ? " (all steps passed; the real limit is higher)" : "").append(" |\n");
                }
            }
            r.append('\n').append(TABLE_HEAD);
            for (Scenario sc : scenarios) {
                for (List<Result> l : sc.search.values()) {
                    for (Result x : l) {
                        rows(r, x);
                    }
                }
            }
            r.append('\n');
        }

        for (Scenario sc : scenarios.subList(Math.min(1, scenarios.size()), scenarios.size())) {
            r.append("## ").append(sc.label()).append("\n\n");
            if (sc.failure != null) {
                r.append("Stopped early: ").append(sc.failure).append("\n\n");
            }
            r.append(String.format("The same load as above (%,d chats, %d agents, the same rates and steps) on fresh "
                    + "host processes, after its own unmeasured JIT warm-up; the baseline's figures are those "
                    + "above. Its steps are in the search table above, its starts in *Plugin start*.\n\n", o.chats,
                    o.agents));
            describe(r, sc);
            fixedTables(r, sc);
        }

        r.append("## Memory per idle open session\n\n");
        if (memory == null) {
            r.append("Not run").append(o.skipMemory ? " (--skip-memory)" : scenarios.isEmpty()
                    || scenarios.get(0).nodes == 1 ? "" : " (it runs in the first configuration, when that has one "
                    + "node)").append(".\n\n");
        } else {
            Memory m = memory;
            r.append(String.format("On the restarted host (" + memoryScenario.replace("%", "%%") + "): a website with `maxConcurrentSessions` %,d, one agent "
                    + "available (so each session is offered and stays *waiting*, never Unmanaged), %d warm-up "
                    + "sessions, then the live heap (`jcmd <pid> GC.class_histogram`, which runs a full GC first) "
                    + "before and after opening %,d sessions (POST …/sessions) each with its customer event "
                    + "stream open and idle.\n\n", Math.min(100_000, Math.max(20_000, m.requested() + 1_000)),
                    Math.min(200, m.requested()), m.requested()));
            r.append("| | |\n|---|---|\n");
            r.append(String.format("| sessions opened | %,d of %,d (in %.1f s, %.0f/s) |\n", m.opened(), m.requested(),
                    m.openSeconds(), m.opened() / m.openSeconds()));
            r.append(String.format("| idle streams still open when measured | %,d |\n", m.streamsOpenAtEnd()));
            r.append(String.format("| live heap before → after | %.1f MiB → %.1f MiB |\n",
                    m.before().liveBytes() / 1048576.0, m.after().liveBytes() / 1048576.0));
            r.append(String.format("| **live heap per session** | **%s** |\n", kib(m.perSessionLiveBytes())));
            r.append(String.format("| heap in use (GC.heap_info, read just after) per session | %s |\n",
                    kib(m.perSessionUsedBytes())));
            if (m.rssBefore() > 0 && m.rssAfter() > 0 && m.opened() > 0) {
                r.append(String.format("| process resident memory (VmRSS) before → after, per session | %.0f MiB → "
                        + "%.0f MiB, %s (heap the JVM grew into, thread stacks, direct buffers; for scale) |\n",
                        m.rssBefore() / 1048576.0, m.rssAfter() / 1048576.0,
                        kib((m.rssAfter() - m.rssBefore()) / (double) m.opened())));
            }
            if (!m.failures().isEmpty()) {
                r.append("| failures | ").append(String.join("; ", m.failures()).replace("|", "/")).append(" |\n");
            }
            r.append("\nWhat grew (classes with the most added bytes):\n\n| class | instances | bytes | per session "
                    + "|\n|---|---|---|---|\n");
            m.growth().forEach((k, v) -> r.append(String.format("| `%s` | %,d | %,d | %.0f B |\n", k, v[0], v[1],
                    m.opened() == 0 ? 0.0 : v[1] / (double) m.opened())));
            r.append('\n');
        }

        r.append("## widget.js\n\n");
        if (widgetRaw >= 0) {
            r.append(String.format("`chat-plugin/src/main/resources/widget/widget.js`: %,d bytes raw, %,d bytes gzipped "
                    + "(%.1f KiB / %.1f KiB).\n\n", widgetRaw, widgetGzip, widgetRaw / 1024.0, widgetGzip / 1024.0));
        }

        if (profiled != null) {
            r.append("## Where the host's time goes\n\n");
            r.append(String.format("A last run of ours at %,d msg/s (its highest sustained step, else the lowest fixed "
                    + "rate), %d s warm-up + %d s, with a JFR recording (CPU samples every 10 ms and GC pauses "
                    + "only) started as it began. Starting JFR in the running host disturbs it for about half a "
                    + "minute on this machine (even with these minimal settings), so this run's own figures are "
                    + "not in the tables above and only the *distribution* of the samples below is meant: %s. The "
                    + "recording is `bench/target/bench-run-*/logs/host-profile.jfr`.\n\n",
                    profiled.rate(), profiled.warmupSeconds(), profiled.seconds(), summary(profiled).strip()));
            r.append("```\n");
            profile.forEach(l -> r.append(l).append('\n'));
            r.append("```\n\n");
        }

        r.append("## Method and caveats\n\n");
        r.append("- The baseline is a bare Jetty 12 server (`bench/src/main/java/com/chatwebsite/bench/BaselineServer."
                + "java`) with the host-stub's thread pool and stream writer, relaying the same JSON between two "
                + "event streams per chat (and echoing it on the sender's stream, as the product does), with no "
                + "plugin, database, authentication or origin check. Ratios show what the product's work costs "
                + "over moving the bytes.\n");
        r.append("- All three processes share the machine's cores, so the load generator's own CPU (the `bench CPU` "
                + "column) competes with the server under test; the same holds for the baseline.\n");
        r.append("- Without `--db-url`, PostgreSQL is a throwaway server the bench starts for the run from the machine's "
                + "own binaries (`initdb` with default settings, so `fsync` and `synchronous_commit` are on; it "
                + "listens on 127.0.0.1 only, on a free port; as the `postgres` user when the bench runs as root), "
                + "with a fresh database per configuration; it is stopped and deleted at the end and its log kept "
                + "as `logs/postgres.log`. Its CPU (the postmaster and its backends) is shown beside the server's.\n");
        r.append("- Percentiles come from HdrHistogram (3 significant digits) of microsecond latencies.\n");
        r.append("- The logs of the run (the servers' output and GC logs, the JFR recording) are kept under "
                + "`bench/target/bench-run-*/logs`.\n");
        return r.toString();
    }

    private static final String TABLE_HEAD = "| target | rate (msg/s) | direction | stored before | offered | received "
            + "| loss | errors | p50 ms | p99 ms | p99.9 ms | max ms | server CPU, GC in the measured part | bench CPU |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    private static String gc(double[] g) {
        if (g == null || g[0] < 0) {
            return "";
        }
        return g[0] == 0 ? ", no GC pause" : String.format(", %.0f GC pause%s (max %.0f ms)", g[0], g[0] == 1 ? "" : "s",
                g[2]);
    }

    private static void rows(StringBuilder r, Result x) {
        for (int d = 0; d < 2; d++) {
            long offered = x.offered() / 2 + (d == 0 ? x.offered() % 2 : 0);
            long lost = offered - x.received()[d];
            r.append(String.format("| %s | %,d | %s | %s | %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                    x.target(), x.rate(), Load.DIRECTIONS[d],
                    d == 1 ? "″" : !x.target().equals("baseline") ? String.format("%,d", x.storedBefore()) : "–",
                    offered, x.received()[d], lost == 0 ? "0" : String.format("%,d (%d chats)", lost,
                            x.chatsWithLoss()[d]),
                    d == 0 ? String.format("%,d", x.errors() + x.skipped()) : "″",
                    ms(x.ms(d, 50)), ms(x.ms(d, 99)), ms(x.ms(d, 99.9)), ms(x.maxMs(d)),
                    d == 0 ? String.format("%.2f cores", x.serverCores()) + gc(x.serverGc())
                            + (Double.isNaN(x.databaseCores()) ? "" : String.format("; PostgreSQL %.2f cores",
                                    x.databaseCores())) : "″",
                    d == 0 ? String.format("%.2f cores", x.benchCores()) : "″"));
        }
    }
}
