package com.chatwebsite.host.api;

import com.chatwebsite.api.form.FieldProperties;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.MappingTarget;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.host.plugins.PluginExtension;
import com.chatwebsite.host.web.HostJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The form field types the serving plugins contribute, described for the admin page's form
 * builder: each type's name, label, plugin, control, mapping targets, and the properties its
 * field editor shows (the builder's common ones first, marked {@code "common": true}).
 *
 * <p>Types come in lookup order (plugin start order, then extension ordinal). When two types
 * have one name the first wins, as in the plugin that checks forms; the others are left out even
 * when the first is left out itself. A type whose methods throw, or that breaks the extension point's
 * rules (its name, a property key the builder owns, a key twice), is left out. Both are logged
 * once per type, not on every request.
 */
public final class FieldTypeCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FieldTypeCatalog.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    /** How many distinct problems are remembered as logged before the memory starts afresh. */
    private static final int MAX_REMEMBERED = 1_000;

    private final Supplier<List<PluginExtension<FormFieldType>>> types;
    private final ContactManager contacts;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /**
     * The catalogue.
     *
     * @param types the serving plugins' field types, in lookup order, read on each request
     * @param contacts the Contact Manager, whose field names a contact mapping offers
     */
    public FieldTypeCatalog(Supplier<List<PluginExtension<FormFieldType>>> types, ContactManager contacts) {
        this.types = types;
        this.contacts = contacts;
    }

    /**
     * The types as JSON, one object each.
     *
     * @return the described types, in lookup order
     */
    public List<JsonNode> describe() {
        List<String> contactFields = contacts.fields().stream().map(ContactField::name).toList();
        Map<String, String> owners = new HashMap<>();
        List<JsonNode> out = new ArrayList<>();
        for (PluginExtension<FormFieldType> c : types.get()) {
            String name;
            try {
                name = c.extension().name();
                if (name == null || !NAME.matcher(name).matches()) {
                    throw new IllegalStateException("its name " + name + " does not match " + NAME);
                }
            } catch (Throwable e) {
                leftOut(c, "?", e);
                continue;
            }
            String first = owners.putIfAbsent(name, c.pluginId());
            if (first != null) {
                once(c, name + " clash", () -> LOG.warn("form field type {} of plugin {} ({}) is left out: plugin {} "
                        + "contributes that name first", name, c.pluginId(), c.extension().getClass().getName(), first));
                continue;
            }
            try {
                out.add(HostJson.MAPPER.valueToTree(type(c, name, contactFields)));
            } catch (Throwable e) {
                leftOut(c, name, e);
            }
        }
        return out;
    }

    private static Map<String, Object> type(PluginExtension<FormFieldType> c, String name, List<String> contactFields) {
        FormFieldType type = c.extension();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("label", Objects.requireNonNull(type.label(), "label()"));
        out.put("plugin", c.pluginId());
        WidgetControl control = Objects.requireNonNull(type.control(), "control()");
        out.put("control", control.name().toLowerCase(Locale.ROOT));
        out.put("mappingTargets", targets(Objects.requireNonNull(type.mappingTargets(), "mappingTargets()")));
        out.put("properties", properties(FieldProperties.common(type, contactFields),
                Objects.requireNonNull(type.properties(), "properties()")));
        return out;
    }

    private static List<String> targets(Set<MappingTarget> targets) {
        List<String> out = new ArrayList<>();
        for (MappingTarget t : MappingTarget.values()) {
            if (targets.contains(t)) {
                out.add(switch (t) {
                    case CONTACT_FIELD -> "contact";
                    case ROUTING_VARIABLE -> "variable";
                });
            }
        }
        return out;
    }

    private static List<Map<String, Object>> properties(List<SettingDescriptor> common, List<SettingDescriptor> own) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SettingDescriptor s : common) {
            keys.add(s.key());
            Map<String, Object> json = SettingJson.of(s);
            json.put("common", true);
            out.add(json);
        }
        for (SettingDescriptor s : own) {
            String top = s.key().split("\\.", 2)[0];
            if (FieldProperties.COMMON_KEYS.contains(top)) {
                throw new IllegalStateException("its property " + s.key() + " is one the builder owns");
            }
            if (!keys.add(s.key())) {
                throw new IllegalStateException("it has the property " + s.key() + " twice");
            }
            out.add(SettingJson.of(s));
        }
        return out;
    }

    private void leftOut(PluginExtension<FormFieldType> c, String name, Throwable e) {
        once(c, name + " " + e.getClass().getName(), () -> LOG.warn("form field type {} of plugin {} ({}) is left out "
                + "of the catalogue: {}", name, c.pluginId(), c.extension().getClass().getName(), e.toString(), e));
    }

    /** Runs a log statement the first time a problem of this type's class (this load of it) is met. */
    private void once(PluginExtension<FormFieldType> c, String problem, Runnable log) {
        Class<?> type = c.extension().getClass();
        String key = c.pluginId() + '/' + type.getName() + '@' + System.identityHashCode(type) + ' ' + problem;
        if (logged.size() > MAX_REMEMBERED) {
            logged.clear();
        }
        if (logged.add(key)) {
            log.run();
        }
    }
}
