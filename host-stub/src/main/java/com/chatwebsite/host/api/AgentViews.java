package com.chatwebsite.host.api;

import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.host.InteractionOffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Interactions as the agent API and the agent's event stream show them. */
public final class AgentViews {

    private AgentViews() {
    }

    /**
     * One interaction.
     *
     * @param o the offer
     * @param assigned whether the agent holds it
     * @param contacts to show the linked contact's fields
     * @return {@code {"id","sessionId","websiteId",...,"state","fields","variables","contact"}}
     */
    public static Map<String, Object> interaction(InteractionOffer o, boolean assigned, ContactManager contacts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", o.interactionId());
        out.put("channel", o.channelId());
        out.putAll(o.attributes());
        out.put("state", assigned ? "active" : "waiting");
        out.put("fields", o.fields());
        out.put("variables", o.variables());
        out.put("contact", o.contactId().map(id -> contacts.findById(id)
                .map(c -> (Map<String, Object>) Map.<String, Object>of("id", c.id(), "fields", c.fields()))
                .orElse(Map.of("id", id))).orElse(null));
        out.put("createdAt", o.createdAt().toString());
        return out;
    }
}
