package com.chatwebsite.plugin.website;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingsSchema;
import com.chatwebsite.plugin.schedule.WorkingInterval;
import com.chatwebsite.plugin.schedule.WorkingSchedule;
import com.chatwebsite.plugin.settings.SettingsValidator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns an admin's website JSON (as maps) into a validated {@link WebsiteDefinition}, or per-field errors. */
public final class WebsiteInput {

    /** Keys a client may send back unchanged from a GET; they are not settings. */
    public static final Set<String> READ_ONLY = Set.of("id", "key", "createdAt", "updatedAt",
            "videoCall.apiKeySet", "identity.secretSet", "identity.previousSecretSet");

    private static final Map<String, int[]> RANGES = Map.of(
            "maxConcurrentSessions", new int[] {1, 100_000},
            "unmanagedAfterSeconds", new int[] {5, 86_400},
            "maxMessageLength", new int[] {1, 100_000},
            "messages.waitingAfterSeconds", new int[] {1, 86_400},
            "displayRules.delaySeconds", new int[] {0, 86_400},
            "displayRules.scrollPercent", new int[] {0, 100},
            "retention.days", new int[] {0, 3650});

    /** URL settings a browser loads or opens, which must be https as their help says. */
    private static final Set<String> HTTPS_ONLY = Set.of("appearance.logoUrl", "videoCall.linkTemplate");

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private WebsiteInput() {
    }

    /**
     * What the admin configured, validated.
     *
     * @param name the name
     * @param origins the allowed origins
     * @param schedule the working hours
     * @param maxConcurrentSessions the cap
     * @param unmanagedAfterSeconds the wait for an agent
     * @param maxMessageLength the message limit
     * @param contactMatchField the match field
     * @param settings all settings, normalized
     */
    public record WebsiteDefinition(String name, List<OriginPattern> origins, WorkingSchedule schedule,
            int maxConcurrentSessions, int unmanagedAfterSeconds, int maxMessageLength, String contactMatchField,
            Map<String, Object> settings) {
    }

    /**
     * The outcome of {@link #parse}.
     *
     * @param definition the definition when there are no errors
     * @param errors what is wrong
     */
    public record Parsed(WebsiteDefinition definition, List<FieldError> errors) {
    }

