package com.chatwebsite.plugin.settings;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import com.chatwebsite.api.settings.SettingsSchema;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks input against a {@link SettingsSchema}: types, required values, options, the characters of
 * text ({@link TextRules}: one line, except {@code TEXT} settings), and keys the schema does not know; fills in
 * defaults. An absent key takes the default; a JSON {@code null} for a required setting is refused as
 * {@code required}; a blank text leaves only free-text settings (string, e-mail, URL) unset. Dotted keys address
 * nested objects.
 */
public final class SettingsValidator {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final int MAX_STRING = 10_000;
    private static final int MAX_LIST = 1_000;

    private SettingsValidator() {
    }

    /**
     * The outcome: normalized values (nested maps, defaults filled in) and errors.
     *
     * @param values the normalized values; meaningful only without errors
     * @param errors what is wrong, per field
     */
    public record Result(Map<String, Object> values, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Validates input.
     *
     * @param schema the schema
     * @param input the input, as parsed from JSON (nested maps)
     * @param ignored keys (dotted for nested ones) that may be present and are dropped, such as {@code id}
     * @return the result
     */
    public static Result validate(SettingsSchema schema, Map<String, Object> input, Set<String> ignored) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (SettingDescriptor d : schema.settings()) {
            Object raw = lookup(input, d.key());
            Object value = check(d, d.key(), raw, raw == null && isNull(input, d.key()), errors);
            if (value != null) {
                put(out, d.key(), value);
            }
        }
        unknownKeys(schema, input, "", ignored, errors);
        return new Result(out, List.copyOf(errors));
    }

