package com.chatwebsite.plugin.privacy;

import java.util.List;

/**
 * What an erasure did.
 *
 * @param record the audit record written
 * @param chatIds the chats it deleted, for the host to forget its copies of them
 */
public record Erased(ErasureRecord record, List<String> chatIds) {

    public Erased {
        chatIds = List.copyOf(chatIds);
    }
}
