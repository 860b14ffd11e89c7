package com.chatwebsite.host.web;

/** Whether a plugin's paths can be answered, for requests that match none of its routes. */
public enum PluginAvailability {
    /** Its routes are mounted: an unmatched path is a 404. */
    SERVING,
    /** Loading or starting with the host, routes not mounted yet: {@code 503 starting}. */
    STARTING,
    /**
     * Being started, stopped for a reload or reloaded by the admin: {@code 503 plugin_unavailable}
     * with a short {@code Retry-After}, as it is back soon.
     */
    RESTARTING,
    /** Stopped, failed, refused or disabled: {@code 503 plugin_unavailable}. */
    UNAVAILABLE,
    /** No such plugin: a 404. */
    UNKNOWN
}
