package com.chatwebsite.api.host;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An interaction a plugin asks the host to offer to its agents.
 *
 * <p>Built by the plugin and passed to {@link InteractionRouter#offer} or
 * {@link InteractionRouter#resume} on the plugin's thread; the host keeps it while the interaction
 * is routed and shows its attributes, variables and fields in the agent's UI.
 *
 * <p>Values in {@code fields} are JSON-like JDK values: {@link String}, {@link Number},
 * {@link Boolean}, or a {@link java.util.List} of strings.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill
 * new components with defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param interactionId the plugin's id of the interaction, unique across the host
 * @param channelId the {@code channelId()} of the {@link com.chatwebsite.api.channel.ChatChannel}
 *     that handles the agent's actions on it
 * @param attributes identifiers an agent UI shows and links with, such as {@code websiteId} and
 *     {@code sessionId}
 * @param variables routing variables, by name
 * @param fields what the customer typed in the pre-chat form, by field name
 * @param contactId the host contact the interaction is linked to, if any
 * @param createdAt when the interaction opened
 * @since 1.0
 */
public record InteractionOffer(
        String interactionId,
        String channelId,
        Map<String, String> attributes,
        Map<String, String> variables,
        Map<String, Object> fields,
        Optional<String> contactId,
        Instant createdAt) {

    /** Copies the maps and checks the components. */
    public InteractionOffer {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(channelId, "channelId");
        attributes = Map.copyOf(attributes);
        variables = Map.copyOf(variables);
        fields = Map.copyOf(fields);
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
