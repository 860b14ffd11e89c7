package com.chatwebsite.api.host;

import java.time.Instant;
import java.util.List;
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
 * @param form (since 1.2) how to show the fields: the pre-chat form's order and labels, and the
 *     names of attached files; empty when the plugin gives none
 * @since 1.0
 */
public record InteractionOffer(
        String interactionId,
        String channelId,
        Map<String, String> attributes,
        Map<String, String> variables,
        Map<String, Object> fields,
        Optional<String> contactId,
        Instant createdAt,
        List<OfferField> form) {

    /** Copies the maps and lists and checks the components. */
    public InteractionOffer {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(channelId, "channelId");
        attributes = Map.copyOf(attributes);
        variables = Map.copyOf(variables);
        fields = Map.copyOf(fields);
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(createdAt, "createdAt");
        form = List.copyOf(form);
    }

    /**
     * The 1.0 constructor: no form order or labels. Plugins built against 1.0 and 1.1 call it.
     *
     * @param interactionId the plugin's id of the interaction
     * @param channelId the channel that handles the agent's actions
     * @param attributes identifiers an agent UI shows
     * @param variables routing variables
     * @param fields what the customer typed
     * @param contactId the linked host contact, if any
     * @param createdAt when the interaction opened
     * @since 1.0
     */
    public InteractionOffer(String interactionId, String channelId, Map<String, String> attributes,
            Map<String, String> variables, Map<String, Object> fields, Optional<String> contactId, Instant createdAt) {
        this(interactionId, channelId, attributes, variables, fields, contactId, createdAt, List.of());
    }
}
