package com.chatwebsite.plugin.video;

/** A video provider failed; the message is a sentence for the agent. */
public final class VideoProviderException extends Exception {

    public VideoProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    public VideoProviderException(String message) {
        super(message);
    }
}
