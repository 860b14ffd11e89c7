package com.chatwebsite.api.form;

/**
 * How the chat widget (and the preview) renders a field: one of a small, fixed set of controls, so
 * that a field type contributed by any plugin shows in a widget that knows none of them.
 *
 * <p>Chosen by a {@link FormFieldType}; read by the form-owning plugin and by the widget. Each
 * control says which JSON value the widget submits for it; {@link FormFieldType#checkValue} then
 * receives that value. A choice control takes its options from the definition's {@code options}
 * property (a list of strings); every value control is pre-filled from the {@code default}
 * property when the definition has one. New controls come in a minor version of this API.
 *
 * @since 1.2
 */
public enum WidgetControl {
    /** Text shown to the customer, no input; submits nothing. */
    STATIC,
    /** One line of text; submits a string, or a number when the {@code inputType} attribute is {@code number}. */
    TEXT,
    /** Several lines of text; submits a string. */
    TEXTAREA,
    /** A drop-down list of the options; submits one option. */
    SELECT,
    /** Radio buttons, one per option; submits one option. */
    RADIO,
    /** Check boxes, one per option; submits a list of options. */
    CHECKBOXES,
    /** One check box whose text is the label, such as a consent; submits true or false. */
    CHECKBOX,
    /** A file picker; files are uploaded first and the field submits the list of upload ids. */
    FILE;

    /**
     * Whether the control submits a value (every control but {@link #STATIC}).
     *
     * @return true if a field with this control has a name and a value
     */
    public boolean takesValue() {
        return this != STATIC;
    }
}
