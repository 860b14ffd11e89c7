package com.chatwebsite.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.ApiVersion;
import com.github.zafarkhaja.semver.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** plugin.properties agrees with the build and with the API version the host declares. */
class PluginDescriptorTest {

    @Test
    void descriptorMatchesTheBuildAndTheApi() throws IOException {
        Properties descriptor = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("plugin.properties"))) {
            descriptor.load(in);
        }
        Properties build = new Properties();
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/build.properties")) {
            build.load(in);
        }
        assertEquals(ChatWebsitePlugin.ID, descriptor.getProperty("plugin.id"));
        assertEquals(ChatWebsitePlugin.class.getName(), descriptor.getProperty("plugin.class"));
        assertEquals(build.getProperty("project.version"), descriptor.getProperty("plugin.version"));
        String requires = descriptor.getProperty("plugin.requires");
        assertTrue(Version.parse(ApiVersion.VERSION).satisfies(requires), requires + " admits " + ApiVersion.VERSION);
        assertTrue(!Version.parse("2.0.0").satisfies(requires), "a major API change is refused");
        // From the API's minor version the plugin is compiled against (it may use anything added in it)
        // up to the next major: a host with an older API refuses the plugin instead of failing later.
        Version api = Version.parse(ApiVersion.VERSION);
        assertEquals(">=" + api.majorVersion() + "." + api.minorVersion() + ".0 & <" + (api.majorVersion() + 1)
                + ".0.0", requires, "plugin.requires (plugin-api/README.md, \"Declaring plugin.requires\")");
    }
}
