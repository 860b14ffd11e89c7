package com.chatwebsite.host;

import com.chatwebsite.host.HostConfig.JdbcSettings;
import com.chatwebsite.host.HostConfig.SmtpSettings;
import com.chatwebsite.host.routing.Agent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Starts a host-stub for a test, with the packaged plugin jar in its plugins folder. */
public final class TestHost {

    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String AGENT_TOKEN = "test-agent-token";
    public static final String AGENT = "alice";

    private TestHost() {
    }

    /**
     * The packaged plugin jar the build produced.
     *
     * @return its path
     */
    public static Path packagedPluginJar() {
        String configured = System.getProperty("chat.plugin.jar");
        if (configured == null) {
            throw new IllegalStateException("run the tests through Maven (mvn verify): chat.plugin.jar is not set");
        }
        Path jar = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged plugin " + jar + " is missing: run 'mvn verify' from the "
                    + "root so that chat-plugin is packaged before host-stub's tests");
        }
        return jar;
    }

    /**
     * A configuration with the packaged plugin installed in {@code dir/plugins}.
     *
     * @param dir a temporary folder
     * @param db a JDBC database, or empty for H2
     * @param smtp an SMTP account, or empty for the mail drop
     * @return the configuration
     */
    public static HostConfig config(Path dir, Optional<JdbcSettings> db, Optional<SmtpSettings> smtp) {
        try {
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            Files.copy(packagedPluginJar(), plugins.resolve("chat-website-plugin.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HostConfig(0, dir.resolve("data"), dir.resolve("plugins"), db, smtp, ADMIN_TOKEN, false,
                List.of(new Agent(AGENT, AGENT_TOKEN, 50), new Agent("bob", "test-bob-token", 1)), false,
                Optional.empty(), false);
    }

    /**
     * Starts a host on H2 with the mail drop.
     *
     * @param dir a temporary folder
     * @return the running host
     */
    public static HostStub start(Path dir) {
        return HostStub.start(config(dir, Optional.empty(), Optional.empty()), Clock.systemUTC());
    }

    /**
     * Starts a host on H2 whose plugins see the given clock.
     *
     * @param dir a temporary folder
     * @param clock the clock
     * @return the running host
     */
    public static HostStub start(Path dir, Clock clock) {
        return HostStub.start(config(dir, Optional.empty(), Optional.empty()), clock);
    }
}
