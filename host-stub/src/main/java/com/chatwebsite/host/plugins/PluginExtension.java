package com.chatwebsite.host.plugins;

import java.util.Objects;

/**
 * An extension of a serving plugin, with the id of the plugin that contributes it.
 *
 * @param pluginId the contributing plugin's id
 * @param extension the extension
 * @param <T> the extension point
 */
public record PluginExtension<T>(String pluginId, T extension) {

    /** Checks the components. */
    public PluginExtension {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(extension, "extension");
    }
}
