package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * What the packaged plugin jar holds: only the plugin's own classes and libraries relocated under
 * {@value #SHADED}, nothing that links to an unrelocated library but the host's API and a few
 * optional integrations, within the size budget, with a multi-release manifest that agrees with
 * {@code plugin.properties}.
 */
class PluginJarTest {

    /** The jar's budget (README, "The plugin jar"). */
    static final long BUDGET_BYTES = 8_000_000;
    static final String SHADED = "com/chatwebsite/plugin/shaded/";

    /**
     * Classes the plugin's classes may name without shipping them, besides the JDK's: the host's
     * API (given to the plugin by PF4J), and integrations the libraries use only when present.
     */
    private static final List<String> ALLOWED_OUTSIDE = List.of(
            "org/pf4j/", "org/slf4j/", "com/chatwebsite/api/", // the host's, shared on purpose
            // Flyway: loggers and class-path scanners it picks by what is present.
            "org/apache/commons/logging/", "org/apache/logging/log4j/", "org/jboss/vfs/", "org/osgi/framework/",
            "org/apache/commons/text/", // Flyway's "did you mean" for a misspelt setting
            // OkHttp: TLS providers it uses when they are installed.
            "org/conscrypt/", "org/bouncycastle/jsse/", "org/openjsse/",
            "com/google/j2objc/annotations/", // an annotation on Guava's futures, never read
            SHADED + "jackson3/"); // Flyway's optional Jackson 3, relocated so it is never the host's

    private static Path jar() {
        return TestHost.packagedPluginJar();
    }

    @Test
    void jarIsWithinItsSizeBudget() throws IOException {
        long size = Files.size(jar());
        assertTrue(size <= BUDGET_BYTES, "the plugin jar is " + size + " bytes, over its budget of " + BUDGET_BYTES);
    }

    @Test
    void everyClassIsThePluginsOwnOrRelocatedUnderIt() throws IOException {
        List<String> outside = new ArrayList<>();
        try (JarFile jar = new JarFile(jar().toFile())) {
            jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                    .filter(n -> !n.startsWith("com/chatwebsite/") && !n.matches("META-INF/versions/\\d+/com/chatwebsite/.*"))
                    .forEach(outside::add);
        }
        assertEquals(List.of(), outside, "classes that are neither the plugin's nor relocated under " + SHADED);
    }

    @Test
    void noClassLinksToALibraryOutsideTheJarButTheHostApiAndOptionalIntegrations() throws IOException {
        Map<String, Set<String>> missing = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            Set<String> names = new TreeSet<>();
            zip.stream().map(ZipEntry::getName).forEach(names::add);
            for (String entry : names) {
                if (!entry.endsWith(".class") || entry.startsWith("META-INF/")) {
                    continue;
                }
                for (String ref : ClassRefs.of(read(zip, entry))) {
                    if (!names.contains(ref + ".class") && ALLOWED_OUTSIDE.stream().noneMatch(ref::startsWith)
                            && !inTheJdk(ref)) {
                        missing.computeIfAbsent(ref, k -> new TreeSet<>()).add(entry);
                    }
                }
            }
        }
        assertEquals(Map.of(), missing, "classes named in the jar but neither in it, in the JDK, nor allowed");
    }

    @Test
    void serviceFilesAreRelocatedAndNameClassesInTheJar() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            List<String> services = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/")).toList();
            assertFalse(services.isEmpty());
            for (String service : services) {
                assertTrue(service.startsWith("META-INF/services/com.chatwebsite.plugin.shaded."), service);
                for (String line : text(jar, service).split("\n")) {
                    String impl = line.replaceAll("#.*", "").trim();
                    if (!impl.isEmpty()) {
                        assertNotNull(jar.getEntry(impl.replace('.', '/') + ".class"), service + " names " + impl);
                    }
                }
            }
            String flyway = text(jar, "META-INF/services/com.chatwebsite.plugin.shaded.flyway.core.extensibility.Plugin");
            assertTrue(flyway.contains("com.chatwebsite.plugin.shaded.flyway.database.postgresql.PostgreSQLDatabaseType"));
            assertTrue(flyway.contains("com.chatwebsite.plugin.shaded.flyway.core.internal.database.h2.H2DatabaseType"));
            List<String> unsupported = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("cockroach")).toList();
            assertEquals(List.of(), unsupported, "only H2 and PostgreSQL are supported");
        }
    }

    @Test
    void librariesFindTheirResourcesAtTheRelocatedPaths() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            for (String resource : List.of(SHADED + "flyway/core/internal/version.txt",
                    SHADED + "tika/mime/tika-mimetypes.xml",
                    SHADED + "okhttp3/internal/publicsuffix/PublicSuffixDatabase.list")) {
                assertNotNull(jar.getEntry(resource), resource);
            }
            assertTrue(text(jar, SHADED + "flyway/core/internal/version.txt").strip().matches("\\d+\\.\\d+\\.\\d+.*"));
            assertNotNull(jar.getEntry("META-INF/extensions.idx"));
            assertTrue(text(jar, "META-INF/extensions.idx").contains("com.chatwebsite.plugin.ChatWebsiteSettings"));
        }
    }

    /**
     * The relocated Flyway, loaded from the jar below this test's class loader (which has the host's
     * own Flyway with its PostgreSQL and CockroachDB modules), reads its version resource and finds
     * its database types: H2 and PostgreSQL, its own, none of the host's.
     */
    @Test
    void relocatedFlywayReadsItsVersionAndFindsOnlyItsOwnDatabaseTypes() throws Exception {
        String flyway = SHADED.replace('/', '.') + "flyway.core.";
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar().toUri().toURL()},
                PluginJarTest.class.getClassLoader());
                JarFile jar = new JarFile(jar().toFile())) {
            Object version = loader.loadClass(flyway + "internal.license.VersionPrinter").getMethod("getVersion")
                    .invoke(null);
            assertEquals(text(jar, SHADED + "flyway/core/internal/version.txt").strip(), version);

            Class<?> register = loader.loadClass(flyway + "internal.plugin.PluginRegister");
            Class<?> databaseType = loader.loadClass(flyway + "internal.database.DatabaseType");
            List<?> types = (List<?>) register.getMethod("getInstancesOf", Class.class)
                    .invoke(register.getConstructor().newInstance(), databaseType);
            List<String> names = types.stream().map(t -> t.getClass().getName()).sorted().toList();
            assertTrue(names.contains(flyway.replace("core.", "") + "database.postgresql.PostgreSQLDatabaseType"),
                    names.toString());
            assertTrue(names.contains(flyway + "internal.database.h2.H2DatabaseType"), names.toString());
            assertTrue(names.stream().allMatch(n -> n.startsWith(SHADED.replace('/', '.'))), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.contains("CockroachDB")), names.toString());
        }
    }

    @Test
    void manifestIsMultiReleaseAndAgreesWithPluginProperties() throws IOException {
        Properties descriptor = new Properties();
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertNotNull(jar.getManifest(), "META-INF/MANIFEST.MF");
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("true", main.getValue("Multi-Release"));
            try (InputStream in = jar.getInputStream(jar.getEntry("plugin.properties"))) {
                descriptor.load(in);
            }
            assertEquals(descriptor.getProperty("plugin.version"), main.getValue("Implementation-Version"));
            assertEquals("Chat Website plugin", main.getValue("Implementation-Title"));
        }
        PluginDescriptor fromProperties = new PropertiesPluginDescriptorFinder().find(jar());
        PluginDescriptor fromManifest = new ManifestPluginDescriptorFinder().find(jar());
        assertEquals(descriptor.getProperty("plugin.id"), fromManifest.getPluginId());
        assertEquals(describe(fromProperties), describe(fromManifest), "PF4J reads the same plugin from both");
    }

    @Test
    void jacksonsClassesForNewerJvmsAreRelocatedAndServedOnThem() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
            assertTrue(jar.isMultiRelease());
            List<String> versioned = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.matches("META-INF/versions/\\d+/.*\\.class")).toList();
            assertTrue(versioned.stream().anyMatch(n -> n.matches("META-INF/versions/\\d+/" + SHADED + "jackson/.*")),
                    "Jackson's multi-release classes, relocated: " + versioned);
            // The tests run on 17 or later: a class with a Java 17 version is read from there.
            String name = versioned.stream().filter(n -> n.startsWith("META-INF/versions/17/"))
                    .map(n -> n.substring("META-INF/versions/17/".length())).findFirst().orElseThrow();
            assertNotNull(jar.getEntry(name), name + " in the base too");
            assertTrue(jar.getJarEntry(name).getRealName().startsWith("META-INF/versions/"),
                    name + " is served from " + jar.getJarEntry(name).getRealName());
        }
    }

    private static String describe(PluginDescriptor d) {
        return String.join("|", d.getPluginId(), d.getVersion(), d.getPluginClass(), d.getRequires(),
                d.getProvider(), d.getPluginDescription(), d.getLicense());
    }

    private static boolean inTheJdk(String internalName) {
        try {
            Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static byte[] read(ZipFile zip, String entry) {
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JarFile jar, String entry) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The classes a class file names in its constant pool (JVMS 4.4), array and descriptor forms reduced. */
    static final class ClassRefs {
        private ClassRefs() {
        }

        static Set<String> of(byte[] classFile) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
                if (in.readInt() != 0xCAFEBABE) {
                    throw new IllegalArgumentException("not a class file");
                }
                in.readUnsignedShort();
                in.readUnsignedShort();
                int count = in.readUnsignedShort();
                String[] utf8 = new String[count];
                List<Integer> classes = new ArrayList<>();
                for (int i = 1; i < count; i++) {
                    int tag = in.readUnsignedByte();
                    switch (tag) {
                        case 1 -> utf8[i] = in.readUTF();
                        case 7 -> classes.add(in.readUnsignedShort());
                        case 8, 16, 19, 20 -> in.skipBytes(2);
                        case 15 -> in.skipBytes(3);
                        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                        case 5, 6 -> {
                            in.skipBytes(8);
                            i++; // takes two entries
                        }
                        default -> throw new IllegalArgumentException("constant pool tag " + tag);
                    }
                }
                Set<String> out = new TreeSet<>();
                for (int index : classes) {
                    String name = utf8[index].replaceFirst("^\\[+", "");
                    if (name.startsWith("L") && name.endsWith(";")) {
                        name = name.substring(1, name.length() - 1);
                    }
                    if (name.length() > 1) { // not a primitive array such as [I
                        out.add(name);
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
