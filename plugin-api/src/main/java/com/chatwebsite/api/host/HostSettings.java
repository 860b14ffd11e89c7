package com.chatwebsite.api.host;

import java.util.Map;
import java.util.Optional;

/**
 * The host's global settings, which the host's admin edits.
 *
 * <p>Implemented by the host; read by plugins from any thread. Reads are cheap and always see the
 * latest saved value, so a plugin reads them where it uses them instead of caching them. When the
 * admin saves, the host publishes {@link #CHANGED_TOPIC} on the {@link EventBus}.
 *
 * @since 1.0
 */
public interface HostSettings {

    /** The event topic published after settings change; its data holds the changed keys. */
    String CHANGED_TOPIC = "host.settings.changed";

    /** The key of {@link #chatTimeoutSeconds()}. */
    String CHAT_TIMEOUT_SECONDS = "chatTimeoutSeconds";

    /**
     * How long a chat may go with no message either way before it is closed as {@code Timeout}.
     *
     * @return seconds, at least 1
     */
    int chatTimeoutSeconds();

    /**
     * One setting.
     *
     * @param key the setting's key
     * @return its value as text, if set
     */
    Optional<String> get(String key);

    /**
     * Every setting.
     *
     * @return the settings by key, as text
     */
    Map<String, String> all();
}
