package com.chatwebsite.plugin.webhook;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.settings.TextRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An endpoint as the admin sends it: {@code {"url","events":[…],"enabled","allowPrivateTargets"}}, checked
 * with one error per field at fault. The URL check here is the early one; the real check of the target
 * is made after DNS on every attempt ({@link TargetGuard}).
 *
 * @param url an absolute http or https URL without user info
 * @param events the kinds, each once
 * @param enabled default true
 * @param allowPrivateTargets default false
 */
public record WebhookInput(String url, List<WebhookEventType> events, boolean enabled, boolean allowPrivateTargets) {

    static final int MAX_URL = 2000;
    private static final Set<String> MEMBERS = Set.of("url", "events", "enabled", "allowPrivateTargets");

    public WebhookInput {
        events = List.copyOf(events);
    }

    /** The checked input, or the errors. */
    public record Checked(Optional<WebhookInput> input, List<FieldError> errors) {
    }

    /**
     * Checks a body.
     *
     * @param body the JSON object's members
     * @return the input or the errors
     */
    public static Checked check(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!MEMBERS.contains(key)) {
                errors.add(new FieldError(key, "unknown", key + " is not a webhook setting (url, events, enabled, "
                        + "allowPrivateTargets)."));
            }
        }
        boolean allowPrivate = bool(body, "allowPrivateTargets", false, errors);
        boolean enabled = bool(body, "enabled", true, errors);
        String url = url(body.get("url"), allowPrivate, errors);
        List<WebhookEventType> events = events(body.get("events"), errors);
        return errors.isEmpty() ? new Checked(Optional.of(new WebhookInput(url, events, enabled, allowPrivate)), List.of())
                : new Checked(Optional.empty(), List.copyOf(errors));
    }

    private static boolean bool(Map<String, Object> body, String name, boolean fallback, List<FieldError> errors) {
        Object v = body.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        errors.add(new FieldError(name, "boolean", name + " must be true or false."));
        return fallback;
    }

    private static String url(Object value, boolean allowPrivate, List<FieldError> errors) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(new FieldError("url", "required", "url is required: where the events are POSTed."));
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldError("url", "string", "url must be text."));
            return null;
        }
        if (s.length() > MAX_URL) {
            errors.add(new FieldError("url", "maxLength", "url must be at most " + MAX_URL + " characters."));
            return null;
        }
        Optional<FieldError> line = TextRules.line("url", "url", s);
        if (line.isPresent()) {
            errors.add(line.get());
            return null;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "url", "url must be an absolute http or https URL."));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            errors.add(new FieldError("url", "scheme", "url must start with https:// (or http://)."));
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawAuthority() == null) {
            errors.add(new FieldError("url", "url", "url must name a host, as in https://hooks.example.com/chat."));
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            errors.add(new FieldError("url", "userInfo", "url must not hold a user name or password; the signature "
                    + "authenticates the sender."));
            return null;
        }
        if (uri.getRawFragment() != null) {
            errors.add(new FieldError("url", "fragment", "url must not have a #fragment."));
            return null;
        }
        if (!allowPrivate) {
            Optional<String> why = TargetGuard.literalNotPublic(uri.getHost());
            if (why.isPresent()) {
                errors.add(new FieldError("url", "privateTarget", "url points to " + why.get()
                        + "; set allowPrivateTargets to true to allow private targets."));
                return null;
            }
        }
        return s;
    }

    private static List<WebhookEventType> events(Object value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("events", "required", "events is required: a list of event names."));
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            errors.add(new FieldError("events", "array", "events must be a list of event names."));
            return List.of();
        }
        if (list.isEmpty()) {
            errors.add(new FieldError("events", "minItems", "events must name at least one event."));
            return List.of();
        }
        Set<WebhookEventType> out = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            Optional<WebhookEventType> t = item instanceof String s ? WebhookEventType.fromWire(s) : Optional.empty();
            if (t.isEmpty()) {
                errors.add(new FieldError("events[" + i + "]", "enum", "events[" + i + "] must be one of "
                        + names() + "."));
                return List.of();
            }
            if (!out.add(t.get())) {
                errors.add(new FieldError("events[" + i + "]", "unique", "events[" + i + "] is listed twice."));
                return List.of();
            }
        }
        return List.copyOf(out);
    }

    static String names() {
        return String.join(", ", java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wire).toList());
    }
}
