package com.chatwebsite.plugin.web;

import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.website.Website;
import java.util.LinkedHashMap;
import java.util.Map;

/** Websites and sessions as the admin API shows them; secrets never leave. */
final class WebsiteJson {

    private WebsiteJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> website(Website w) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", w.id());
        out.put("key", w.key());
        w.settings().forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : v));
        if (out.get("videoCall") instanceof Map<?, ?> video) {
            Map<String, Object> masked = (Map<String, Object>) video;
            boolean set = masked.remove("apiKey") != null;
            masked.put("apiKeySet", set);
        }
        out.put("createdAt", w.createdAt().toString());
        out.put("updatedAt", w.updatedAt().toString());
        return out;
    }

    static Map<String, Object> supervisorItem(ChatSession s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("kind", "chat");
        out.put("state", s.state().wire());
        out.put("disposition", s.disposition().orElse(null));
        out.put("fields", s.fields());
        out.put("variables", s.variables());
        out.put("contactId", s.contactId().orElse(null));
        out.put("agent", s.agent().orElse(null));
        out.put("page", s.page().orElse(null));
        out.put("createdAt", s.createdAt().toString());
        out.put("acceptedAt", s.acceptedAt().map(Object::toString).orElse(null));
        out.put("closedAt", s.closedAt().map(Object::toString).orElse(null));
        return out;
    }
}
