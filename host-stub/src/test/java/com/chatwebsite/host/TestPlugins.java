package com.chatwebsite.host;

import com.chatwebsite.api.web.WebRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.pf4j.Plugin;

/**
 * Plugin jars made by tests: variants of the packaged plugin (another version, another migration)
 * and small plugins compiled at test time against the plugin API and PF4J.
 */
public final class TestPlugins {

    private static final String DESCRIPTOR = "plugin.properties";
    private static final Pattern MIGRATION = Pattern.compile("db/chat-website/V(\\d+)__[^/]+\\.sql");

    private TestPlugins() {
    }

    /**
     * A copy of a plugin jar with descriptor keys replaced (or added) and entries added.
     *
     * @param source the jar to copy, such as the packaged plugin
     * @param target where to write the copy
     * @param properties descriptor keys to set, such as {@code plugin.version}
     * @param extra entries to add, by name
     * @return the target
     */
    public static Path variant(Path source, Path target, Map<String, String> properties, Map<String, byte[]> extra) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            boolean described = false;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (extra.containsKey(e.getName())) {
                    continue;
                }
                byte[] content = in.readAllBytes();
                if (e.getName().equals(DESCRIPTOR)) {
                    content = rewrite(new String(content, StandardCharsets.UTF_8), properties)
                            .getBytes(StandardCharsets.UTF_8);
                    described = true;
                }
                put(out, e.getName(), content);
            }
            if (!described) {
                put(out, DESCRIPTOR, rewrite("", properties).getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                put(out, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * The highest Flyway migration number in the plugin jar.
     *
     * @param jar the plugin jar
     * @return the number of its last {@code db/chat-website/V<n>__…sql}
     */
    public static int highestMigration(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> MIGRATION.matcher(e.getName())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max()
                    .orElseThrow(() -> new AssertionError("no migration in " + jar));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plugin's {@code plugin.properties} value.
     *
     * @param jar the plugin jar
     * @param key the key
     * @return the value
     */
    public static String descriptor(Path jar, String key) {
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(DESCRIPTOR))) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A zip holding exactly the given entries.
     *
     * @param target where to write it
     * @param entries the entries by name
     * @return the target
     */
    public static Path zip(Path target, Map<String, byte[]> entries) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(out, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** A plugin to compile: its descriptor and sources. */
    public static final class Source {
        private final String id;
        private final String pluginClass;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final List<String> extensions = new ArrayList<>();
        private final List<String> left = new ArrayList<>();
        private String version = "1.0.0";
        private String requires = ">=1.0.0 & <2.0.0";

        /**
         * A plugin.
         *
         * @param id its id
         * @param pluginClass the fully qualified name of its {@link Plugin} class
         */
        public Source(String id, String pluginClass) {
            this.id = id;
            this.pluginClass = pluginClass;
        }

        /** Sets {@code plugin.version}. */
        public Source version(String v) {
            this.version = v;
            return this;
        }

        /** Sets {@code plugin.requires}. */
        public Source requires(String r) {
            this.requires = r;
            return this;
        }

        /**
         * Adds a class.
         *
         * @param className its fully qualified name
         * @param code its source
         * @return this
         */
        public Source java(String className, String code) {
            sources.put(className, code);
            return this;
        }

        /** Lists a class in {@code META-INF/extensions.idx}. */
        public Source extension(String className) {
            extensions.add(className);
            return this;
        }

        /**
         * Compiles a class but leaves it out of the jar: what the plugin was built against but
         * does not find at run time.
         */
        public Source leaveOut(String className) {
            left.add(className);
            return this;
        }
    }

    /**
     * Compiles a plugin against the plugin API and PF4J and packs it as a plugin jar.
     *
     * @param plugin what to compile
     * @param work a folder for the class files
     * @param target the jar to write
     * @return the target
     */
    public static Path compile(Source plugin, Path work, Path target) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the tests need a JDK (javax.tools) to compile test plugins");
        }
        Path classes = work.resolve("classes-" + plugin.id);
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JavaFileObject> units = new ArrayList<>();
        plugin.sources.forEach((name, code) -> units.add(new InMemorySource(name, code)));
        String classPath = location(WebRoutes.class) + java.io.File.pathSeparator + location(Plugin.class);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, null, diagnostics, List.of("--release", "17", "-proc:none", "-classpath",
                classPath, "-d", classes.toString()), null, units).call();
        if (!ok) {
            throw new AssertionError("the test plugin " + plugin.id + " does not compile: "
                    + diagnostics.getDiagnostics());
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(DESCRIPTOR, ("plugin.id=" + plugin.id + "\nplugin.class=" + plugin.pluginClass + "\nplugin.version="
                + plugin.version + "\nplugin.requires=" + plugin.requires + "\nplugin.provider=tests\n")
                .getBytes(StandardCharsets.UTF_8));
        if (!plugin.extensions.isEmpty()) {
            entries.put("META-INF/extensions.idx", (String.join("\n", plugin.extensions) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
                if (!plugin.left.contains(outer)) {
                    entries.put(name, Files.readAllBytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip(target, entries);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rewrite(String descriptor, Map<String, String> properties) {
        Map<String, String> todo = new LinkedHashMap<>(properties);
        StringBuilder out = new StringBuilder();
        for (String line : descriptor.split("\r?\n", -1)) {
            int eq = line.indexOf('=');
            String key = eq < 0 ? null : line.substring(0, eq).strip();
            if (key != null && !line.startsWith("#") && todo.containsKey(key)) {
                out.append(key).append('=').append(todo.remove(key)).append('\n');
            } else if (!line.isEmpty()) {
                out.append(line).append('\n');
            }
        }
        todo.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String code;

        InMemorySource(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
