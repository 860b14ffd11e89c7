package com.chatwebsite.host.api;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.OfferField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

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
     * @return {@code {"id","sessionId","websiteId",...,"state","fields","variables","contact","form"}}
     */
    public static Map<String, Object> interaction(InteractionOffer o, boolean assigned, ContactManager contacts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", o.interactionId());
        out.put("channel", o.channelId());
        out.putAll(o.attributes());
        out.put("state", assigned ? "active" : "waiting");
        out.put("fields", o.fields());
        out.put("variables", o.variables());
        out.put("contact", o.contactId().map(id -> contacts.findById(id).map(AgentViews::contact)
                .orElse(Map.of("id", id))).orElse(null));
        out.put("createdAt", o.createdAt().toString());
        out.put("form", form(o));
        return out;
    }

    /** {@code {"id","name","fields"}}: the name from first and last name, else the e-mail, else absent. */
    private static Map<String, Object> contact(Contact c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        displayName(c.fields()).ifPresent(n -> out.put("name", n));
        out.put("fields", c.fields());
        return out;
    }

    static Optional<String> displayName(Map<String, String> fields) {
        String name = String.join(" ", java.util.stream.Stream.of(fields.get("firstName"), fields.get("lastName"))
                .filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
        if (!name.isEmpty()) {
            return Optional.of(name);
        }
        String email = fields.get("email");
        return email == null || email.isBlank() ? Optional.empty() : Optional.of(email.strip());
    }

    /**
     * The fields in the plugin's form order with their labels, then any others by name:
     * {@code [{"name","label","value","files":[{"uploadId","name"}]}]} ({@code files} for attachments only).
     */
    private static List<Map<String, Object>> form(InteractionOffer o) {
        List<Map<String, Object>> out = new ArrayList<>();
        TreeSet<String> rest = new TreeSet<>(o.fields().keySet());
        for (OfferField f : o.form()) {
            if (rest.remove(f.name())) {
                out.add(entry(f.name(), f.label(), o.fields().get(f.name()), f.fileNames()));
            }
        }
        for (String name : rest) {
            out.add(entry(name, name, o.fields().get(name), Map.of()));
        }
        return out;
    }

    private static Map<String, Object> entry(String name, String label, Object value, Map<String, String> fileNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("label", label);
        m.put("value", value);
        if (!fileNames.isEmpty() && value instanceof List<?> ids) {
            m.put("files", ids.stream().map(String::valueOf)
                    .map(id -> Map.of("uploadId", id, "name", fileNames.getOrDefault(id, "file"))).toList());
        }
        return m;
    }
}
