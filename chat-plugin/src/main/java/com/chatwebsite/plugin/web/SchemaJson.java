package com.chatwebsite.plugin.web;

import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingsSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes settings schemas as the JSON that a host UI renders. */
final class SchemaJson {

    private SchemaJson() {
    }

    static Map<String, Object> of(SettingsSchema schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", schema.id());
        out.put("title", schema.title());
        out.put("settings", settings(schema.settings()));
        return out;
    }

    private static List<Map<String, Object>> settings(List<SettingDescriptor> settings) {
        return settings.stream().map(SchemaJson::setting).toList();
    }

    private static Map<String, Object> setting(SettingDescriptor s) {
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
            out.put("items", settings(s.items()));
        }
        return out;
    }
}
