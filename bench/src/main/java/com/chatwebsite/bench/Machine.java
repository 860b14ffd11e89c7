package com.chatwebsite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the benchmark ran on. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", read("/proc/cpuinfo").flatMap(s -> s.lines().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())).orElse("unknown"));
        m.put("Cores (available to the JVM)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("Memory", read("/proc/meminfo").flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> {
                    long kb = Long.parseLong(l.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                })).orElse("unknown"));
        String os = read("/etc/os-release").flatMap(s -> s.lines().filter(l -> l.startsWith("PRETTY_NAME="))
                .findFirst().map(l -> l.substring(l.indexOf('=') + 1).replace("\"", ""))).orElse(System.getProperty("os.name"));
        m.put("OS", os + ", kernel " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        m.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        m.put("Open files limit", read("/proc/self/limits").flatMap(s -> s.lines()
                .filter(l -> l.startsWith("Max open files")).findFirst()
                .map(l -> l.replaceAll("Max open files\\s+", "").replaceAll("\\s+", " ").strip())).orElse("unknown"));
        m.put("Load average at start", loadAverage());
        return m;
    }

    static String loadAverage() {
        return read("/proc/loadavg").map(s -> String.join(" ", java.util.Arrays.copyOf(s.strip().split(" "), 3)))
                .orElse("unknown");
    }

    static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
