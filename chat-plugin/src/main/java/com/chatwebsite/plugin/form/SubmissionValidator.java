package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.settings.TextRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what a customer submits against a form: unknown fields, empty and required values here;
 * each non-empty value by its field's type; then the uploads a file field references, which must
 * have been made for that very field.
 */
public final class SubmissionValidator {

    private SubmissionValidator() {
    }

    /** Tells whether an upload may be attached to a field. */
    @FunctionalInterface
    public interface UploadCheck {
        /**
         * Checks an upload id.
         *
         * @param uploadId the id the customer sent
         * @param field the file field
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
     * Validates a submission. Fields whose type is no longer available are skipped.
     *
     * @param form the form
     * @param input the submitted values by field name
     * @param uploads checks attachment references
     * @param oneLine the names of the fields that take one line only even if the form shows a text
     *     area, such as the field an e-mail subject is taken from
     * @param types the available field types by name
     * @return the result
     * @throws ChatException (unavailable) when a field type fails
     */
    public static Result validate(FormDefinition form, Map<String, Object> input, UploadCheck uploads,
            Set<String> oneLine, Map<String, FormFieldType> types) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> uploadIds = new ArrayList<>();
        for (String key : input.keySet()) {
            if (form.field(key).isEmpty()) {
                errors.add(new FieldError(key, "unknown", "The form has no field " + key + "."));
            }
        }
        for (FormField f : form.sections()) {
            FormFieldType type = types.get(f.type());
            if (!f.control().takesValue() || type == null) {
                continue;
            }
            Object value = check(f, type, input.get(f.name()), oneLine.contains(f.name()), errors);
            if (value != null && f.control() == WidgetControl.FILE) {
                value = uploads(f, (List<?>) value, uploads, errors, uploadIds);
            }
            if (value != null) {
                values.put(f.name(), value);
            }
        }
        return new Result(values, uploadIds, List.copyOf(errors));
    }

    private static Object check(FormField f, FormFieldType type, Object raw, boolean oneLine, List<FieldError> errors) {
        boolean checkbox = f.control() == WidgetControl.CHECKBOX;
        boolean empty = raw == null || (raw instanceof String s && s.isBlank())
                || (raw instanceof List<?> l && l.isEmpty()) || (checkbox && Boolean.FALSE.equals(raw));
        if (empty) {
            if (f.required()) {
                errors.add(checkbox ? new FieldError(f.name(), "agreement", "Please accept: " + f.label())
                        : new FieldError(f.name(), "required", f.label() + " is required."));
                return null;
            }
            return checkbox && Boolean.FALSE.equals(raw) ? Boolean.FALSE : null;
        }
        FieldValue checked;
        try {
            checked = FieldTypeFailure.call(type, f.type(), () -> type.checkValue(f.definition(), raw));
        } catch (FieldTypeFailure e) {
            throw unavailable(f);
        }
        if (!checked.isAccepted()) {
            errors.add(new FieldError(f.name(), checked.rule(), checked.message()));
            return null;
        }
        Object value = checked.value();
        if (!fits(f.control(), value)) {
            FieldTypeFailure.broken(type, f.type(), "checkValue returned a value its control cannot hold");
            throw unavailable(f);
        }
        if (oneLine && value instanceof String text) {
            Optional<FieldError> unsafe = TextRules.line(f.name(), f.label(), text);
            if (unsafe.isPresent()) {
                errors.add(unsafe.get());
                return null;
            }
            value = text.strip();
        }
        return value;
    }

    /** Whether a value has the JSON type its control submits. */
    private static boolean fits(WidgetControl control, Object value) {
        return switch (control) {
            case TEXT -> value instanceof String || value instanceof Number;
            case TEXTAREA, SELECT, RADIO -> value instanceof String;
            case CHECKBOX -> value instanceof Boolean;
            case CHECKBOXES, FILE -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            default -> false;
        };
    }

    private static Object uploads(FormField f, List<?> ids, UploadCheck uploads, List<FieldError> errors,
            List<String> uploadIds) {
        for (Object id : ids) {
            Optional<String> problem = uploads.problem((String) id, f);
            if (problem.isPresent()) {
                errors.add(new FieldError(f.name(), "upload", problem.get()));
                return null;
            }
        }
        ids.forEach(id -> uploadIds.add((String) id));
        return ids;
    }

    private static ChatException unavailable(FormField f) {
        return new ChatException(ChatException.Kind.UNAVAILABLE, "field_type_failed", "The field " + f.label()
                + " cannot be checked right now. Please try again in a moment.");
    }
}
