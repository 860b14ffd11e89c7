package com.chatwebsite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command line of {@link BenchMain}. */
final class Options {

    final List<String> raw;
    Path root;
    Path out;
    boolean quick;
    String db = "h2";
    String dbUrl;
    String dbUser = "";
    String dbPassword = "";
    Path pgBin;
    int nodes = 1;
    boolean all;
    String heap = "2g";
    int chats = 200;
    int agents = 20;
    int agentCapacity = 500;
    List<Integer> rates = List.of(1_000, 5_000);
    List<Integer> steps = List.of(1_000, 2_000, 5_000, 8_000, 10_000, 15_000, 20_000, 30_000, 40_000);
    int warmupSeconds = 5;
    int durationSeconds = 20;
    int stepWarmupSeconds = 3;
    int stepSeconds = 10;
    int drainSeconds = 10;
    int idleSessions = 10_000;
    int connections = 64;
    boolean skipSearch;
    boolean skipMemory;
    boolean profile = true;
    int jitWarmupSeconds = 45;

    private Options(List<String> raw) {
        this.raw = raw;
    }

    static final String USAGE = String.join("\n",
            "usage: java -jar bench/target/bench.jar [options]",
            "  --quick                   a smoke run: short phases, 1,000 idle sessions",
            "  --out FILE                also write the report there (default bench/target/benchmarks-<time>.md)",
            "  --root DIR                the project checkout (default: the current folder, or the jar's ../..)",
            "  --all                     H2 one node, then PostgreSQL one node, then two nodes; one report",
            "  --db h2|postgres          the host's database (default h2 in a fresh temporary folder)",
            "  --nodes N                 host-stub nodes on the one PostgreSQL database (default 1; needs --db postgres)",
            "  --db-url URL --db-user U --db-password P   an existing PostgreSQL for --db postgres (HOST_DB_*);",
            "                            without --db-url the bench starts a throwaway PostgreSQL server",
            "  --pg-bin DIR              the folder of initdb and pg_ctl (default /usr/lib/postgresql/<newest>/bin)",
            "  --heap SIZE               -Xmx of the host and of the baseline (default 2g)",
            "  --chats N                 concurrent chats of the load phases (default 200)",
            "  --agents N                agents (default 20), --agent-capacity N (default 500)",
            "  --rates R,R               fixed offered rates in messages/s (default 1000,5000)",
            "  --steps R,R,...           rates of the sustained-rate search (default 1000,2000,5000,8000,10000,...)",
            "  --warmup S --duration S   per fixed rate (default 5 and 20 s)",
            "  --step-warmup S --step-duration S   per search step (default 3 and 10 s)",
            "  --drain S                 wait after the last send for late messages (default 10 s)",
            "  --idle K                  idle sessions of the memory phase (default 10000)",
            "  --connections N           keep-alive connections the load is posted over, per target (default 64)",
            "  --jit-warmup S            unmeasured run at the lowest rate before the first (default 45 s; baseline <= 20 s)",
            "  --skip-search, --skip-memory, --no-profile (no JFR recordings)");

