package com.chatwebsite.host.api;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.mail.HostMailService;
import com.chatwebsite.host.settings.JdbcHostSettings;
import com.chatwebsite.host.web.HostJson;
import com.chatwebsite.host.web.HttpError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The host's own endpoints for the admin: settings, contacts and mail ({@link PluginEndpoints}: plugins). */
public final class AdminEndpoints {

    private final JdbcHostSettings settings;
    private final ContactManager contacts;
    private final HostMailService mail;

    public AdminEndpoints(JdbcHostSettings settings, ContactManager contacts, HostMailService mail) {
        this.settings = settings;
        this.contacts = contacts;
        this.mail = mail;
    }

    public List<WebRoute> routes() {
        return List.of(
                WebRoute.of("GET", "/api/settings", RouteAccess.ADMIN, r -> HostJson.response(200, settings.asJson())),
                new WebRoute("PUT", "/api/settings", RouteAccess.ADMIN, 16 * 1024, this::putSettings),
                WebRoute.of("GET", "/api/contacts", RouteAccess.ADMIN, this::findContacts),
                WebRoute.of("GET", "/api/interactions", RouteAccess.ADMIN, this::interactions));
    }

    private WebResponse putSettings(WebRequest request) {
        Map<String, Object> values = HostJson.readObject(request);
        List<FieldError> errors = settings.validate(values);
        if (!errors.isEmpty()) {
            throw new HttpError(400, "invalid_settings", "Some settings are not valid.", errors);
        }
        settings.save(values);
        return HostJson.response(200, settings.asJson());
    }

    private WebResponse findContacts(WebRequest request) {
        String field = request.query("field").orElse("email");
        String value = request.query("value").orElseThrow(() -> new HttpError(400, "missing_parameter",
                "Give the value to match as ?value=.", List.of(new FieldError("value", "required",
                        "The value to match is required."))));
        if (contacts.fields().stream().noneMatch(f -> f.name().equals(field))) {
            throw new HttpError(400, "unknown_field", "There is no contact field " + field + ".",
                    List.of(new FieldError("field", "oneOf", "Use one of the Contact Manager's fields.")));
        }
        List<Map<String, Object>> out = contacts.findByField(field, value).stream()
                .map(AdminEndpoints::contactJson).toList();
        return HostJson.response(200, out);
    }

    static Map<String, Object> contactJson(Contact c) {
        return Map.of("id", c.id(), "fields", c.fields());
    }

    private WebResponse interactions(WebRequest request) {
        String channel = request.query("channel").orElse("mail");
        if (!channel.equals("mail")) {
            throw new HttpError(400, "unknown_channel", "The host lists interactions of the mail channel only.",
                    List.of(new FieldError("channel", "oneOf", "Use channel=mail.")));
        }
        List<Map<String, Object>> out = mail.interactions().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("channel", "mail");
            m.put("messageId", i.messageId());
            m.put("from", i.from());
            m.put("to", i.to());
            m.put("subject", i.subject());
            m.put("body", i.body());
            m.put("createdAt", i.createdAt().toString());
            m.put("attachments", i.attachments().stream().map(a -> Map.of("name", a.fileName(),
                    "contentType", a.contentType(), "size", a.size())).toList());
            return m;
        }).toList();
        return HostJson.response(200, out);
    }
}
