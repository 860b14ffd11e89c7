package com.chatwebsite.plugin.website;

import com.chatwebsite.plugin.settings.SettingsValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A website's abuse limits, each "so many a minute" (also the largest burst), and the header its
 * proxy names the client in. Read from the website's settings; a setting a website stored before
 * these existed takes its default.
 *
 * @param sessionsPerAddress chats one client address may open a minute
 * @param sessionsPerWebsite chats the website may open a minute, from all addresses
 * @param offlinePerAddress offline messages one address may send a minute
 * @param offlinePerWebsite offline messages the website may take a minute
 * @param uploadsPerAddress uploads one address may make a minute
 * @param uploadsPerWebsite uploads the website may take a minute
 * @param messagesPerSession messages a customer may post to one chat a minute
 * @param messagesPerAddress messages one address may post a minute, over all its chats
 * @param trustedProxyHeader the header a trusted proxy writes the client's address to, if the admin
 *     named one; otherwise the socket's peer is the client
 */
public record AbuseLimits(int sessionsPerAddress, int sessionsPerWebsite, int offlinePerAddress,
        int offlinePerWebsite, int uploadsPerAddress, int uploadsPerWebsite, int messagesPerSession,
        int messagesPerAddress, Optional<String> trustedProxyHeader) {

    public static final String SESSIONS_PER_ADDRESS = "limits.sessions.perAddress";
    public static final String SESSIONS_PER_WEBSITE = "limits.sessions.perWebsite";
    public static final String OFFLINE_PER_ADDRESS = "limits.offline.perAddress";
    public static final String OFFLINE_PER_WEBSITE = "limits.offline.perWebsite";
    public static final String UPLOADS_PER_ADDRESS = "limits.uploads.perAddress";
    public static final String UPLOADS_PER_WEBSITE = "limits.uploads.perWebsite";
    public static final String MESSAGES_PER_SESSION = "limits.messages.perSession";
    public static final String MESSAGES_PER_ADDRESS = "limits.messages.perAddress";
    public static final String TRUSTED_PROXY_HEADER = "trustedProxyHeader";

    /** The highest allowance a limit may be set to. */
    public static final int MAX_PER_MINUTE = 1_000_000;

    /** Each limit's key and default, in the schema's order. */
    public static final Map<String, Integer> DEFAULTS = defaults();

    /** An HTTP header name (RFC 9110 token). */
    static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

    private static Map<String, Integer> defaults() {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put(SESSIONS_PER_ADDRESS, 10);
        d.put(SESSIONS_PER_WEBSITE, 60);
        d.put(OFFLINE_PER_ADDRESS, 5);
        d.put(OFFLINE_PER_WEBSITE, 30);
        d.put(UPLOADS_PER_ADDRESS, 20);
        d.put(UPLOADS_PER_WEBSITE, 200);
        d.put(MESSAGES_PER_SESSION, 30);
        d.put(MESSAGES_PER_ADDRESS, 120);
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * The limits in a website's normalized settings.
     *
     * @param settings the settings
     * @return the limits, defaults where a value is missing
     */
    static AbuseLimits of(Map<String, Object> settings) {
        Object header = SettingsValidator.lookup(settings, TRUSTED_PROXY_HEADER);
        return new AbuseLimits(value(settings, SESSIONS_PER_ADDRESS), value(settings, SESSIONS_PER_WEBSITE),
                value(settings, OFFLINE_PER_ADDRESS), value(settings, OFFLINE_PER_WEBSITE),
                value(settings, UPLOADS_PER_ADDRESS), value(settings, UPLOADS_PER_WEBSITE),
                value(settings, MESSAGES_PER_SESSION), value(settings, MESSAGES_PER_ADDRESS),
                header instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty());
    }

    private static int value(Map<String, Object> settings, String key) {
        Object v = SettingsValidator.lookup(settings, key);
        return v instanceof Number n && n.intValue() >= 1 ? n.intValue() : DEFAULTS.get(key);
    }
}
