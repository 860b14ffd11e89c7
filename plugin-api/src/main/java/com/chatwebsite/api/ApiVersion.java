package com.chatwebsite.api;

/**
 * The version of this plugin API.
 *
 * <p>The host passes {@link #VERSION} to PF4J's {@code setSystemVersion} at start-up and may show it
 * in its list of plugins. A plugin declares the range it works with in {@code plugin.requires}: from
 * the minor version it was compiled against up to the next major, such as {@code >=1.1.0 & <2.0.0}.
 * PF4J disables a plugin whose range leaves out the host's version and logs why, so such a plugin
 * never starts instead of failing later with a {@link NoSuchMethodError}.
 *
 * <p>Versions are semantic. A patch version changes no signature; a minor version only adds
 * (types, default methods, constructors, record components with the earlier constructors kept); a
 * major version may remove or change. {@code mvn verify} checks each build against the previous
 * release (see plugin-api/README.md).
 *
 * <p>{@link #VERSION} is a compile-time constant, so code that reads it gets the version it was
 * compiled against: the host gets its own API's, a plugin the one it was built with. The jar's
 * manifest carries the same version as {@code Plugin-Api-Version} (and
 * {@code Implementation-Version}) for tools that inspect jars.
 *
 * @since 1.0
 */
public final class ApiVersion {

    /**
     * The semantic version of this API, equal to the Maven project version of {@code plugin-api}
     * (a test checks it).
     */
    public static final String VERSION = "1.2.0";

    private ApiVersion() {
    }
}
