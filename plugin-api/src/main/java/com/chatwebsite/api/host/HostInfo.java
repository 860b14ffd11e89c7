package com.chatwebsite.api.host;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Facts about the running host that a plugin needs to build links and store files.
 *
 * <p>Built by the host at start-up and passed in {@link HostServices}; immutable. Plugins read it
 * from any thread.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param name the host product's name, for logs and e-mail footers
 * @param publicUrl the URL at which browsers reach the host, without a trailing slash; plugin
 *     routes are under {@code publicUrl + "/plugins/" + pluginId}
 * @param dataDirectory a folder the host owns; a plugin writes only below
 *     {@code dataDirectory/plugins/<pluginId>}
 * @since 1.0
 */
public record HostInfo(String name, URI publicUrl, Path dataDirectory) {

    /** Checks the components. */
    public HostInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }

    /**
     * The folder a plugin may write to; the caller creates it when needed.
     *
     * @param pluginId the plugin's id
     * @return {@code dataDirectory/plugins/<pluginId>}
     */
    public Path pluginDirectory(String pluginId) {
        return dataDirectory.resolve("plugins").resolve(pluginId);
    }
}
