package com.chatwebsite.host.plugins;

import java.util.Optional;

/**
 * A plugin, or a refused plugin file, as the admin API and {@code /health} report it.
 *
 * @param id the plugin id; empty for a file without a readable descriptor
 * @param jar the file it was loaded from (or refused)
 * @param state its state
 * @param error why it failed or was refused; empty otherwise
 * @param reloading whether an admin's reload or upload is replacing it right now
 */
public record PluginStatus(Optional<String> id, PluginJar jar, State state, Optional<String> error,
        boolean reloading) {

    /** The states the host reports. */
    public enum State {
        /** Loaded, not started. */
        RESOLVED,
        /** Being started: not serving yet. */
        STARTING,
        /** Started and its routes mounted. */
        STARTED,
        /** Being stopped: its routes are gone, calls inside are finishing. */
        STOPPING,
        /** Stopped by the admin. */
        STOPPED,
        /** Its load, start, route mounting or stop threw; {@code error} says what. */
        FAILED,
        /** Disabled in PF4J's {@code disabled.txt}/{@code enabled.txt}. */
        DISABLED,
        /** A file in the plugins folder the host does not load; {@code error} says why. */
        REFUSED
    }

    static PluginStatus of(PluginJar jar, State state) {
        return new PluginStatus(jar.id(), jar, state, Optional.empty(), false);
    }

    static PluginStatus refused(PluginJar jar) {
        return new PluginStatus(jar.id(), jar, State.REFUSED, jar.refusal().map(PluginJar.Refusal::reason), false);
    }

    PluginStatus with(State next, Optional<String> why, boolean whileReloading) {
        return new PluginStatus(id, jar, next, why, whileReloading);
    }

    /** The version its descriptor gives, if any. */
    public Optional<String> version() {
        return jar.version();
    }
}
