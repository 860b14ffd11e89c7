package com.chatwebsite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server for one bench run, from the machine's own PostgreSQL binaries
 * ({@code initdb}, {@code pg_ctl}, {@code createdb}): a fresh cluster under the run's folder, default
 * settings (fsync on) except that it listens on 127.0.0.1 only, on a free port, without a Unix
 * socket, with a random password. PostgreSQL refuses to run as root, so when the bench runs as root
 * the server runs as the system user {@code postgres} ({@code runuser -u postgres}).
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "bench";
    static final String OS_USER = "postgres";

    final Path bin;
    final Path home;
    final Path data;
    final int port;
    final String password;
    private final Path keepLog;
    private final boolean asRoot;
    private volatile boolean running;
    private final Thread hook;

    private LocalPostgres(Path bin, Path home, int port, String password, Path keepLog, boolean asRoot) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.password = password;
        this.keepLog = keepLog;
        this.asRoot = asRoot;
        this.hook = new Thread(this::close, "bench-stop-postgres");
    }

    /**
     * Creates and starts the server.
     *
     * @param binDir the folder of {@code initdb} and {@code pg_ctl}, or null to look for them
     * @param home an absent folder for the cluster (under the run's folder)
     * @param port a free port
     * @param keepLog where the server's log is copied when it stops
     */
    static LocalPostgres start(Path binDir, Path home, int port, Path keepLog) throws IOException,
            InterruptedException {
        Path bin = binDir != null ? binDir : findBin().orElseThrow(() -> new IOException("no PostgreSQL binaries "
                + "(initdb, pg_ctl) found in /usr/lib/postgresql/*/bin, by pg_config or on the PATH: install them "
                + "(Debian: apt-get install -y postgresql) or give --pg-bin DIR, or use --db-url"));
        for (String tool : List.of("initdb", "pg_ctl", "createdb")) {
            if (!Files.isExecutable(bin.resolve(tool))) {
                throw new IOException("no executable " + bin.resolve(tool));
            }
        }
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        LocalPostgres pg = new LocalPostgres(bin, home, port, HexFormat.of().formatHex(b), keepLog, asRoot);
        pg.create();
        Runtime.getRuntime().addShutdownHook(pg.hook);
        pg.running = true;
        pg.run("pg_ctl", "-D", pg.data.toString(), "-l", home.resolve("postgres.log").toString(), "-w", "-t", "120",
                "start");
        return pg;
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin}, else {@code pg_config --bindir}, else the PATH's. */
    static Optional<Path> findBin() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            List<Path> found = new ArrayList<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(debian)) {
                for (Path d : dirs) {
                    if (Files.isExecutable(d.resolve("bin/initdb")) && d.getFileName().toString().matches("\\d+")) {
                        found.add(d.resolve("bin"));
                    }
                }
            } catch (IOException e) {
                // look elsewhere
            }
            Optional<Path> newest = found.stream().max(Comparator.comparingInt(
                    p -> Integer.parseInt(p.getParent().getFileName().toString())));
            if (newest.isPresent()) {
                return newest;
            }
        }
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
                return Optional.of(Path.of(out));
            }
        } catch (IOException | InterruptedException e) {
            // look on the PATH
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir,
                    "pg_ctl"))) {
                return Optional.of(Path.of(dir).toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private void create() throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path pw = home.resolve("password");
        Files.writeString(pw, password + "\n", StandardCharsets.UTF_8);
        if (asRoot) {
            UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(home, PosixFileAttributeView.class);
            try {
                view.setOwner(users.lookupPrincipalByName(OS_USER));
                Files.getFileAttributeView(pw, PosixFileAttributeView.class)
                        .setOwner(users.lookupPrincipalByName(OS_USER));
            } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
                throw new IOException("the bench runs as root, and PostgreSQL refuses root: it runs the server as the "
                        + "system user '" + OS_USER + "', which does not exist (Debian's postgresql package creates "
                        + "it); or run the bench as another user");
            }
        }
        run("initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + pw, "-A", "scram-sha-256", "-E", "UTF8",
                "--no-locale");
        Files.deleteIfExists(pw);
        // Defaults, except where and how it listens.
        String conf = "\n# bench\nport = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n";
        Files.writeString(data.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Creates an empty database; answers its JDBC URL. */
    String createDatabase(String name) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", USER, name);
        pb.environment().put("PGPASSWORD", password);
        await(pb, "createdb " + name);
        return jdbcUrl(name);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The server's version line, for the report. */
    String version() {
        try {
            Process p = new ProcessBuilder(bin.resolve("pg_ctl").toString(), "--version").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.replace("pg_ctl (PostgreSQL) ", "PostgreSQL ");
        } catch (IOException | InterruptedException e) {
            return "PostgreSQL";
        }
    }

    /**
     * CPU time (user + system) of the server so far, in seconds: the postmaster, its live backends
     * and the children it already reaped; -1 when unknown.
     */
    double cpuSeconds() {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double total = (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // cutime, cstime
            for (String child : Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/children")).trim()
                    .split(" ")) {
                if (!child.isEmpty()) {
                    double c = Child.cpuSeconds(Long.parseLong(child));
                    total += Math.max(0, c);
                }
            }
            return total + Child.cpuSeconds(pid);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops the server (fast shutdown), keeps its log and deletes the cluster. Idempotent. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
        try {
            run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        } catch (IOException | InterruptedException e) {
            System.err.println("bench: stopping PostgreSQL: " + e);
        }
        try {
            Files.copy(home.resolve("postgres.log"), keepLog, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // no log to keep
        }
        BenchMain.deleteQuietly(home);
    }

    /** Runs a tool of {@link #bin} as the server's user. */
    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.remove("PGDATA");
        env.put("LC_ALL", "C");
        await(pb, tool);
    }

    private static void await(ProcessBuilder pb, String what) throws IOException, InterruptedException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(what + " did not finish in 180 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " failed (exit " + p.exitValue() + "): "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
    }
}
