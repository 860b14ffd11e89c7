package com.chatwebsite.api.channel;

import java.net.URI;
import java.util.Objects;

/**
 * The two links of a video call started from a chat.
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
