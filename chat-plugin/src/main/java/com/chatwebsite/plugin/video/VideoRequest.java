package com.chatwebsite.plugin.video;

import java.util.Map;

/**
 * A room to create.
 *
 * @param sessionId the chat
 * @param roomName a fresh random room name
 * @param settings the website's {@code videoCall} settings (with the secret API key)
 */
public record VideoRequest(String sessionId, String roomName, Map<String, Object> settings) {

    public String setting(String key) {
        Object v = settings.get(key);
        return v == null ? "" : String.valueOf(v);
    }
}
