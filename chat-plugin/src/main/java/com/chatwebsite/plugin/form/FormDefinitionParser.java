package com.chatwebsite.plugin.form;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.settings.TextRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a form definition an admin sends: types, unique names, options, accepted file types,
 * defaults and mapping targets. Every problem is reported with its path, such as
 * {@code sections[2].options}.
 */
public final class FormDefinitionParser {

    /** Attachments accept these when the admin names none. */
    public static final String DEFAULT_ACCEPT = ".pdf,.txt,image/png,image/jpeg,image/gif,image/webp";

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Set<String> INPUT_TYPES = Set.of("text", "number", "email");
    private static final Set<String> KEYS = Set.of("type", "name", "label", "required", "inputType", "options",
            "default", "accept", "mapTo");
    private static final int MAX_SECTIONS = 100;
    private static final int MAX_OPTIONS = 100;

    private FormDefinitionParser() {
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
     * Parses and checks a definition.
     *
     * @param input {@code {"sections":[...]}} as maps
     * @param contactFields the Contact Manager's field names, the allowed contact targets
     * @return the form or the errors
     */
    public static Parsed parse(Map<String, Object> input, Set<String> contactFields) {
        List<FieldError> errors = new ArrayList<>();
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
            FormField f = field(at, section, contactFields, errors);
            if (f == null) {
                continue;
            }
            if (f.type() != FieldType.LABEL && !names.add(f.name())) {
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
        }
        return errors.isEmpty() ? new Parsed(Optional.of(new FormDefinition(fields)), List.of())
                : new Parsed(Optional.empty(), List.copyOf(errors));
    }

    private static FormField field(String at, Map<String, Object> s, Set<String> contactFields,
            List<FieldError> errors) {
        int before = errors.size();
        for (String key : s.keySet()) {
            if (!KEYS.contains(key)) {
                errors.add(new FieldError(at + "." + key, "unknown", "A field has no setting " + key + "."));
            }
        }
        Optional<FieldType> type = FieldType.fromWire(s.get("type"));
        if (type.isEmpty()) {
            errors.add(new FieldError(at + ".type", "oneOf", "type must be one of label, select, input, textarea, "
                    + "radio, checkboxes, agreement, attachment."));
            return null;
        }
        FieldType t = type.get();
        String name = "";
        if (t != FieldType.LABEL) {
            if (!(s.get("name") instanceof String n) || !NAME.matcher(n).matches()) {
                errors.add(new FieldError(at + ".name", "name", "name must start with a letter and hold only letters, "
                        + "digits and _ (at most 64)."));
            } else {
                name = n;
            }
        } else if (s.containsKey("name") || s.containsKey("mapTo") || s.containsKey("default")) {
            errors.add(new FieldError(at, "label", "A label has only a text: no name, default or mapping."));
        }
        String label = s.get("label") instanceof String l ? l.strip() : "";
        int maxLabel = t == FieldType.LABEL || t == FieldType.AGREEMENT ? 4_000 : 500;
        if (label.isEmpty() || label.length() > maxLabel) {
            errors.add(new FieldError(at + ".label", "required", "label must be 1 to " + maxLabel + " characters."));
        } else {
            String rawLabel = (String) s.get("label");
            boolean prose = t == FieldType.LABEL || t == FieldType.AGREEMENT;
            (prose ? TextRules.multiline(at + ".label", "label", rawLabel) : TextRules.line(at + ".label", "label",
                    rawLabel)).ifPresent(errors::add);
        }
        Object requiredRaw = s.getOrDefault("required", false);
        boolean required = Boolean.TRUE.equals(requiredRaw);
        if (!(requiredRaw instanceof Boolean) || (t == FieldType.LABEL && required)) {
            errors.add(new FieldError(at + ".required", "boolean", "required must be true or false (false for a label)."));
        }
        Optional<String> inputType = Optional.empty();
        if (t == FieldType.INPUT) {
            Object it = s.getOrDefault("inputType", "text");
            if (!INPUT_TYPES.contains(it)) {
                errors.add(new FieldError(at + ".inputType", "oneOf", "inputType must be text, number or email."));
            } else {
                inputType = Optional.of((String) it);
            }
        } else if (s.containsKey("inputType")) {
            errors.add(new FieldError(at + ".inputType", "unexpected", "Only inputs have an inputType."));
        }
        List<String> options = options(at, t, s.get("options"), errors);
        Optional<AcceptSpec> accept = Optional.empty();
        if (t == FieldType.ATTACHMENT) {
            Object raw = s.getOrDefault("accept", DEFAULT_ACCEPT);
            try {
                accept = Optional.of(AcceptSpec.parse(String.valueOf(raw)));
                if (!(raw instanceof String)) {
                    throw new IllegalArgumentException("accept must be text such as .pdf,image/*");
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + ".accept", "accept", e.getMessage()));
            }
        } else if (s.containsKey("accept")) {
            errors.add(new FieldError(at + ".accept", "unexpected", "Only attachments have accept."));
        }
        Optional<FieldMapping> mapTo = mapping(at, t, s.get("mapTo"), contactFields, errors);
        Optional<Object> defaultValue = Optional.ofNullable(s.get("default"));
        if (defaultValue.isPresent() && errors.size() == before) {
            String problem = defaultProblem(t, inputType.orElse("text"), options, defaultValue.get());
            if (problem != null) {
                errors.add(new FieldError(at + ".default", "default", problem));
            }
        }
        if (errors.size() != before) {
            return null;
        }
        return new FormField(t, name, label, required, inputType, options, defaultValue, accept, mapTo);
    }

