package com.chatwebsite.host.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's H2 database keeps every commit that returned when its process is killed (SIGKILL):
 * a child JVM commits through {@link Database} and reports each commit, the test kills it mid-stream
 * and finds every reported row. With H2's default write delay this loses the last commits.
 */
class H2KillTest {

    private static final int KILL_AFTER = 300;

    @TempDir
    Path dir;

    @Test
    void everyReportedCommitSurvivesAKill() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long reported = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                reported = Long.parseLong(line);
                if (reported == KILL_AFTER) {
                    // through the handle: Process.destroyForcibly would also close the pipe unread
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(reported >= KILL_AFTER, "the child committed before it was killed: " + reported);

        try (Database db = Database.open(Optional.empty(), dir); Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM kill_probe WHERE id <= ?")) {
            s.setLong(1, reported);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(reported, rs.getLong(1), "reported commits present after the kill");
            }
        }
    }

    /** The child: commits one row per transaction and prints its id after the commit returned. */
    public static final class Child {

        private Child() {
        }

        public static void main(String[] args) throws SQLException {
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
            try (Database db = Database.open(Optional.empty(), Path.of(args[0]));
                    Connection c = db.dataSource().getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE kill_probe (id BIGINT PRIMARY KEY, note VARCHAR(100))");
                }
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO kill_probe VALUES (?, ?)")) {
                    for (long id = 1; ; id++) {
                        insert.setLong(1, id);
                        insert.setString(2, "commit " + id);
                        insert.executeUpdate();
                        c.commit();
                        out.println(id);
                        out.flush();
                    }
                }
            }
        }
    }
}
