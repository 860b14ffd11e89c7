package com.chatwebsite.host.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A measuring program, not a test: commits rows to an H2 file in a child JVM, kills the child with
 * {@link ProcessHandle#destroyForcibly()} (SIGKILL) mid-stream, reopens the file and counts the commits the
 * child had reported that are missing. Run from host-stub after {@code mvn test-compile}:
 *
 * <pre>java -cp target/test-classes:$(cat cp.txt) com.chatwebsite.host.db.H2DurabilityProbe [runs] [millis]</pre>
 *
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class H2DurabilityProbe {

    private static final String BASE = ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    private H2DurabilityProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 3000;
        for (String settings : List.of("", ";WRITE_DELAY=0")) {
            for (int batch : new int[] {1, 100}) {
                long lost = 0;
                long lostRuns = 0;
                List<Long> rates = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long[] result = once(settings, batch, millis);
                    lost += result[0];
                    lostRuns += result[0] > 0 ? 1 : 0;
                    rates.add(result[1]);
                }
                System.out.printf("settings=%-16s rows/commit=%-3d runs=%d commits lost=%d (in %d runs) commits/s=%s%n",
                        settings.isEmpty() ? "(default)" : settings.substring(1), batch, runs, lost, lostRuns, rates);
            }
        }
    }

    /** Returns {commits lost, commits per second}. */
    private static long[] once(String settings, int batch, long millis) throws Exception {
        Path dir = Files.createTempDirectory("h2probe");
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + BASE + settings;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, payload VARCHAR(200))");
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), H2DurabilityProbe.class.getName(), "child", url,
                Integer.toString(batch)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long lastAcked = 0;
        long firstAt = 0;
        long lastAt = 0;
        long commits = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            long killAt = Long.MAX_VALUE;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                lastAcked = Long.parseLong(line);
                commits++;
                if (firstAt == 0) {
                    firstAt = now;
                    killAt = now + millis * 1_000_000;
                }
                lastAt = now;
                if (now >= killAt && child.isAlive()) {
                    // SIGKILL; through the handle, since Process.destroyForcibly also closes our end of the
                    // pipe and the commits still in it would go unread
                    child.toHandle().destroyForcibly();
                }
            }
        }
        child.waitFor();
        long present;
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM t WHERE id <= ?")) {
            s.setLong(1, lastAcked);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                present = rs.getLong(1);
            }
        }
        long lostCommits = (lastAcked - present) / batch;
        long rate = lastAt > firstAt ? commits * 1_000_000_000L / (lastAt - firstAt) : 0;
        return new long[] {lostCommits, rate};
    }

    private static void child(String url, int batch) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = c.prepareStatement("INSERT INTO t (id, payload) VALUES (?, ?)")) {
            c.setAutoCommit(false);
            long id = 0;
            while (true) {
                for (int i = 0; i < batch; i++) {
                    insert.setLong(1, ++id);
                    insert.setString(2, "row " + id + " of a commit of " + batch);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                out.println(id); // reported only after commit returned
                out.flush();
            }
        }
    }
}
