package com.chatwebsite.host.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.pf4j.PluginDescriptor;
import org.pf4j.VersionManager;

/**
 * Reads the plugins folder before anything in it is loaded: which file is which plugin and
 * version, which of them this host can load, and, among several files of one plugin, which one
 * wins (the highest {@code plugin.version} by semantic versioning; the same version: the file
 * changed last). A file that cannot be loaded is refused with its reason, never loaded half-way,
 * and never stops the host.
 */
final class PluginFolder {

    /** Plugin ids become URL segments and file names. */
    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final Function<Path, PluginDescriptor> descriptors;
    private final VersionManager versions;
    private final String systemVersion;

    /**
     * The folder's reader.
     *
     * @param descriptors PF4J's descriptor finder (throws when there is no descriptor)
     * @param versions PF4J's semantic versions
     * @param systemVersion the plugin API version this host provides
     */
    PluginFolder(Function<Path, PluginDescriptor> descriptors, VersionManager versions, String systemVersion) {
        this.descriptors = descriptors;
        this.versions = versions;
        this.systemVersion = systemVersion;
    }

    /** The folder's files: the winner of each plugin id, and every file refused with its reason. */
    record Scan(Map<String, PluginJar> chosen, List<PluginJar> refused) {

        /** The file that would be loaded for a plugin id. */
        Optional<PluginJar> chosen(String id) {
            return Optional.ofNullable(chosen.get(id));
        }

        /** The refused files that name a plugin id. */
        List<PluginJar> refused(String id) {
            return refused.stream().filter(j -> j.id().filter(id::equals).isPresent()).toList();
        }
    }

    /**
     * Reads the files and picks one per plugin id.
     *
     * @param files the candidates (PF4J's repository lists them)
     * @return the winners and the refused
     */
    Scan scan(List<Path> files) {
        List<PluginJar> refused = new ArrayList<>();
        Map<String, List<PluginJar>> byId = new TreeMap<>();
        for (Path file : files) {
            PluginJar jar = read(file);
            if (jar.loadable()) {
                byId.computeIfAbsent(jar.id().orElseThrow(), id -> new ArrayList<>()).add(jar);
            } else {
                refused.add(jar);
            }
        }
        Map<String, PluginJar> chosen = new LinkedHashMap<>();
        for (Map.Entry<String, List<PluginJar>> e : byId.entrySet()) {
            List<PluginJar> jars = new ArrayList<>(e.getValue());
            jars.sort(newestFirst());
            PluginJar winner = jars.get(0);
            chosen.put(e.getKey(), winner);
            for (PluginJar other : jars.subList(1, jars.size())) {
                refused.add(other.refused("duplicate", duplicateReason(winner, other)));
            }
        }
        refused.sort(Comparator.comparing(PluginJar::fileName));
        return new Scan(chosen, refused);
    }

    private String duplicateReason(PluginJar winner, PluginJar other) {
        String id = winner.id().orElseThrow();
        if (compare(winner, other) == 0) {
            return "Plugin " + id + " " + other.version().orElseThrow() + " is also in " + winner.fileName()
                    + ", changed more recently; one jar of a plugin is loaded, the newest.";
        }
        return "Plugin " + id + " " + winner.version().orElseThrow() + " in " + winner.fileName()
                + " is newer; one jar of a plugin is loaded, the newest.";
    }

    /**
     * The highest version first; for the same version the file changed last, then by name.
     *
     * @return the order
     */
    Comparator<PluginJar> newestFirst() {
        return ((Comparator<PluginJar>) this::compare).reversed()
                .thenComparing(Comparator.comparingLong(PluginJar::modifiedMillis).reversed())
                .thenComparing(PluginJar::fileName);
    }

    /**
     * Compares two loadable jars' versions by semantic versioning.
     *
     * @param a one
     * @param b the other
     * @return negative, zero or positive
     */
    int compare(PluginJar a, PluginJar b) {
        return versions.compareVersions(a.version().orElseThrow(), b.version().orElseThrow());
    }

    /**
     * Reads one file: its descriptor, and whether this host can load it.
     *
     * @param file a jar or a plugin folder
     * @return what it is
     */
    PluginJar read(Path file) {
        long modified = 0;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            // stays 0
        }
        PluginJar none = new PluginJar(file, Optional.empty(), modified, Optional.empty());
        boolean archive = Files.isRegularFile(file);
        if (archive && !isZip(file)) {
            return none.refused("zip", "The file is not a jar (zip) file.");
        }
        PluginDescriptor descriptor;
        try {
            descriptor = descriptors.apply(file);
        } catch (RuntimeException | LinkageError e) {
            descriptor = null;
        }
        if (descriptor == null || blank(descriptor.getPluginId())) {
            return none.refused("descriptor", "The file has no plugin descriptor: plugin.properties (or the "
                    + "manifest) must give plugin.id, plugin.class and plugin.version.");
        }
        PluginJar jar = new PluginJar(file, Optional.of(descriptor), modified, Optional.empty());
        String id = descriptor.getPluginId();
        if (!SAFE_ID.matcher(id).matches()) {
            return jar.refused("id", "The plugin id may hold only letters, digits, '.', '_' and '-' (up to 64, "
                    + "starting with a letter or digit).");
        }
        String version = descriptor.getVersion();
        if (blank(version)) {
            return jar.refused("version", "The descriptor gives no plugin.version.");
        }
        if (!isVersion(version)) {
            return jar.refused("version", "plugin.version '" + version
                    + "' is not a semantic version such as 1.2.0.");
        }
        if (blank(descriptor.getPluginClass())) {
            return jar.refused("descriptor", "The descriptor gives no plugin.class.");
        }
        if (archive && !holdsClass(file, descriptor.getPluginClass())) {
            return jar.refused("descriptor", "plugin.class " + descriptor.getPluginClass() + " is not in the jar.");
        }
        return requiresProblem(descriptor.getRequires()).map(reason -> jar.refused("requires", reason)).orElse(jar);
    }

    /**
     * Why a {@code plugin.requires} rules the plugin out on this host, as PF4J reads it (an exact
     * version means that version or later).
     *
     * @param requires the expression, such as {@code >=1.1.0 & <2.0.0}
     * @return the reason, or empty if it includes this host's plugin API version
     */
    Optional<String> requiresProblem(String requires) {
        String expression = requires == null ? "" : requires.trim();
        if (expression.isEmpty() || expression.equals("*")) {
            return Optional.empty();
        }
        if (expression.matches("\\d+\\.\\d+\\.\\d+")) {
            expression = ">=" + expression;
        }
        boolean fits;
        try {
            fits = versions.checkVersionConstraint(systemVersion, expression);
        } catch (RuntimeException e) {
            return Optional.of("plugin.requires '" + requires.trim() + "' cannot be parsed: write a semantic "
                    + "version range such as >=1.1.0 & <2.0.0.");
        }
        return fits ? Optional.empty() : Optional.of("plugin.requires '" + requires.trim()
                + "' does not include this host's plugin API " + systemVersion + ".");
    }

    private boolean isVersion(String version) {
        try {
            versions.compareVersions(version, "0.0.0");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isZip(Path file) {
        byte[] head = new byte[ZIP_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) != head.length || !java.util.Arrays.equals(head, ZIP_MAGIC)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean holdsClass(Path jar, String className) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(className.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
