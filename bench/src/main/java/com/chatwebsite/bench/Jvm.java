package com.chatwebsite.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks into a child JVM with {@code jcmd}: live heap after a full GC, a JFR profile. */
final class Jvm {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)", Pattern.MULTILINE);
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Jvm() {
    }

    /** The live objects after a full GC ({@code GC.class_histogram}) and the heap in use then. */
    record Heap(long liveBytes, long liveObjects, long usedBytes, Map<String, long[]> byClass) {
    }

    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jcmdPath());
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + text);
        }
        return text;
    }

    private static String jcmdPath() {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }

    static Heap heap(long pid) throws IOException, InterruptedException {
        String histogram = jcmd(pid, "GC.class_histogram"); // forces a full GC first
        Matcher t = TOTAL.matcher(histogram);
        if (!t.find()) {
            throw new IOException("no total in the class histogram: " + histogram.lines().limit(5).toList());
        }
        Map<String, long[]> byClass = new HashMap<>();
        Matcher r = ROW.matcher(histogram);
        while (r.find()) {
            byClass.merge(r.group(3), new long[] {Long.parseLong(r.group(1)), Long.parseLong(r.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        Matcher u = USED.matcher(jcmd(pid, "GC.heap_info"));
        long used = u.find() ? Long.parseLong(u.group(1)) * 1024 : -1;
        return new Heap(Long.parseLong(t.group(2)), Long.parseLong(t.group(1)), used, byClass);
    }

    /** The classes that grew most between two histograms: class → {instances, bytes}. */
    static Map<String, long[]> growth(Heap before, Heap after, int top) {
        Map<String, long[]> diff = new HashMap<>();
        after.byClass().forEach((k, v) -> {
            long[] b = before.byClass().getOrDefault(k, new long[2]);
            diff.put(k, new long[] {v[0] - b[0], v[1] - b[1]});
        });
        Map<String, long[]> out = new LinkedHashMap<>();
        diff.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(top)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * JFR settings with CPU samples and GC pauses only, the least a recording can disturb: no I/O or
     * exception events, which JFR implements by re-instrumenting JDK classes.
     */
    static final String SETTINGS = String.join("\n",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<configuration version=\"2.0\" label=\"bench\" description=\"CPU samples and GC pauses only\">",
            "  <event name=\"jdk.ExecutionSample\"><setting name=\"enabled\">true</setting>"
                    + "<setting name=\"period\">10 ms</setting></event>",
            "  <event name=\"jdk.GarbageCollection\"><setting name=\"enabled\">true</setting>"
                    + "<setting name=\"threshold\">0 ms</setting></event>",
            "  <event name=\"jdk.FileRead\"><setting name=\"enabled\">false</setting></event>",
            "  <event name=\"jdk.FileWrite\"><setting name=\"enabled\">false</setting></event>",
            "  <event name=\"jdk.FileForce\"><setting name=\"enabled\">false</setting></event>",
            "  <event name=\"jdk.SocketRead\"><setting name=\"enabled\">false</setting></event>",
            "  <event name=\"jdk.SocketWrite\"><setting name=\"enabled\">false</setting></event>",
            "  <event name=\"jdk.JavaErrorThrow\"><setting name=\"enabled\">false</setting></event>",
            "  <event name=\"jdk.JavaExceptionThrow\"><setting name=\"enabled\">false</setting></event>",
            "</configuration>", "");

    /** Starts a JFR recording ({@link #SETTINGS}, written next to the output file) in a child JVM. */
    static void startRecording(long pid, Path settingsFile) throws IOException, InterruptedException {
        Files.writeString(settingsFile, SETTINGS);
        jcmd(pid, "JFR.start", "name=bench", "settings=" + settingsFile.toAbsolutePath());
    }

    /** Stops the recording and writes it to a file. */
    static void stopRecording(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
    }

    /** The components code is attributed to: the topmost frame in one of these packages. */
    private static final String[][] COMPONENTS = {
        {"org.h2.", "H2 database"},
        {"org.postgresql.", "PostgreSQL driver"},
        {"com.zaxxer.", "connection pool"},
        {"com.fasterxml.jackson.", "Jackson JSON"},
        {"com.chatwebsite.plugin.", "plugin code"},
        {"com.chatwebsite.host.", "host-stub code"},
        {"com.chatwebsite.api.", "plugin-api"},
        {"org.eclipse.jetty.", "Jetty (HTTP, I/O)"},
        {"org.slf4j.", "logging"},
        {"org.pf4j.", "PF4J"},
    };

    /**
     * Summarises a JFR recording: CPU samples by component (the topmost frame in a known package;
     * JDK frames count for the code that called them), the hottest methods, and the GC pauses.
     *
     * @return report lines
     */
    static List<String> profileSummary(Path file, java.time.Instant from, java.time.Instant to) throws IOException {
        Map<String, Integer> byComponent = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byAppMethod = new HashMap<>();
        int samples = 0;
        int gcs = 0;
        double gcMillis = 0;
        double seconds = 0;
        java.time.Instant first = null;
        java.time.Instant last = null;
        try (jdk.jfr.consumer.RecordingFile rf = new jdk.jfr.consumer.RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                jdk.jfr.consumer.RecordedEvent e = rf.readEvent();
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                    continue;
                }
                String type = e.getEventType().getName();
                if (first == null || e.getStartTime().isBefore(first)) {
                    first = e.getStartTime();
                }
                if (last == null || e.getEndTime().isAfter(last)) {
                    last = e.getEndTime();
                }
                if (type.equals("jdk.GarbageCollection")) {
                    gcs++;
                    gcMillis += e.getDuration("sumOfPauses").toNanos() / 1e6;
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                List<jdk.jfr.consumer.RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                byMethod.merge(name(frames.get(0)), 1, Integer::sum);
                String component = "JDK / other";
                String appMethod = null;
                for (jdk.jfr.consumer.RecordedFrame f : frames) {
                    String cls = f.getMethod().getType().getName();
                    String found = null;
                    for (String[] c : COMPONENTS) {
                        if (cls.startsWith(c[0])) {
                            found = c[1];
                            break;
                        }
                    }
                    if (found != null) {
                        component = found;
                        if (cls.startsWith("com.chatwebsite.") || cls.startsWith("org.h2.")) {
                            appMethod = name(f);
                        }
                        break;
                    }
                }
                byComponent.merge(component, 1, Integer::sum);
                if (appMethod != null) {
                    byAppMethod.merge(appMethod, 1, Integer::sum);
                }
            }
        }
        if (first != null && last != null) {
            seconds = java.time.Duration.between(first, last).toMillis() / 1000.0;
        }
        List<String> out = new ArrayList<>();
        out.add(String.format("%,d CPU samples of Java code over %.1f s; %d GCs, %.0f ms of pauses", samples, seconds,
                gcs, gcMillis));
        out.add("");
        out.add("by component (topmost frame in a known package; JDK frames count for their caller):");
        top(out, byComponent, samples, 10);
        out.add("");
        out.add("hottest methods (top frame):");
        top(out, byMethod, samples, 10);
        out.add("");
        out.add("hottest product or H2 methods (topmost such frame):");
        top(out, byAppMethod, samples, 12);
        return out;
    }

    private static String name(jdk.jfr.consumer.RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void top(List<String> out, Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> out.add(String.format("  %5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, total),
                        e.getKey())));
    }
}
