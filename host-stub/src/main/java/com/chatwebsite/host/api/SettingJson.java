package com.chatwebsite.host.api;

import com.chatwebsite.api.settings.SettingDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A setting descriptor as JSON, in the shape of a plugin's settings schema, which the admin
 * page's schema form renders: {@code key, label, help, type} (lower case), {@code default} when
 * there is one, {@code options} when not empty, {@code required, secret, group, order}, and
 * {@code items} for a list of objects.
 */
final class SettingJson {

    private SettingJson() {
    }

    static Map<String, Object> of(SettingDescriptor s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", s.key());
        out.put("label", s.label());
        out.put("help", s.help());
        out.put("type", s.type().name().toLowerCase(Locale.ROOT));
        s.defaultValue().ifPresent(v -> out.put("default", v));
        if (!s.options().isEmpty()) {
            out.put("options", s.options());
        }
        out.put("required", s.required());
        out.put("secret", s.secret());
        out.put("group", s.group());
        out.put("order", s.order());
        if (!s.items().isEmpty()) {
            out.put("items", list(s.items()));
        }
        return out;
    }

    static List<Map<String, Object>> list(List<SettingDescriptor> settings) {
        return settings.stream().map(SettingJson::of).toList();
    }
}
