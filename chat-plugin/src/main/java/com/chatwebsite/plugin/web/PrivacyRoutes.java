package com.chatwebsite.plugin.web;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import com.chatwebsite.plugin.privacy.ContactPrivacy;
import com.chatwebsite.plugin.privacy.ErasureRecord;
import com.chatwebsite.plugin.settings.TextRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin's privacy routes, by host contact id:
 * {@code GET /api/contacts?id=|email=} finds contacts in the host's Contact Manager;
 * {@code GET /api/contacts/{contactId}/export} returns what the plugin kept about one;
 * {@code POST /api/contacts/{contactId}/erasure} with {@code {"confirm":true}} erases it and returns
 * the audit record; {@code GET /api/erasures} lists the audit records.
 */
final class PrivacyRoutes {

    private static final int MAX_CONTACT_ID = 64;
    private static final int MAX_EMAIL = 320;
    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_CONTACT_ID - 1)
            + "}");
    private static final int ERASURES_SHOWN = 100;
    private static final long ERASE_BODY_LIMIT = 1024;

    private final ChatWebsitePlugin plugin;

    PrivacyRoutes(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    List<WebRoute> routes() {
        return List.of(
                WebRoute.of("GET", "/api/contacts", RouteAccess.ADMIN, Routes.guarded(this::find)),
                WebRoute.of("GET", "/api/contacts/{contactId}/export", RouteAccess.ADMIN, Routes.guarded(this::export)),
                new WebRoute("POST", "/api/contacts/{contactId}/erasure", RouteAccess.ADMIN, ERASE_BODY_LIMIT,
                        Routes.guarded(this::erase)),
                WebRoute.of("GET", "/api/erasures", RouteAccess.ADMIN, Routes.guarded(r -> Json.response(200,
                        Map.of("erasures", privacy().erasures(ERASURES_SHOWN).stream().map(ErasureRecord::toMap)
                                .toList())))));
    }

    private ContactPrivacy privacy() {
        return plugin.runtime().privacy();
    }

    private WebResponse find(WebRequest r) {
        Optional<String> id = r.query("id").filter(s -> !s.isBlank());
        Optional<String> email = r.query("email").filter(s -> !s.isBlank());
        if (id.isPresent() == email.isPresent()) {
            throw Problem.field("id", "oneOf", "Give either id or email.");
        }
        List<Contact> found;
        if (id.isPresent()) {
            found = plugin.runtime().host().contacts().findById(checkedId("id", id.get())).stream().toList();
        } else {
            String e = email.get().strip();
            if (e.length() > MAX_EMAIL || TextRules.line("email", "email", e).isPresent()) {
                throw Problem.field("email", "email", "email must be one line of at most " + MAX_EMAIL + " characters.");
            }
            try {
                found = plugin.runtime().host().contacts().findByField("email", e);
            } catch (IllegalArgumentException unknownField) {
                throw Problem.field("email", "unsupported", "The host's contacts have no email field.");
            }
        }
        return Json.response(200, Map.of("contacts", found.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("fields", c.fields());
            return m;
        }).toList()));
    }

    private WebResponse export(WebRequest r) {
        String contactId = checkedId("contactId", r.pathParam("contactId"));
        return Json.response(200, privacy().export(contactId))
                .withHeader("Content-Disposition", "attachment; filename=\"contact-export.json\"")
                .withHeader("Cache-Control", "no-store");
    }

    private WebResponse erase(WebRequest r) {
        String contactId = checkedId("contactId", r.pathParam("contactId"));
        Map<String, Object> body = Routes.object(r);
        for (String key : body.keySet()) {
            if (!key.equals("confirm") && !key.equals("contact")) {
                throw Problem.field(key, "unknown", "An erasure takes only confirm and contact.");
            }
        }
        if (!Boolean.TRUE.equals(body.get("confirm"))) {
            throw Problem.field("confirm", "const", "confirm must be true: the erasure cannot be undone.");
        }
        Object contact = body.getOrDefault("contact", false);
        if (!(contact instanceof Boolean contactToo)) {
            throw Problem.field("contact", "boolean", "contact must be true (erase the contact too) or false.");
        }
        String admin = r.caller().map(c -> c.name()).orElse("admin");
        try {
            return Json.response(200, privacy().erase(contactId, admin, contactToo).toMap());
        } catch (UnsupportedOperationException e) {
            throw new Problem(409, "contact_erasure_unsupported", "This host erases contacts in its own tools; "
                    + "nothing was erased. Erase without contact, then erase the contact there.",
                    List.of(new FieldError("contact", "supported", "This host does not erase contacts for plugins.")));
        }
    }

    /** A host contact id: letters, digits and {@code . _ : -}, starting with a letter or digit. */
    private static String checkedId(String name, String raw) {
        if (raw == null || !CONTACT_ID.matcher(raw).matches() || raw.contains("..")) {
            throw Problem.field(name, "contactId", name + " must be a contact id: 1 to " + MAX_CONTACT_ID
                    + " letters, digits and . _ : - starting with a letter or digit.");
        }
        return raw;
    }
}
