package com.chatwebsite.plugin.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A chat session: one customer's chat on one website, which is also the host interaction.
 *
 * @param id the session id, also the interaction id
 * @param websiteId the website
 * @param tokenHash the SHA-256 of the customer's token, hex
 * @param state the state
 * @param disposition why it closed
 * @param fields what the pre-chat form held
 * @param variables routing variables
 * @param contactId the linked host contact
 * @param page the page the chat opened on
 * @param agent the agent who accepted it
 * @param lastSeq the last event's sequence number
 * @param createdAt when it opened
 * @param acceptedAt when an agent accepted it
 * @param closedAt when it closed
 * @param lastActivityAt the last customer or agent message, or the open or accept
 * @param waitingNotified whether the website's waiting message was sent (once per chat)
 */
public record ChatSession(
        String id,
        String websiteId,
        String tokenHash,
        SessionState state,
        Optional<String> disposition,
        Map<String, Object> fields,
        Map<String, String> variables,
        Optional<String> contactId,
        Optional<String> page,
        Optional<String> agent,
        long lastSeq,
        Instant createdAt,
        Optional<Instant> acceptedAt,
        Optional<Instant> closedAt,
        Instant lastActivityAt,
        boolean waitingNotified) {

    public ChatSession {
        fields = Map.copyOf(fields);
        variables = Map.copyOf(variables);
    }

    public boolean isOpen() {
        return state != SessionState.CLOSED;
    }
}