    /**
     * Checks one value.
     *
     * @param explicitNull whether the input holds the key with a JSON {@code null}: for a required setting that is
     *     a refusal even when it has a default, which only an absent key takes
     */
    private static Object check(SettingDescriptor d, String field, Object raw, boolean explicitNull,
            List<FieldError> errors) {
        if (explicitNull && d.required()) {
            errors.add(new FieldError(field, "required", d.label() + " is required; it cannot be null."));
            return null;
        }
        if (raw == null || (raw instanceof String s && s.isBlank() && blankMeansUnset(d.type()))) {
            if (d.required() && (d.defaultValue().isEmpty() || raw != null)) {
                errors.add(new FieldError(field, "required", d.label() + " is required."));
                return null;
            }
            return d.defaultValue().orElse(null);
        }
        switch (d.type()) {
            case STRING, TEXT -> {
                return string(d, field, raw, errors);
            }
            case INTEGER -> {
                if (raw instanceof Integer) {
                    return raw;
                }
                if (raw instanceof Long || raw instanceof BigInteger) {
                    errors.add(new FieldError(field, "range", d.label() + " must be a whole number from "
                            + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + "."));
                    return null;
                }
                errors.add(new FieldError(field, "integer", d.label() + " must be a whole number."));
                return null;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean) {
                    return raw;
                }
                errors.add(new FieldError(field, "boolean", d.label() + " must be true or false."));
                return null;
            }
            case EMAIL -> {
                String s = string(d, field, raw, errors);
                if (s != null && !isEmail(s)) {
                    errors.add(new FieldError(field, "email", d.label() + " must be an e-mail address."));
                    return null;
                }
                return s;
            }
            case URL -> {
                String s = string(d, field, raw, errors);
                if (s != null && !isHttpUrl(s.replace("{room}", "room"))) {
                    errors.add(new FieldError(field, "url", d.label() + " must be an http or https URL."));
                    return null;
                }
                return s;
            }
            case COLOR -> {
                String s = string(d, field, raw, errors);
                if (s != null && !COLOR.matcher(s).matches()) {
                    errors.add(new FieldError(field, "color", d.label() + " must be a colour like #1f6feb."));
                    return null;
                }
                return s == null ? null : s.toLowerCase(Locale.ROOT);
            }
            case TIMEZONE -> {
                String s = string(d, field, raw, errors);
                if (s != null && !ZoneId.getAvailableZoneIds().contains(s)) {
                    errors.add(new FieldError(field, "timezone",
                            d.label() + " must be an IANA time zone such as Europe/Rome."));
                    return null;
                }
                return s;
            }
            case SELECT -> {
                String s = string(d, field, raw, errors);
                if (s != null && !d.options().contains(s)) {
                    errors.add(new FieldError(field, "oneOf", d.label() + " must be one of " + d.options() + "."));
                    return null;
                }
                return s;
            }
            case MULTI_SELECT, STRING_LIST -> {
                List<String> list = stringList(d, field, raw, errors);
                if (list != null && d.type() == SettingType.MULTI_SELECT) {
                    for (String s : list) {
                        if (!d.options().contains(s)) {
                            errors.add(new FieldError(field, "oneOf", d.label() + " must be among " + d.options() + "."));
                            return null;
                        }
                    }
                }
                if (list != null && list.isEmpty() && d.required()) {
                    errors.add(new FieldError(field, "required", d.label() + " needs at least one value."));
                    return null;
                }
                return list;
            }
            case OBJECT_LIST -> {
                return objectList(d, field, raw, errors);
            }
            default -> throw new IllegalStateException(d.type().name());
        }
    }

    /** Whether a blank text leaves a setting unset: only for free text, where the admin may leave it empty. */
    private static boolean blankMeansUnset(SettingType type) {
        return type == SettingType.STRING || type == SettingType.EMAIL || type == SettingType.URL;
    }

    private static String string(SettingDescriptor d, String field, Object raw, List<FieldError> errors) {
        if (!(raw instanceof String s)) {
            errors.add(new FieldError(field, "string", d.label() + " must be text."));
            return null;
        }
        if (s.length() > MAX_STRING) {
            errors.add(new FieldError(field, "maxLength", d.label() + " must be at most " + MAX_STRING + " characters."));
            return null;
        }
        boolean multiline = d.type() == SettingType.TEXT;
        Optional<FieldError> unsafe = multiline ? TextRules.multiline(field, d.label(), s)
                : TextRules.line(field, d.label(), s);
        if (unsafe.isPresent()) {
            errors.add(unsafe.get());
            return null;
        }
        return multiline ? s : s.strip();
    }

    private static List<String> stringList(SettingDescriptor d, String field, Object raw, List<FieldError> errors) {
        if (!(raw instanceof List<?> list) || list.size() > MAX_LIST) {
            errors.add(new FieldError(field, "list", d.label() + " must be a list of at most " + MAX_LIST + " texts."));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank() || s.length() > 2_000) {
                errors.add(new FieldError(field + "[" + i + "]", "string", d.label() + " entries must be non-empty text."));
                return null;
            }
            Optional<FieldError> unsafe = TextRules.line(field + "[" + i + "]", d.label(), s);
            if (unsafe.isPresent()) {
                errors.add(unsafe.get());
                return null;
            }
            out.add(s.strip());
        }
        return List.copyOf(out);
    }

    private static List<Map<String, Object>> objectList(
            SettingDescriptor d, String field, Object raw, List<FieldError> errors) {
        if (!(raw instanceof List<?> list) || list.size() > MAX_LIST) {
            errors.add(new FieldError(field, "list", d.label() + " must be a list of at most " + MAX_LIST + " items."));
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemField = field + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                errors.add(new FieldError(itemField, "object", d.label() + " entries must be objects."));
                continue;
            }
            Map<String, Object> normalized = new LinkedHashMap<>();
            for (SettingDescriptor itemSetting : d.items()) {
                Object v = check(itemSetting, itemField + "." + itemSetting.key(), item.get(itemSetting.key()),
                        item.containsKey(itemSetting.key()) && item.get(itemSetting.key()) == null, errors);
                if (v != null) {
                    normalized.put(itemSetting.key(), v);
                }
            }
            for (Object key : item.keySet()) {
                if (d.items().stream().noneMatch(s -> s.key().equals(key))) {
                    errors.add(new FieldError(itemField + "." + key, "unknown", "There is no setting " + key + " here."));
                }
            }
            out.add(normalized);
        }
        return out;
    }

    private static void unknownKeys(SettingsSchema schema, Map<String, Object> input, String prefix,
            Set<String> ignored, List<FieldError> errors) {
        for (Map.Entry<String, Object> e : input.entrySet()) {
            String key = prefix + e.getKey();
            if (ignored.contains(key)) {
                continue;
            }
            boolean leaf = schema.setting(key).isPresent();
            boolean parent = schema.settings().stream().anyMatch(s -> s.key().startsWith(key + "."));
            if (leaf) {
                continue;
            }
            if (parent && e.getValue() instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) nested;
                unknownKeys(schema, typed, key + ".", ignored, errors);
            } else if (parent && e.getValue() != null) {
                errors.add(new FieldError(key, "object", key + " must be an object."));
            } else if (!parent) {
                errors.add(new FieldError(key, "unknown", "There is no setting " + key + "."));
            }
        }
    }

    /**
     * Reads a dotted key from nested maps.
     *
     * @param values the maps
     * @param dottedKey such as {@code offline.forwardTo}
     * @return the value, or null
     */
    public static Object lookup(Map<String, Object> values, String dottedKey) {
        Object current = values;
        for (String part : dottedKey.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** Whether a dotted key is present in nested maps with a JSON {@code null}. */
    private static boolean isNull(Map<String, Object> values, String dottedKey) {
        int dot = dottedKey.lastIndexOf('.');
        Object parent = dot < 0 ? values : lookup(values, dottedKey.substring(0, dot));
        String last = dottedKey.substring(dot + 1);
        return parent instanceof Map<?, ?> map && map.containsKey(last) && map.get(last) == null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> out, String dottedKey, Object value) {
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> current = out;
        for (int i = 0; i < parts.length - 1; i++) {
            current = (Map<String, Object>) current.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        current.put(parts[parts.length - 1], value);
    }

    /**
     * E-mail syntax, by Jakarta Mail's strict parser; a bare address only, without control, format
     * (such as bidirectional controls and zero-width characters) or space characters, and no unpaired surrogate.
     *
     * @param value the text
     * @return whether it is one address
     */
    public static boolean isEmail(String value) {
        if (TextRules.hasLoneSurrogate(value) || value.codePoints().anyMatch(SettingsValidator::notInAddress)) {
            return false;
        }
        try {
            InternetAddress a = new InternetAddress(value, true);
            a.validate();
            return a.getPersonal() == null && a.getAddress().equals(value) && value.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    private static boolean notInAddress(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    /**
     * An absolute {@code http} or {@code https} URL with a host and, if it names one, a port from 1 to 65535.
     *
     * @param value the text
     * @return whether it is one
     */
    public static boolean isHttpUrl(String value) {
        return webUrl(value, false);
    }

    /**
     * An absolute {@code https} URL with a host and, if it names one, a port from 1 to 65535.
     *
     * @param value the text
     * @return whether it is one
     */
    public static boolean isHttpsUrl(String value) {
        return webUrl(value, true);
    }

    private static boolean webUrl(String value, boolean httpsOnly) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("https") || (!httpsOnly && scheme.equals("http"));
            return web && uri.getHost() != null && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65_535));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
