package com.chatwebsite.plugin.queue;

import java.util.Optional;

/**
 * Where a waiting chat stands in its website's queue.
 *
 * @param position 1 for the chat that has waited longest, among the website's waiting chats
 * @param estimatedWaitSeconds about how long until an agent accepts it; empty without recent accepts
 */
public record QueuePosition(int position, Optional<Long> estimatedWaitSeconds) {

    public QueuePosition {
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1: " + position);
        }
    }
}
