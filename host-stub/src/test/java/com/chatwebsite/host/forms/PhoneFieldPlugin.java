package com.chatwebsite.host.forms;

import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import com.chatwebsite.host.TestPlugins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A second plugin, next to the chat plugin, that contributes a {@code phone} form field type
 * (sources in {@code src/test/resources/plugins/phone-field}), and a form that uses it.
 */
public final class PhoneFieldPlugin {

    public static final String ID = "phone-field";

    /** The phone section as an admin saves it; it is {@code sections[2]} of {@link #ONLINE_FORM}. */
    public static final String PHONE_SECTION = "{\"type\":\"phone\",\"name\":\"phone\",\"label\":\"Phone\","
            + "\"required\":true,\"defaultCountryCode\":\"+39\",\"mapTo\":{\"contact\":\"phone\"}}";

    /** An online form: name and e-mail (the contact's match field), then the phone. */
    public static final String ONLINE_FORM = "["
            + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\",\"required\":true,"
            + "\"mapTo\":{\"contact\":\"firstName\"}},"
            + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true,"
            + "\"mapTo\":{\"contact\":\"email\"}},"
            + PHONE_SECTION + "]";

    /** What the phone type answers for a number it refuses, for the field labelled Phone. */
    public static final String REFUSAL = "Phone: enter a phone number with its country code, such as +39 333 123 4567.";

    private PhoneFieldPlugin() {
    }

    /**
     * Compiles the plugin against the plugin API and packs it.
     *
     * @param work a folder for the class files
     * @param target the jar to write, such as a file in the host's plugins folder
     * @return the target
     */
    public static Path jar(Path work, Path target) {
        return TestPlugins.compile(new TestPlugins.Source(ID, "phonefield.PhonePlugin")
                .requires(">=1.2.0 & <2.0.0")
                .java("phonefield.PhonePlugin", source("PhonePlugin.java"))
                .java("phonefield.PhoneFieldType", source("PhoneFieldType.java"))
                .extension("phonefield.PhoneFieldType"), work, target);
    }

    /**
     * Starts a host on H2 with the packaged chat plugin and this plugin in its plugins folder.
     *
     * @param dir a temporary folder
     * @return the running host
     */
    public static HostStub hostWithBoth(Path dir) {
        HostConfig config = TestHost.config(dir, Optional.empty(), Optional.empty());
        jar(dir, config.pluginsDir().resolve(ID + ".jar"));
        return HostStub.start(config, Clock.systemUTC());
    }

    private static String source(String file) {
        try (InputStream in = PhoneFieldPlugin.class.getResourceAsStream("/plugins/phone-field/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource plugins/phone-field/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
