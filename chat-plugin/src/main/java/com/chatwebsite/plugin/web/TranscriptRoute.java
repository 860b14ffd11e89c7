package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import com.chatwebsite.plugin.PluginRuntime;
import com.chatwebsite.plugin.settings.SettingsValidator;
import com.chatwebsite.plugin.transcript.TranscriptRecord;
import com.chatwebsite.plugin.website.Website;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /widget/{key}/sessions/{sessionId}/transcript {"email":"…"}}: the customer asks for the
 * ended chat's transcript by e-mail. The session's token first (another chat's token: {@code 404}),
 * then the body ({@code 400} naming {@code email}), then the abuse limits; {@code 409} while the chat
 * is open; {@code 202} once the request is stored (the mail follows through the outbox).
 */
final class TranscriptRoute {

    private static final int MAX_EMAIL = 254;

    private final ChatWebsitePlugin plugin;

    TranscriptRoute(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    WebResponse request(WebRequest r, Website w) {
        PluginRuntime rt = plugin.runtime();
        String sessionId = rt.lookup().verify(w.id(), r.pathParam("sessionId"),
                WidgetRoutes.token(r).orElse(""));
        Map<String, Object> body = Routes.object(r);
        for (String key : body.keySet()) {
            if (!key.equals("email")) {
                throw Problem.field(key, "unknown", "A transcript request takes only email.");
            }
        }
        if (!(body.get("email") instanceof String raw) || raw.isBlank()) {
            throw Problem.field("email", "required", "email must be the address to send the transcript to.");
        }
        String email = raw.strip();
        if (email.length() > MAX_EMAIL || !SettingsValidator.isEmail(email)) {
            throw Problem.field("email", "email", "email must be a valid e-mail address.");
        }
        new AbuseGuard(rt.limiter()).admitTranscript(r, w, sessionId);
        TranscriptRecord t = rt.transcripts().request(sessionId, email);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transcriptId", t.id());
        out.put("email", t.email());
        out.put("state", t.state().equals("done") ? "sent" : "pending");
        return Json.response(202, out);
    }
}