    /**
     * Validates input against the schema and the website's own rules.
     *
     * @param schema the website settings schema
     * @param input the JSON object as maps
     * @return the definition, or errors
     */
    public static Parsed parse(SettingsSchema schema, Map<String, Object> input) {
        SettingsValidator.Result result = SettingsValidator.validate(schema, input, READ_ONLY);
        List<FieldError> errors = new ArrayList<>(result.errors());
        Map<String, Object> v = result.values();
        for (Map.Entry<String, int[]> range : RANGES.entrySet()) {
            if (SettingsValidator.lookup(v, range.getKey()) instanceof Integer n
                    && (n < range.getValue()[0] || n > range.getValue()[1])) {
                errors.add(new FieldError(range.getKey(), "range", range.getKey() + " must be from "
                        + range.getValue()[0] + " to " + range.getValue()[1] + "."));
            }
        }
        for (String key : AbuseLimits.DEFAULTS.keySet()) {
            if (SettingsValidator.lookup(v, key) instanceof Integer n && (n < 1 || n > AbuseLimits.MAX_PER_MINUTE)) {
                errors.add(new FieldError(key, "range", key + " must be from 1 to " + AbuseLimits.MAX_PER_MINUTE + "."));
            }
        }
        if (v.get(AbuseLimits.TRUSTED_PROXY_HEADER) instanceof String header
                && !AbuseLimits.HEADER_NAME.matcher(header).matches()) {
            errors.add(new FieldError(AbuseLimits.TRUSTED_PROXY_HEADER, "header",
                    "The trusted proxy header must be a header name such as X-Forwarded-For."));
        }
        IdentitySettings.check(v).ifPresent(errors::add);
        String name = (String) v.get("name");
        if (name != null && name.length() > 200) {
            errors.add(new FieldError("name", "maxLength", "The name must be at most 200 characters."));
        }
        for (String key : HTTPS_ONLY) {
            if (SettingsValidator.lookup(v, key) instanceof String url
                    && !SettingsValidator.isHttpsUrl(url.replace("{room}", "room"))) {
                errors.add(new FieldError(key, "https", schema.setting(key).map(d -> d.label()).orElse(key)
                        + " must be an https URL."));
            }
        }
        ChatFileAccept.check(SettingsValidator.lookup(v, ChatFileAccept.KEY)).ifPresent(errors::add);
        if (SettingsValidator.lookup(v, "displayRules.hours") instanceof String hours) {
            try {
                WorkingInterval.checkTimeRange(hours);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("displayRules.hours", "interval", e.getMessage()));
            }
        }
        List<OriginPattern> origins = origins(v, errors);
        List<WorkingInterval> intervals = intervals(v, errors);
        Set<LocalDate> closed = closedDates(v, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, List.copyOf(errors));
        }
        WorkingSchedule schedule = new WorkingSchedule(ZoneId.of((String) v.get("timezone")), intervals, closed);
        return new Parsed(new WebsiteDefinition(name, origins, schedule, (Integer) v.get("maxConcurrentSessions"),
                (Integer) v.get("unmanagedAfterSeconds"), (Integer) v.get("maxMessageLength"),
                (String) v.get("contactMatchField"), v), List.of());
    }

    /**
     * Rebuilds a definition from settings this class validated before (as stored).
     *
     * @param stored the normalized settings
     * @return the definition
     * @throws IllegalStateException if the stored settings are no longer valid
     */
    public static WebsiteDefinition fromStored(Map<String, Object> stored) {
        List<FieldError> errors = new ArrayList<>();
        List<OriginPattern> origins = origins(stored, errors);
        List<WorkingInterval> intervals = intervals(stored, errors);
        Set<LocalDate> closed = closedDates(stored, errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("stored website settings are invalid: " + errors);
        }
        WorkingSchedule schedule = new WorkingSchedule(ZoneId.of((String) stored.get("timezone")), intervals, closed);
        return new WebsiteDefinition((String) stored.get("name"), origins, schedule,
                ((Number) stored.get("maxConcurrentSessions")).intValue(),
                ((Number) stored.get("unmanagedAfterSeconds")).intValue(),
                ((Number) stored.get("maxMessageLength")).intValue(), (String) stored.get("contactMatchField"), stored);
    }

    private static List<OriginPattern> origins(Map<String, Object> v, List<FieldError> errors) {
        List<OriginPattern> out = new ArrayList<>();
        if (v.get("origins") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                try {
                    out.add(OriginPattern.parse((String) list.get(i)));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("origins[" + i + "]", "origin", e.getMessage()));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<WorkingInterval> intervals(Map<String, Object> v, List<FieldError> errors) {
        List<WorkingInterval> out = new ArrayList<>();
        if (v.get("workingIntervals") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> item = (Map<String, Object>) list.get(i);
                if (!(item.get("weekdays") instanceof String days) || !(item.get("time") instanceof String time)) {
                    continue; // already reported as required
                }
                try {
                    out.add(WorkingInterval.parse(days, time));
                } catch (IllegalArgumentException e) {
                    String field = e.getMessage() != null && e.getMessage().toLowerCase().contains("weekday")
                            ? "weekdays" : "time";
                    errors.add(new FieldError("workingIntervals[" + i + "]." + field, "interval", e.getMessage()));
                }
            }
        }
        return out;
    }

    private static Set<LocalDate> closedDates(Map<String, Object> v, List<FieldError> errors) {
        Set<LocalDate> out = new HashSet<>();
        if (v.get("closedDates") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                try {
                    if (!DATE.matcher((String) list.get(i)).matches()) {
                        throw new DateTimeParseException("not YYYY-MM-DD", (String) list.get(i), 0);
                    }
                    out.add(LocalDate.parse((String) list.get(i)));
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("closedDates[" + i + "]", "date",
                            "'" + list.get(i) + "' is not a date like 2026-12-25."));
                }
            }
        }
        return out;
    }
}
