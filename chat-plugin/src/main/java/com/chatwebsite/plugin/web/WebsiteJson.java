package com.chatwebsite.plugin.web;

import com.chatwebsite.plugin.offline.OfflineRecord;
import com.chatwebsite.plugin.offline.OutboxRelay;
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
        if (out.get("identity") instanceof Map<?, ?> identity) {
            Map<String, Object> masked = (Map<String, Object>) identity;
            masked.put("secretSet", masked.remove("secret") != null);
            masked.put("previousSecretSet", masked.remove("previousSecret") != null);
        }
        out.put("createdAt", w.createdAt().toString());
        out.put("updatedAt", w.updatedAt().toString());
        return out;
    }

    static Map<String, Object> offlineItem(OfflineRecord o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", o.id());
        out.put("kind", "offline");
        out.put("state", "offline");
        out.put("disposition", "Offline");
        out.put("fields", o.fields());
        out.put("contactId", o.contactId().orElse(null));
        out.put("sessionId", o.sessionId().orElse(null));
        out.put("createdAt", o.createdAt().toString());
        out.put("closedAt", null);
        out.put("deliveries", o.deliveries().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("handler", d.handlerId());
            m.put("state", d.state().equals("done") ? "delivered" : OutboxRelay.failing(d.attempts()) ? "failing"
                    : "pending");
            m.put("attempts", d.attempts());
            m.put("lastError", d.lastError().orElse(null));
            m.put("nextAttemptAt", d.state().equals("done") ? null : d.nextAttemptAt().toString());
            m.put("deliveredAt", d.deliveredAt().map(Object::toString).orElse(null));
            return m;
        }).toList());
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
