package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.settings.TextRules;
import java.util.Optional;

/** Checks of submitted and default text. */
final class TextValues {

    private TextValues() {
    }

    /**
     * Checks a submitted text.
     *
     * @param label the field's label, for messages
     * @param raw the value
     * @param multiline whether line breaks are allowed (the text is kept as typed) or not (it is trimmed)
     * @param maxLength the longest text
     * @return the outcome
     */
    static FieldValue check(String label, Object raw, boolean multiline, int maxLength) {
        if (!(raw instanceof String s)) {
            return FieldValue.refused("string", label + " must be text.");
        }
        String text = multiline ? s : s.strip();
        if (text.length() > maxLength) {
            return FieldValue.refused("maxLength", label + " must be at most " + maxLength + " characters.");
        }
        Optional<FieldError> unsafe = multiline ? TextRules.multiline("value", label, s) : TextRules.line("value", label, s);
        return unsafe.map(e -> FieldValue.refused(e.rule(), e.message())).orElseGet(() -> FieldValue.accepted(text));
    }

    /**
     * Checks a default text.
     *
     * @param raw the default
     * @param multiline whether line breaks are allowed
     * @return a sentence saying what is wrong, or empty
     */
    static Optional<String> defaultProblem(Object raw, boolean multiline) {
        if (!(raw instanceof String text)) {
            return Optional.of("The default must be text.");
        }
        return (multiline ? TextRules.multiline("default", "The default", text)
                : TextRules.line("default", "The default", text)).map(FieldError::message);
    }
}
