package com.chatwebsite.plugin.video;

import java.net.URI;

/**
 * A created room.
 *
 * @param agentUrl the agent's link
 * @param customerUrl the link sent to the customer
 */
public record VideoRoom(URI agentUrl, URI customerUrl) {
}
