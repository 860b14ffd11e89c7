package com.chatwebsite.host.web;

/** Whether a plugin's paths can be answered, for requests that match none of its routes. */
public enum PluginAvailability {
    /** Its routes are mounted: an unmatched path is a 404. */
    SERVING,
    /** Loading or starting, routes not mounted yet: {@code 503 starting}. */
    STARTING,
    /** Stopped, failed or disabled: {@code 503 plugin_unavailable}. */
    UNAVAILABLE,
    /** No such plugin: a 404. */
    UNKNOWN
}
