package com.chatwebsite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the compatibility gate honest: the japicmp check in {@code verify} compares the build with
 * {@code baseline/plugin-api-<api.baseline.version>.jar}, so that jar must be the release its name
 * says, and that release must be the one just before this version. See the module's README.
 */
class ApiCompatibilityGateTest {

    private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(-SNAPSHOT)?");

    private static Properties build;

    @BeforeAll
    static void readBuild() throws IOException {
        build = new Properties();
        try (InputStream in = ApiCompatibilityGateTest.class.getResourceAsStream("/build.properties")) {
            build.load(in);
        }
    }

    private static Path baselineJar() {
        return Path.of(build.getProperty("api.baseline.dir"))
                .resolve("plugin-api-" + build.getProperty("api.baseline.version") + ".jar");
    }

    @Test
    void theBaselineFolderHoldsOnlyTheJarTheGateReads() throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.list(Path.of(build.getProperty("api.baseline.dir")))) {
            jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        assertEquals(List.of(baselineJar().getFileName().toString()), jars,
                "baseline/ holds the previous release only, named by api.baseline.version in plugin-api/pom.xml");
    }

    @Test
    void theBaselineJarIsTheReleaseItsNameSays() throws Exception {
        String baseline = build.getProperty("api.baseline.version");
        try (URLClassLoader released = new URLClassLoader(
                new URL[] {baselineJar().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> version = Class.forName(ApiVersion.class.getName(), true, released);
            assertNotSame(ApiVersion.class, version);
            assertEquals(baseline, version.getField("VERSION").get(null),
                    "ApiVersion.VERSION inside " + baselineJar().getFileName());
        }
        try (JarFile jar = new JarFile(baselineJar().toFile())) {
            String declared = jar.getManifest().getMainAttributes().getValue("Plugin-Api-Version");
            if (declared != null) { // 1.1.0 was released before the manifest carried it
                assertEquals(baseline, declared, "Plugin-Api-Version in the baseline's manifest");
            }
        }
    }

    @Test
    void theBaselineIsTheReleaseJustBeforeThisVersion() {
        assertNull(problem(build.getProperty("project.version"), build.getProperty("api.baseline.version"),
                Boolean.parseBoolean(build.getProperty("api.compat.strict"))));
    }

    @Test
    void previousReleaseRule() {
        assertNull(problem("1.1.0", "1.1.0", true), "the release itself, before the next change");
        assertNull(problem("1.1.1", "1.1.0", true), "a patch");
        assertNull(problem("1.2.0", "1.1.3", true), "a minor");
        assertNull(problem("1.2.0-SNAPSHOT", "1.1.0", true), "a minor in development");
        assertNull(problem("2.0.0", "1.4.2", false), "a major may break");
        assertNull(problem("2.0.0", "1.4.2", true), "a major may also stay compatible");
        assertProblem("1.1.0-SNAPSHOT", "1.1.0", true, "not before");
        assertProblem("1.0.9", "1.1.0", true, "not before");
        assertProblem("1.3.0", "1.1.0", true, "1.2");
        assertProblem("1.2.1", "1.1.0", true, "1.2.0");
        assertProblem("1.1.2", "1.1.0", true, "1.1.1");
        assertProblem("2.1.0", "1.4.2", true, "2.0");
        assertProblem("3.0.0", "1.4.2", false, "2.");
        assertProblem("1.2.0", "1.1.0", false, "api.compat.strict");
        assertProblem("1.2.0", "1.1.0-SNAPSHOT", true, "release");
    }

    private static void assertProblem(String version, String baseline, boolean strict, String fragment) {
        String problem = problem(version, baseline, strict);
        assertTrue(problem != null && problem.contains(fragment),
                version + " against " + baseline + ": expected a problem naming " + fragment + ", got " + problem);
    }

    /**
     * Why {@code baseline} is not the release before {@code version}, or null if it is: the same
     * version (a release not yet changed), the previous patch of the same minor, the last release
     * of the previous minor for an {@code x.y.0}, or a release of the previous major for an
     * {@code x.0.0}, which alone may turn the gate's breaking checks off.
     */
    static String problem(String version, String baseline, boolean strict) {
        Matcher b = RELEASE.matcher(baseline);
        Matcher v = VERSION.matcher(version);
        if (!b.matches()) {
            return "the baseline " + baseline + " is not a release (major.minor.patch)";
        }
        if (!v.matches()) {
            return "the version " + version + " is not major.minor.patch[-SNAPSHOT]";
        }
        int[] bv = {Integer.parseInt(b.group(1)), Integer.parseInt(b.group(2)), Integer.parseInt(b.group(3))};
        int[] vv = {Integer.parseInt(v.group(1)), Integer.parseInt(v.group(2)), Integer.parseInt(v.group(3))};
        boolean snapshot = v.group(4) != null;
        int order = compare(vv, bv);
        if (order < 0 || order == 0 && snapshot) {
            return "the baseline " + baseline + " is not before " + version;
        }
        if (vv[0] == bv[0]) {
            if (!strict) {
                return "api.compat.strict is false within major " + vv[0] + ": only a new major may break";
            }
            boolean same = order == 0;
            boolean nextPatch = vv[1] == bv[1] && vv[2] == bv[2] + 1;
            boolean nextMinor = vv[1] == bv[1] + 1 && vv[2] == 0;
            if (same || nextPatch || nextMinor) {
                return null;
            }
            return version + " compares with " + previous(vv) + ", not " + baseline;
        }
        if (vv[0] == bv[0] + 1 && vv[1] == 0 && vv[2] == 0) {
            return null;
        }
        return version + " compares with " + previous(vv) + ", not " + baseline;
    }

    private static String previous(int[] v) {
        if (v[2] > 0) {
            return v[0] + "." + v[1] + "." + (v[2] - 1);
        }
        if (v[1] > 0) {
            return "the last " + v[0] + "." + (v[1] - 1) + ".x release";
        }
        return "the last " + (v[0] - 1) + ".x release";
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
