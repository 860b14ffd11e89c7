package com.chatwebsite.api.channel;

import java.net.URI;
import java.util.Objects;

/**
 * The two links of a video call started from a chat.
 *
 * <p>Built by the plugin and returned from {@link ChatChannel#startVideoCall}; the host hands
 * {@code agentUrl} to the agent who asked.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param agentUrl the link the agent opens (may carry host rights)
 * @param customerUrl the link sent to the customer in the chat
 * @since 1.0
 */
public record VideoCallLink(URI agentUrl, URI customerUrl) {

    /** Checks the components. */
    public VideoCallLink {
        Objects.requireNonNull(agentUrl, "agentUrl");
        Objects.requireNonNull(customerUrl, "customerUrl");
    }
}
