package com.chatwebsite.plugin.video;

import org.pf4j.ExtensionPoint;

/**
 * The plugin's own extension point for video-call providers: creates a room for a chat. Called on
 * the agent's request thread; must bound its own time (timeouts, retries).
 */
public interface VideoProvider extends ExtensionPoint {

    /**
     * The id a website's {@code videoCall.provider} names.
     *
     * @return such as {@code link} or {@code http}
     */
    String id();

    /**
     * Creates a room.
     *
     * @param request what the room is for and the website's settings
     * @return the agent's and the customer's links
     * @throws VideoProviderException on any failure, with a sentence for the agent
     */
    VideoRoom create(VideoRequest request) throws VideoProviderException;
}
