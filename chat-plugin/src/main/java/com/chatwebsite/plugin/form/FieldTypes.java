package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.FieldProperties;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.host.ExtensionLookup;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.plugin.form.seed.SeedFieldTypes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The form field types in use: those the started plugins contribute (this one's seed types among
 * them), by the rules of the host's catalogue. Looked up at each use and never kept, so a stopped
 * plugin's types disappear and its class loader can go.
 */
public final class FieldTypes {

    private static final Logger LOG = LoggerFactory.getLogger(FieldTypes.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final int MAX_WARNED = 1_000;

    private final List<FormFieldType> own;
    private final Supplier<List<FormFieldType>> contributed;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * The registry of a running plugin.
     *
     * @param lookup the host's extension lookup
     */
    public FieldTypes(ExtensionLookup lookup) {
        this(SeedFieldTypes.all(), () -> lookup.find(FormFieldType.class));
    }

    private FieldTypes(List<FormFieldType> own, Supplier<List<FormFieldType>> contributed) {
        this.own = List.copyOf(own);
        this.contributed = contributed;
    }

    /**
     * A registry of fixed types, for tests and tools.
     *
     * @param types the types
     * @return the registry
     */
    public static FieldTypes of(List<FormFieldType> types) {
        return new FieldTypes(types, List::of);
    }

    /**
     * The seed types only.
     *
     * @return the registry
     */
    public static FieldTypes seed() {
        return of(SeedFieldTypes.all());
    }

    /**
     * The types available now, by name, in lookup order (plugin start order, then extension
     * ordinal), as the host's catalogue lists them. When two types have one name the first wins,
     * even if it is then left out for breaking the extension point's rules (its name, a property key
     * the builder owns, a key twice); the others are logged once. This plugin's seed types fill in
     * names nobody took (while it starts, before the host lists its extensions).
     *
     * @return name to type, in the order a builder lists them
     */
    public Map<String, FormFieldType> current() {
        Map<String, FormFieldType> out = new LinkedHashMap<>();
        Set<String> claimed = new HashSet<>();
        List<FormFieldType> found;
        try {
            found = contributed.get();
        } catch (RuntimeException e) {
            LOG.warn("the contributed form field types cannot be listed", e);
            found = List.of();
        }
        for (FormFieldType t : found) {
            String name;
            try {
                name = t.name();
            } catch (Throwable e) {
                warnOnce(t, "has no name", e);
                continue;
            }
            if (name == null || !NAME.matcher(name).matches()) {
                warnOnce(t, "has an invalid name", null);
            } else if (!claimed.add(name)) {
                warnOnce(t, "has the name " + name + " of a type listed before it", null);
            } else if (usable(t)) {
                out.put(name, t);
            }
        }
        for (FormFieldType t : own) {
            if (claimed.add(t.name())) {
                out.put(t.name(), t);
            }
        }
        return out;
    }

    /** Whether a type's control and properties follow the extension point's rules. */
    private boolean usable(FormFieldType t) {
        try {
            if (t.control() == null) {
                warnOnce(t, "has no control", null);
                return false;
            }
            Set<String> keys = new HashSet<>();
            for (SettingDescriptor d : t.properties()) {
                if (FieldProperties.COMMON_KEYS.contains(d.key().split("\\.", 2)[0]) || !keys.add(d.key())) {
                    warnOnce(t, "has the property " + d.key() + " twice or one the builder owns", null);
                    return false;
                }
            }
            return true;
        } catch (Throwable e) {
            warnOnce(t, "fails", e);
            return false;
        }
    }

    /**
     * A text that changes whenever the available types do (one stopped, started or reloaded).
     *
     * @param types the types from {@link #current()}
     * @return the signature
     */
    public static String signature(Map<String, FormFieldType> types) {
        StringBuilder out = new StringBuilder();
        types.forEach((name, t) -> out.append(name).append('@').append(System.identityHashCode(t)).append(' '));
        return out.toString();
    }

    private void warnOnce(FormFieldType t, String problem, Throwable e) {
        String className = t.getClass().getName();
        if (warned.size() < MAX_WARNED && warned.add(className + '@' + System.identityHashCode(t.getClass()) + problem)) {
            LOG.warn("the form field type {} {} and is left out", className, problem, e);
        }
    }
}
