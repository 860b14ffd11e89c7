package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldProperties;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.MappingTarget;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.plugin.form.seed.AttachmentFieldType;
import com.chatwebsite.plugin.settings.TextRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The form builder's check of a definition: the properties every field has ({@code type},
 * {@code name}, {@code label}, {@code required}, {@code mapTo}) here, the rest by each field's
 * {@link FormFieldType}. Every problem is reported with its path, such as {@code sections[2].options}.
 */
public final class FormDefinitionParser {

    /** Attachments accept these when the admin names none. */
    public static final String DEFAULT_ACCEPT = AttachmentFieldType.DEFAULT_ACCEPT;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final int MAX_SECTIONS = 100;

    private final Set<String> contactFields;
    private final Map<String, FormFieldType> types;
    private final boolean tolerant;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> problems = new ArrayList<>();
    private Map<String, List<String>> typesByKey;

    private FormDefinitionParser(Set<String> contactFields, Map<String, FormFieldType> types, boolean tolerant) {
        this.contactFields = contactFields;
        this.types = types;
        this.tolerant = tolerant;
    }

    /**
     * The outcome.
     *
     * @param form the form, when valid
     * @param errors what is wrong
     */
    public record Parsed(Optional<FormDefinition> form, List<FieldError> errors) {
    }

    /**
     * Checks a definition an admin sends: every section's type must be available.
     *
     * @param input {@code {"sections":[...]}} as maps
     * @param contactFields the Contact Manager's field names, the allowed contact targets
     * @param types the available field types by name
     * @return the form or the errors
     */
    public static Parsed parse(Map<String, Object> input, Set<String> contactFields, Map<String, FormFieldType> types) {
        return new FormDefinitionParser(contactFields, types, false).run(input);
    }

    /**
     * Reads a stored definition: a section whose type is not available is kept as stored and named
     * in {@link FormDefinition#problems()}; any other problem is an error.
     *
     * @param stored the stored definition
     * @param contactFields the Contact Manager's field names
     * @param types the available field types by name
     * @return the form or the errors
     */
    public static Parsed read(Map<String, Object> stored, Set<String> contactFields, Map<String, FormFieldType> types) {
        return new FormDefinitionParser(contactFields, types, true).run(stored);
    }

