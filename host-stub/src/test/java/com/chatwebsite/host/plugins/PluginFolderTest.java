package com.chatwebsite.host.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.TestPlugins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;

/** Which jar of the plugins folder is loaded, and why the others are refused. */
class PluginFolderTest {

    @TempDir
    Path dir;

    private final CompoundPluginDescriptorFinder finder = new CompoundPluginDescriptorFinder()
            .add(new PropertiesPluginDescriptorFinder())
            .add(new ManifestPluginDescriptorFinder());
    private final PluginFolder folder = new PluginFolder(finder::find, new DefaultVersionManager(), "1.1.0");

    private Path jar(String file, String id, String version, String requires) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", ("plugin.id=" + id + "\nplugin.class=x.P\nplugin.version=" + version
                + "\nplugin.requires=" + requires + "\n").getBytes(StandardCharsets.UTF_8));
        entries.put("x/P.class", new byte[] {(byte) 0xca, (byte) 0xfe});
        return TestPlugins.zip(dir.resolve(file), entries);
    }

    @Test
    void theHighestSemanticVersionWinsWhateverTheFileNames() {
        Path old = jar("a-chat-website-1.9.0.jar", "chat-website", "1.9.0", ">=1.0.0");
        Path newer = jar("z-chat.jar", "chat-website", "1.10.0", ">=1.0.0");
        PluginFolder.Scan scan = folder.scan(List.of(old, newer));
        assertEquals(newer, scan.chosen("chat-website").orElseThrow().file(),
                "1.10.0 > 1.9.0 although \"1.10\" < \"1.9\"");
        PluginJar refused = scan.refused().get(0);
        assertEquals(old, refused.file());
        assertEquals("duplicate", refused.refusal().orElseThrow().rule());
        assertTrue(refused.refusal().orElseThrow().reason().contains("1.10.0 in z-chat.jar is newer"),
                refused.refusal().orElseThrow().reason());

        scan = folder.scan(List.of(newer, old)); // the order the folder lists them in does not matter
        assertEquals(newer, scan.chosen("chat-website").orElseThrow().file());
    }

    @Test
    void ofTheSameVersionTheFileChangedLastWins() throws Exception {
        Path first = jar("b.jar", "p", "1.0.0", "");
        Path second = jar("a.jar", "p", "1.0.0", "");
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(second, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        PluginFolder.Scan scan = folder.scan(List.of(first, second));
        assertEquals(second, scan.chosen("p").orElseThrow().file());
        assertEquals(List.of(first), scan.refused("p").stream().map(PluginJar::file).toList());
    }

    @Test
    void anUnparsableRequiresRefusesThatJarOnlyAndAnOlderValidOneRuns() {
        Path valid = jar("valid.jar", "chat-website", "1.1.0", ">=1.1.0 & <2.0.0");
        Path broken = jar("broken.jar", "chat-website", "2.0.0", ">=1.1.0 &&& <<2");
        PluginFolder.Scan scan = folder.scan(List.of(valid, broken));
        assertEquals(valid, scan.chosen("chat-website").orElseThrow().file());
        PluginJar.Refusal why = scan.refused().get(0).refusal().orElseThrow();
        assertEquals("requires", why.rule());
        assertTrue(why.reason().contains("cannot be parsed"), why.reason());
    }

    @Test
    void eachProblemHasItsRuleAndReason() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");
        Path empty = TestPlugins.zip(dir.resolve("empty.jar"), Map.of("readme.txt", new byte[] {1}));
        Path badId = jar("bad-id.jar", "../evil", "1.0.0", "");
        Path badVersion = jar("bad-version.jar", "p", "one", "");
        Path tooNew = jar("too-new.jar", "q", "1.0.0", ">=2.0.0");
        Map<String, byte[]> noClass = new LinkedHashMap<>();
        noClass.put("plugin.properties", "plugin.id=r\nplugin.class=r.Missing\nplugin.version=1.0.0\n"
                .getBytes(StandardCharsets.UTF_8));
        Path missingClass = TestPlugins.zip(dir.resolve("missing-class.jar"), noClass);
        Map<String, String> rules = new LinkedHashMap<>();
        for (Path p : List.of(text, empty, badId, badVersion, tooNew, missingClass)) {
            PluginJar read = folder.read(p);
            rules.put(p.getFileName().toString(), read.refusal().map(PluginJar.Refusal::rule).orElse("loadable"));
        }
        assertEquals(Map.of("notes.jar", "zip", "empty.jar", "descriptor", "bad-id.jar", "id",
                "bad-version.jar", "version", "too-new.jar", "requires", "missing-class.jar", "descriptor"), rules);
        assertTrue(folder.read(tooNew).refusal().orElseThrow().reason()
                .contains("does not include this host's plugin API 1.1.0"));
        assertTrue(folder.read(jar("exact.jar", "s", "1.0.0", "1.0.0")).loadable(),
                "an exact version means that or later");
    }
}
