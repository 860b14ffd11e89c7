package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.host.ExtensionLookup;
import com.chatwebsite.plugin.form.seed.SeedFieldTypes;
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
 * The form field types in use: this plugin's seed types first, then those other started plugins
 * contribute. Looked up at each use and never kept, so a stopped plugin's types disappear and its
 * class loader can go.
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
     * The types available now, by name. On a clash of names the first wins (the seed types, then
     * plugins in start order); the others are logged once.
     *
     * @return name to type, in the order a builder lists them
     */
    public Map<String, FormFieldType> current() {
        Map<String, FormFieldType> out = new LinkedHashMap<>();
        for (FormFieldType t : own) {
            out.put(t.name(), t);
        }
        List<FormFieldType> others;
        try {
            others = contributed.get();
        } catch (RuntimeException e) {
            LOG.warn("the contributed form field types cannot be listed", e);
            return out;
        }
        for (FormFieldType t : others) {
            String name;
            try {
                name = t.name();
            } catch (Throwable e) {
                warnOnce(t.getClass().getName(), "the form field type {} has no name and is left out", e);
                continue;
            }
            FormFieldType first = out.get(name);
            if (first == null && name != null && NAME.matcher(name).matches()) {
                out.put(name, t);
            } else if (first == null) {
                warnOnce(t.getClass().getName(), "the form field type {} has an invalid name and is left out", null);
            } else if (first.getClass() != t.getClass() && !isSeed(t)) {
                warnOnce(t.getClass().getName(), "the form field type {} has the name of one already registered and "
                        + "is left out", null);
            }
        }
        return out;
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

    private boolean isSeed(FormFieldType t) {
        return t.getClass().getClassLoader() == FieldTypes.class.getClassLoader();
    }

    private void warnOnce(String className, String message, Throwable e) {
        if (warned.size() < MAX_WARNED && warned.add(className + message)) {
            LOG.warn(message, className, e);
        }
    }
}