    private Parsed run(Map<String, Object> input) {
        for (String key : input.keySet()) {
            if (!key.equals("sections")) {
                errors.add(new FieldError(key, "unknown", "A form has only sections."));
            }
        }
        if (!(input.get("sections") instanceof List<?> list)) {
            errors.add(new FieldError("sections", "required", "sections must be a list of fields."));
            return new Parsed(Optional.empty(), errors);
        }
        if (list.size() > MAX_SECTIONS) {
            errors.add(new FieldError("sections", "max", "A form has at most " + MAX_SECTIONS + " sections."));
            return new Parsed(Optional.empty(), errors);
        }
        List<FormField> fields = new ArrayList<>();
        List<Map<String, Object>> stored = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> contactTargets = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "sections[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                errors.add(new FieldError(at, "object", "Each section must be an object."));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) raw;
            Object typeName = section.get("type");
            if (tolerant && typeName instanceof String t && TYPE_NAME.matcher(t).matches() && !types.containsKey(t)) {
                problems.add(new FieldError(at + ".type", "fieldType", "The field type " + t + " is not installed: no "
                        + "started plugin contributes it. The widget leaves this field out until the plugin that adds "
                        + "it is started again; or remove the field."));
                stored.add(section);
                continue;
            }
            FormField f = field(at, section);
            if (f == null) {
                continue;
            }
            if (f.control().takesValue() && !names.add(f.name())) {
                errors.add(new FieldError(at + ".name", "unique", "Another field is already named " + f.name() + "."));
            }
            if (f.mapTo().isPresent() && f.mapTo().get().toContact()) {
                String previous = contactTargets.putIfAbsent(f.mapTo().get().target(), f.name());
                if (previous != null) {
                    errors.add(new FieldError(at + ".mapTo", "unique", "The contact field " + f.mapTo().get().target()
                            + " is already filled by " + previous + "."));
                }
            }
            fields.add(f);
            stored.add(f.toMap());
        }
        return errors.isEmpty() ? new Parsed(Optional.of(new FormDefinition(fields, stored, problems)), List.of())
                : new Parsed(Optional.empty(), List.copyOf(errors));
    }

    private FormField field(String at, Map<String, Object> s) {
        Object typeName = s.get("type");
        FormFieldType type = typeName instanceof String n ? types.get(n) : null;
        if (type == null) {
            errors.add(new FieldError(at + ".type", "oneOf", "type must be one of " + String.join(", ", types.keySet())
                    + (typeName instanceof String n && TYPE_NAME.matcher(n).matches()
                            ? " (no started plugin contributes " + n + ")." : ".")));
            return null;
        }
        String t = (String) typeName;
        try {
            return field(at, s, t, type);
        } catch (FieldTypeFailure e) {
            errors.add(new FieldError(at + ".type", "fieldType", "The field type " + t + " failed to check this field; "
                    + "the host's log says why."));
            return null;
        }
    }

    private FormField field(String at, Map<String, Object> s, String t, FormFieldType type) {
        int before = errors.size();
        WidgetControl control = FieldTypeFailure.call(type, t, type::control);
        Set<MappingTarget> targets = FieldTypeFailure.call(type, t, type::mappingTargets);
        Set<String> ownKeys = keys(FieldTypeFailure.call(type, t, type::properties));
        Map<String, Object> own = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : s.entrySet()) {
            String key = e.getKey();
            if (ownKeys.contains(key)) {
                own.put(key, e.getValue());
            } else if (!FieldProperties.COMMON_KEYS.contains(key)) {
                List<String> having = typesHaving(key);
                errors.add(having.isEmpty() ? new FieldError(at + "." + key, "unknown", "A field has no setting " + key
                        + ".") : new FieldError(at + "." + key, "unexpected", "Only " + String.join(", ", having)
                        + " fields have " + key + "."));
            }
        }
        boolean value = control.takesValue();
        String name = "";
        if (value) {
            if (!(s.get("name") instanceof String n) || !NAME.matcher(n).matches()) {
                errors.add(new FieldError(at + ".name", "name", "name must start with a letter and hold only letters, "
                        + "digits and _ (at most 64)."));
            } else {
                name = n;
            }
        } else if (s.containsKey("name")) {
            errors.add(new FieldError(at + ".name", "unexpected", "A " + t + " takes no value: it has no name."));
        }
        String label = label(at, s.get("label"), !value || control == WidgetControl.CHECKBOX);
        Object requiredRaw = s.getOrDefault("required", false);
        boolean required = Boolean.TRUE.equals(requiredRaw);
        if (!(requiredRaw instanceof Boolean) || (!value && required)) {
            errors.add(new FieldError(at + ".required", "boolean", "required must be true or false (false for a " + t
                    + ")."));
        }
        FormFieldDefinition common = new FormFieldDefinition(t, name, label == null ? "" : label, required, Map.of());
        DefinitionCheck checked = FieldTypeFailure.call(type, t, () -> type.checkDefinition(
                java.util.Collections.unmodifiableMap(own), common));
        for (FieldError e : checked.errors()) {
            errors.add(new FieldError(e.field().isEmpty() ? at : at + "." + e.field(), e.rule(), e.message()));
        }
        if (checked.isValid() && (!ownKeys.containsAll(checked.properties().keySet())
                || !checked.properties().values().stream().allMatch(FormDefinitionParser::jsonLike))) {
            throw FieldTypeFailure.broken(type, t, "checkDefinition returned properties that are not its own JSON values");
        }
        Optional<FieldMapping> mapTo = mapping(at, t, targets, s.get("mapTo"));
        if (errors.size() != before) {
            return null;
        }
        FormFieldDefinition definition = new FormFieldDefinition(t, name, label, required, checked.properties());
        Map<String, String> attributes = attributes(FieldTypeFailure.call(type, t,
                () -> type.widgetAttributes(definition)));
        Optional<AcceptSpec> accept = Optional.empty();
        if (control == WidgetControl.FILE) {
            String spec = attributes.getOrDefault("accept", DEFAULT_ACCEPT);
            accept = Optional.of(FieldTypeFailure.call(type, t, () -> AcceptSpec.parse(spec)));
        }
        return new FormField(t, control, name, label, required, checked.properties(), attributes, accept, mapTo);
    }

    private String label(String at, Object raw, boolean prose) {
        String label = raw instanceof String l ? l.strip() : "";
        int max = prose ? 4_000 : 500;
        if (label.isEmpty() || label.length() > max) {
            errors.add(new FieldError(at + ".label", "required", "label must be 1 to " + max + " characters."));
            return null;
        }
        Optional<FieldError> unsafe = prose ? TextRules.multiline(at + ".label", "label", (String) raw)
                : TextRules.line(at + ".label", "label", (String) raw);
        unsafe.ifPresent(errors::add);
        return unsafe.isPresent() ? null : label;
    }

    private Optional<FieldMapping> mapping(String at, String t, Set<MappingTarget> targets, Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (targets.isEmpty()) {
            errors.add(new FieldError(at + ".mapTo", "unexpected", "A " + t + " cannot be mapped."));
            return Optional.empty();
        }
        if (raw instanceof Map<?, ?> m && m.size() == 1) {
            if (m.get("contact") instanceof String field && targets.contains(MappingTarget.CONTACT_FIELD)) {
                if (contactFields.contains(field)) {
                    return Optional.of(new FieldMapping(true, field));
                }
                errors.add(new FieldError(at + ".mapTo", "contactField", "The Contact Manager has no field " + field
                        + "; use one of " + new TreeSet<>(contactFields) + "."));
                return Optional.empty();
            }
            if (m.get("variable") instanceof String variable && targets.contains(MappingTarget.ROUTING_VARIABLE)
                    && NAME.matcher(variable).matches()) {
                return Optional.of(new FieldMapping(false, variable));
            }
        }
        List<String> forms = new ArrayList<>();
        if (targets.contains(MappingTarget.CONTACT_FIELD)) {
            forms.add("{\"contact\":\"<field>\"}");
        }
        if (targets.contains(MappingTarget.ROUTING_VARIABLE)) {
            forms.add("{\"variable\":\"<name>\"}");
        }
        errors.add(new FieldError(at + ".mapTo", "mapTo", "mapTo of a " + t + " must be " + String.join(" or ", forms)
                + "."));
        return Optional.empty();
    }

    /** The documented widget attributes a type gave, others dropped. */
    private static Map<String, String> attributes(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (FieldProperties.WIDGET_ATTRIBUTES.contains(k) && v != null && v.length() <= 2_000
                    && (!k.equals("inputType") || FieldProperties.INPUT_TYPES.contains(v))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The top-level keys of a type's descriptors ({@code a.b} is the object {@code a}). */
    private static Set<String> keys(List<SettingDescriptor> descriptors) {
        Set<String> out = new HashSet<>();
        for (SettingDescriptor d : descriptors) {
            String top = d.key().split("\\.", 2)[0];
            if (!FieldProperties.COMMON_KEYS.contains(top)) {
                out.add(top);
            }
        }
        return out;
    }

    private List<String> typesHaving(String key) {
        if (typesByKey == null) {
            typesByKey = new HashMap<>();
            types.forEach((name, type) -> {
                try {
                    for (String k : keys(type.properties())) {
                        typesByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(name);
                    }
                } catch (Throwable e) {
                    // a failing type is reported where a section uses it
                }
            });
        }
        return typesByKey.getOrDefault(key, List.of());
    }

    private static boolean jsonLike(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Double || v instanceof java.math.BigDecimal || v instanceof java.math.BigInteger) {
            return true;
        }
        if (v instanceof List<?> list) {
            return list.stream().allMatch(FormDefinitionParser::jsonLike);
        }
        if (v instanceof Map<?, ?> map) {
            return map.keySet().stream().allMatch(String.class::isInstance)
                    && map.values().stream().allMatch(FormDefinitionParser::jsonLike);
        }
        return false;
    }
}