    static Options parse(String[] args) {
        Options o = new Options(List.of(args));
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean durationsGiven = false;
        boolean idleGiven = false;
        for (int i = 0; i < a.size(); i++) {
            String k = a.get(i);
            switch (k) {
                case "--quick" -> o.quick = true;
                case "--all" -> o.all = true;
                case "--skip-search" -> o.skipSearch = true;
                case "--skip-memory" -> o.skipMemory = true;
                case "--no-profile" -> o.profile = false;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> {
                    if (i + 1 >= a.size()) {
                        throw new IllegalArgumentException("unknown option or missing value: " + k);
                    }
                    String v = a.get(++i);
                    switch (k) {
                        case "--out" -> o.out = Path.of(v);
                        case "--root" -> o.root = Path.of(v);
                        case "--db" -> o.db = v;
                        case "--db-url" -> o.dbUrl = v;
                        case "--db-user" -> o.dbUser = v;
                        case "--db-password" -> o.dbPassword = v;
                        case "--pg-bin" -> o.pgBin = Path.of(v);
                        case "--nodes" -> o.nodes = positive(k, v);
                        case "--heap" -> o.heap = v;
                        case "--chats" -> o.chats = positive(k, v);
                        case "--agents" -> o.agents = positive(k, v);
                        case "--agent-capacity" -> o.agentCapacity = positive(k, v);
                        case "--rates" -> o.rates = list(k, v);
                        case "--steps" -> o.steps = list(k, v);
                        case "--warmup" -> {
                            o.warmupSeconds = nonNegative(k, v);
                            durationsGiven = true;
                        }
                        case "--duration" -> {
                            o.durationSeconds = positive(k, v);
                            durationsGiven = true;
                        }
                        case "--step-warmup" -> {
                            o.stepWarmupSeconds = nonNegative(k, v);
                            durationsGiven = true;
                        }
                        case "--step-duration" -> {
                            o.stepSeconds = positive(k, v);
                            durationsGiven = true;
                        }
                        case "--drain" -> o.drainSeconds = positive(k, v);
                        case "--jit-warmup" -> o.jitWarmupSeconds = nonNegative(k, v);
                        case "--idle" -> {
                            o.idleSessions = positive(k, v);
                            idleGiven = true;
                        }
                        case "--connections" -> o.connections = positive(k, v);
                        default -> throw new IllegalArgumentException("unknown option: " + k);
                    }
                }
            }
        }
        if (o.quick && !durationsGiven) {
            o.warmupSeconds = 1;
            o.durationSeconds = 4;
            o.stepWarmupSeconds = 1;
            o.stepSeconds = 3;
        }
        if (o.quick && !a.contains("--drain")) {
            o.drainSeconds = 3;
        }
        if (o.quick && !a.contains("--jit-warmup")) {
            o.jitWarmupSeconds = 5;
        }
        if (o.quick && !idleGiven) {
            o.idleSessions = 1_000;
        }
        if (!o.db.equals("h2") && !o.db.equals("postgres")) {
            throw new IllegalArgumentException("--db must be h2 or postgres");
        }
        if (o.dbUrl != null && o.dbUrl.isBlank()) {
            o.dbUrl = null;
        }
        if (o.all && (a.contains("--db") || a.contains("--nodes") || o.dbUrl != null)) {
            throw new IllegalArgumentException("--all chooses the databases and nodes itself (and starts its own "
                    + "PostgreSQL): leave out --db, --nodes and --db-url");
        }
        if (o.nodes > 1 && !o.db.equals("postgres")) {
            throw new IllegalArgumentException("--nodes " + o.nodes + " needs --db postgres (nodes share one "
                    + "PostgreSQL database)");
        }
        if (o.dbUrl != null && !o.db.equals("postgres")) {
            throw new IllegalArgumentException("--db-url is for --db postgres");
        }
        return o;
    }

    /** The configurations to run, in order: {database, nodes}. */
    List<Scenario> scenarios() {
        if (all) {
            return List.of(new Scenario("h2", 1), new Scenario("postgres", 1), new Scenario("postgres", 2));
        }
        return List.of(new Scenario(db, nodes));
    }

    /** The existing PostgreSQL server's URL, when one was given. */
    Optional<String> dbUrl() {
        return Optional.ofNullable(dbUrl);
    }

    private static int positive(String k, String v) {
        int n = nonNegative(k, v);
        if (n < 1) {
            throw new IllegalArgumentException(k + " must be at least 1");
        }
        return n;
    }

    private static int nonNegative(String k, String v) {
        try {
            int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(k + " must be a whole number, got " + v);
        }
    }

    private static List<Integer> list(String k, String v) {
        List<Integer> out = new ArrayList<>();
        for (String p : v.split(",")) {
            out.add(positive(k, p.trim()));
        }
        return List.copyOf(out);
    }
}
