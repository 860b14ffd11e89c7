package com.chatwebsite.plugin.form;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.settings.SettingsValidator;
import com.chatwebsite.plugin.settings.TextRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what a customer submits against a form: required values, e-mail syntax, numbers, option
 * membership, agreements, and attachments that reference uploads made for that very field. Text obeys
 * {@link TextRules}: one line in inputs, several lines in text areas.
 */
public final class SubmissionValidator {

    private static final int MAX_FILES = 5;

    private SubmissionValidator() {
    }

    /** Tells whether an upload may be attached to a field. */
    @FunctionalInterface
    public interface UploadCheck {
        /**
         * Checks an upload id.
         *
         * @param uploadId the id the customer sent
         * @param field the attachment field
         * @return a sentence saying why it does not fit, or empty if it does
         */
        Optional<String> problem(String uploadId, FormField field);
    }

    /**
     * The outcome.
     *
     * @param values the accepted values, by field name, in form order
     * @param uploadIds the uploads the values reference
     * @param errors what is wrong, per field
     */
    public record Result(Map<String, Object> values, List<String> uploadIds, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Validates a submission.
     *
     * @param form the form
     * @param input the submitted values by field name
     * @param uploads checks attachment references
     * @return the result
     */
    public static Result validate(FormDefinition form, Map<String, Object> input, UploadCheck uploads) {
        return validate(form, input, uploads, Set.of());
    }

    /**
     * Validates a submission in which some fields must hold one line even if the form shows a text area, such as
     * the field an e-mail subject is taken from.
     *
     * @param form the form
     * @param input the submitted values by field name
     * @param uploads checks attachment references
     * @param oneLine the names of the fields that take one line only
     * @return the result
     */
    public static Result validate(FormDefinition form, Map<String, Object> input, UploadCheck uploads,
            Set<String> oneLine) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> uploadIds = new ArrayList<>();
        for (String key : input.keySet()) {
            if (form.field(key).isEmpty()) {
                errors.add(new FieldError(key, "unknown", "The form has no field " + key + "."));
            }
        }
        for (FormField f : form.sections()) {
            if (f.type() == FieldType.LABEL) {
                continue;
            }
            Object raw = input.get(f.name());
            Object value = check(f, raw, oneLine.contains(f.name()), uploads, errors, uploadIds);
            if (value != null) {
                values.put(f.name(), value);
            }
        }
        return new Result(values, uploadIds, List.copyOf(errors));
    }

    private static Object check(FormField f, Object raw, boolean oneLine, UploadCheck uploads,
            List<FieldError> errors, List<String> uploadIds) {
        String name = f.name();
        boolean empty = raw == null || (raw instanceof String s && s.isBlank())
                || (raw instanceof List<?> l && l.isEmpty()) || Boolean.FALSE.equals(raw) && f.type() == FieldType.AGREEMENT;
        if (empty) {
            if (f.required()) {
                errors.add(new FieldError(name, f.type() == FieldType.AGREEMENT ? "agreement" : "required",
                        f.type() == FieldType.AGREEMENT ? "Please accept: " + f.label() : f.label() + " is required."));
                return null;
            }
            return f.type() == FieldType.AGREEMENT && Boolean.FALSE.equals(raw) ? Boolean.FALSE : null;
        }
        switch (f.type()) {
            case INPUT, TEXTAREA -> {
                String type = f.inputType().orElse("text");
                if (type.equals("number")) {
                    if (raw instanceof Number n && Double.isFinite(n.doubleValue())) {
                        return n;
                    }
                    errors.add(new FieldError(name, "number", f.label() + " must be a number."));
                    return null;
                }
                if (!(raw instanceof String s)) {
                    errors.add(new FieldError(name, "string", f.label() + " must be text."));
                    return null;
                }
                boolean multiline = f.type() == FieldType.TEXTAREA && !oneLine;
                String text = multiline ? s : s.strip();
                if (text.length() > f.maxLength()) {
                    errors.add(new FieldError(name, "maxLength", f.label() + " must be at most " + f.maxLength()
                            + " characters."));
                    return null;
                }
                Optional<FieldError> unsafe = multiline ? TextRules.multiline(name, f.label(), s)
                        : TextRules.line(name, f.label(), s);
                if (unsafe.isPresent()) {
                    errors.add(unsafe.get());
                    return null;
                }
                if (type.equals("email") && !SettingsValidator.isEmail(text)) {
                    errors.add(new FieldError(name, "email", f.label() + " must be an e-mail address."));
                    return null;
                }
                return text;
            }
            case SELECT, RADIO -> {
                if (!(raw instanceof String s) || !f.options().contains(s)) {
                    errors.add(new FieldError(name, "oneOf", f.label() + " must be one of " + f.options() + "."));
                    return null;
                }
                return s;
            }
            case CHECKBOXES -> {
                if (!(raw instanceof List<?> list) || !f.options().containsAll(list)
                        || new HashSet<>(list).size() != list.size()) {
                    errors.add(new FieldError(name, "oneOf", f.label() + " must be a list of " + f.options() + "."));
                    return null;
                }
                return List.copyOf(list);
            }
            case AGREEMENT -> {
                if (!(raw instanceof Boolean)) {
                    errors.add(new FieldError(name, "boolean", f.label() + " must be true or false."));
                    return null;
                }
                return raw;
            }
            case ATTACHMENT -> {
                return attachments(f, raw, uploads, errors, uploadIds);
            }
            default -> {
                return null;
            }
        }
    }

    private static Object attachments(FormField f, Object raw, UploadCheck uploads, List<FieldError> errors,
            List<String> uploadIds) {
        if (!(raw instanceof List<?> list) || list.size() > MAX_FILES) {
            errors.add(new FieldError(f.name(), "attachment", f.label() + " must be a list of at most " + MAX_FILES
                    + " upload ids."));
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (Object id : list) {
            if (!(id instanceof String uploadId) || !seen.add(uploadId)) {
                errors.add(new FieldError(f.name(), "attachment", f.label() + " must list distinct upload ids."));
                return null;
            }
            Optional<String> problem = uploads.problem(uploadId, f);
            if (problem.isPresent()) {
                errors.add(new FieldError(f.name(), "upload", problem.get()));
                return null;
            }
        }
        list.forEach(id -> uploadIds.add((String) id));
        return List.copyOf(list);
    }
}