    private static List<String> options(String at, FieldType t, Object raw, List<FieldError> errors) {
        if (!t.hasOptions()) {
            if (raw != null) {
                errors.add(new FieldError(at + ".options", "unexpected", "Only select, radio and checkboxes have options."));
            }
            return List.of();
        }
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.size() > MAX_OPTIONS) {
            errors.add(new FieldError(at + ".options", "required", "A " + t.wire() + " needs 1 to " + MAX_OPTIONS
                    + " options."));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object o : list) {
            if (!(o instanceof String option) || option.isBlank() || option.length() > 200) {
                errors.add(new FieldError(at + ".options", "string", "Options must be texts of 1 to 200 characters."));
                return List.of();
            }
            Optional<FieldError> unsafe = TextRules.line(at + ".options", "An option", option);
            if (unsafe.isPresent()) {
                errors.add(unsafe.get());
                return List.of();
            }
            if (!out.add(option.strip())) {
                errors.add(new FieldError(at + ".options", "unique", "The option " + option + " is listed twice."));
                return List.of();
            }
        }
        return List.copyOf(out);
    }

    private static Optional<FieldMapping> mapping(String at, FieldType t, Object raw, Set<String> contactFields,
            List<FieldError> errors) {
        if (raw == null) {
            return Optional.empty();
        }
        if (t == FieldType.LABEL || t == FieldType.ATTACHMENT) {
            errors.add(new FieldError(at + ".mapTo", "unexpected", "A " + t.wire() + " cannot be mapped."));
            return Optional.empty();
        }
        if (raw instanceof Map<?, ?> m && m.size() == 1) {
            if (m.get("contact") instanceof String field) {
                if (contactFields.contains(field)) {
                    return Optional.of(new FieldMapping(true, field));
                }
                errors.add(new FieldError(at + ".mapTo", "contactField", "The Contact Manager has no field " + field
                        + "; use one of " + contactFields + "."));
                return Optional.empty();
            }
            if (m.get("variable") instanceof String variable && NAME.matcher(variable).matches()) {
                return Optional.of(new FieldMapping(false, variable));
            }
        }
        errors.add(new FieldError(at + ".mapTo", "mapTo", "mapTo must be {\"contact\":\"<field>\"} or "
                + "{\"variable\":\"<name>\"}."));
        return Optional.empty();
    }

    private static String defaultProblem(FieldType t, String inputType, List<String> options, Object value) {
        switch (t) {
            case INPUT, TEXTAREA -> {
                if (t == FieldType.INPUT && inputType.equals("number")) {
                    return value instanceof Number ? null : "The default of a number must be a number.";
                }
                if (!(value instanceof String text)) {
                    return "The default must be text.";
                }
                return (t == FieldType.TEXTAREA ? TextRules.multiline("default", "The default", text)
                        : TextRules.line("default", "The default", text)).map(FieldError::message).orElse(null);
            }
            case SELECT, RADIO -> {
                return options.contains(value) ? null : "The default must be one of the options.";
            }
            case CHECKBOXES -> {
                return value instanceof List<?> l && options.containsAll(l) ? null
                        : "The default must be a list of the options.";
            }
            case AGREEMENT -> {
                return Boolean.FALSE.equals(value) ? null : "An agreement starts unchecked: the customer checks it.";
            }
            default -> {
                return "A " + t.wire() + " has no default.";
            }
        }
    }
}
