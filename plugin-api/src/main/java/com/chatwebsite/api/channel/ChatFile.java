package com.chatwebsite.api.channel;

import java.util.Objects;

/**
 * A file sent as a chat message, by the customer or by the agent.
 *
 * <p>Built by the plugin and carried by {@link ChatMessage#file()}; the host shows its name and size in the agent's
 * UI and offers it for download through {@link ChatChannel#file}. Only the interaction's customer and the agent who
 * holds it may download it.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill new components with
 * defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param id the file's id within the channel, as {@link ChatChannel#file} takes it
 * @param name the file name to show and download as, made safe by the plugin (no path, no control characters)
 * @param size its length in bytes
 * @param contentType the type detected from its content, such as {@code application/pdf}
 * @since 1.2
 */
public record ChatFile(String id, String name, long size, String contentType) {

    /** Checks the components. */
    public ChatFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
    }
}
