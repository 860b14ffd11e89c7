package com.chatwebsite.host.plugins;

import java.util.Optional;

/** An admin's plugin action the host refused or that failed; the admin API answers it as JSON. */
public final class PluginActionException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** No such plugin: {@code 404}. */
        NOT_FOUND,
        /** The action does not fit the plugin's state or the folder: {@code 409}. */
        CONFLICT,
        /** The uploaded file is not a plugin this host can load: {@code 400}, field {@code file}. */
        INVALID,
        /** The plugin was tried and failed: {@code 409 plugin_failed}, with the plugin's state. */
        FAILED
    }

    private final Kind kind;
    private final String code;
    private final Optional<String> rule;
    private final Optional<PluginStatus> plugin;

    PluginActionException(Kind kind, String code, String message, Optional<String> rule,
            Optional<PluginStatus> plugin) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.rule = rule;
        this.plugin = plugin;
    }

    static PluginActionException notFound(String id) {
        return new PluginActionException(Kind.NOT_FOUND, "not_found", "There is no plugin " + id + ".",
                Optional.empty(), Optional.empty());
    }

    static PluginActionException conflict(String code, String message) {
        return new PluginActionException(Kind.CONFLICT, code, message, Optional.empty(), Optional.empty());
    }

    static PluginActionException invalid(PluginJar.Refusal refusal) {
        return new PluginActionException(Kind.INVALID, "invalid_plugin", refusal.reason(),
                Optional.of(refusal.rule()), Optional.empty());
    }

    static PluginActionException failed(String message, PluginStatus now) {
        return new PluginActionException(Kind.FAILED, "plugin_failed", message, Optional.empty(), Optional.of(now));
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** For {@link Kind#INVALID}: the rule the file breaks. */
    public Optional<String> rule() {
        return rule;
    }

    /** For {@link Kind#FAILED}: the plugin's state after the attempt. */
    public Optional<PluginStatus> plugin() {
        return plugin;
    }
}
