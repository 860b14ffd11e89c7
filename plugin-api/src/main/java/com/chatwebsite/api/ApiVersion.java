package com.chatwebsite.api;

/**
 * The version of this plugin API.
 *
 * <p>The host passes {@link #VERSION} to PF4J's {@code setSystemVersion} at start-up; a plugin
 * declares the range it works with in {@code plugin.requires} (for example
 * {@code >=1.0.0 & <2.0.0}), and PF4J refuses to start a plugin whose range does not include it.
 * A minor version adds types or methods with defaults; a major version may remove them.
 *
 * @since 1.0
 */
public final class ApiVersion {

    /** The semantic version of this API, equal to the Maven project version of {@code plugin-api}. */
    public static final String VERSION = "1.1.0";

    private ApiVersion() {
    }
}
