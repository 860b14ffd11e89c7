package com.chatwebsite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server the bench starts as its own process, with its output in a log file. */
final class Child implements AutoCloseable {

    private static final List<Child> RUNNING = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Child c : RUNNING) {
                c.close();
            }
        }, "bench-stop-children"));
    }

    final String name;
    final Process process;
    final Path log;
    final long startedNanos;

    private Child(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static Child start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(workDir.toFile());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        Child c = new Child(name, p, log, t0);
        RUNNING.add(c);
        return c;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Waits for a line of the output matching a pattern.
     *
     * @return the match, or empty after the timeout or when the process ended
     */
    Optional<Matcher> awaitOutput(Pattern pattern, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return Optional.of(m);
            }
            if (!process.isAlive()) {
                Matcher last = pattern.matcher(output());
                return last.find() ? Optional.of(last) : Optional.empty();
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    /** The last lines of the output, for error messages. */
    String tail(int lines) {
        String[] all = output().split("\n");
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            out.add(all[i]);
        }
        return String.join("\n", out);
    }

    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+[.,]\\d+)s\\].*Pause.* (\\d+[.,]\\d+)ms$",
            Pattern.MULTILINE);

    /**
     * The GC pauses the process logged ({@code -Xlog:gc:file=<name>-gc.log} beside its log) between
     * two {@link System#nanoTime} instants of this process.
     *
     * @return {count, total ms, max ms}
     */
    double[] gcPauses(long fromNanos, long toNanos) {
        Path gc = log.resolveSibling(name + "-gc.log");
        double from = (fromNanos - startedNanos) / 1e9;
        double to = (toNanos - startedNanos) / 1e9;
        double[] out = new double[3];
        try {
            Matcher m = PAUSE.matcher(Files.readString(gc, StandardCharsets.UTF_8));
            while (m.find()) {
                double at = Double.parseDouble(m.group(1).replace(',', '.'));
                if (at >= from && at <= to) {
                    double ms = Double.parseDouble(m.group(2).replace(',', '.'));
                    out[0]++;
                    out[1] += ms;
                    out[2] = Math.max(out[2], ms);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, 0, 0};
        }
        return out;
    }

    /** The JVM option that logs GC pauses where {@link #gcPauses} reads them. */
    static String gcLogOption(Path log, String name) {
        return "-Xlog:gc:file=" + log.resolveSibling(name + "-gc.log").toAbsolutePath();
    }

    /** CPU time (user + system) the process used so far, in seconds; -1 when unknown. */
    double cpuSeconds() {
        return cpuSeconds(pid());
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops the process: SIGTERM, then after 10 s SIGKILL. Idempotent. */
    @Override
    public void close() {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
