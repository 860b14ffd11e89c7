package com.chatwebsite.api.form;

import com.chatwebsite.api.settings.SettingDescriptor;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: a kind of field the form builder offers, such as a select, an e-mail input or a
 * phone number. Any plugin may contribute types; the chat plugin contributes its eight seed types
 * the same way.
 *
 * <p><b>Who calls it.</b> The plugin that owns forms finds the types through
 * {@link com.chatwebsite.api.host.ExtensionLookup} each time it checks a definition, checks a
 * submission, renders a preview or serves a form to the widget; the host lists them for its admin
 * page's builder ({@code GET /api/form-field-types}). Nobody keeps an instance: when the
 * contributing plugin stops, the type disappears, and forms that use it stay readable with an
 * error naming the missing type until it is back.
 *
 * <p><b>What the type owns.</b> The builder owns the properties every field has ({@link
 * FieldProperties#COMMON_KEYS}: {@code type}, {@code name}, {@code label}, {@code required},
 * {@code mapTo}) and checks them by the {@link #control()} and {@link #mappingTargets()}. The type
 * owns the rest, described by {@link #properties()} and checked by {@link #checkDefinition}. Empty
 * values (absent, blank text, an empty list, an unchecked check box) and {@code required} are the
 * builder's; {@link #checkValue} sees only non-empty values.
 *
 * <p><b>Threads and failures.</b> Every method is called on request threads, possibly at the same
 * time, and must be thread-safe, quick and free of I/O. A {@code Throwable} thrown by a method is
 * caught and logged: the field's type then counts as unavailable for that call (the definition is
 * refused with an error on {@code sections[i].type}, a submission is answered 503, the preview
 * shows a notice in the field's place).
 *
 * @since 1.2
 */
public interface FormFieldType extends ExtensionPoint {

    /**
     * The type's name as forms store it in {@code "type"}: stable across versions, unique across
     * plugins, matching {@code [a-z][a-z0-9_-]{0,31}}.
     *
     * @return such as {@code phone}
     */
    String name();

    /**
     * The name an admin reads in the builder.
     *
     * @return such as {@code Phone number}
     */
    String label();

    /**
     * How the widget renders fields of this type.
     *
     * @return the control
     */
    WidgetControl control();

    /**
     * Where values of this type may be mapped. The default: both targets for a control that takes
     * a value other than {@link WidgetControl#FILE}; none otherwise.
     *
     * @return the allowed targets, possibly none
     */
    default Set<MappingTarget> mappingTargets() {
        return control().takesValue() && control() != WidgetControl.FILE ? EnumSet.allOf(MappingTarget.class)
                : EnumSet.noneOf(MappingTarget.class);
    }

    /**
     * The type's own properties, as settings a host UI renders in the builder's field editor. Keys
     * must not be one of {@link FieldProperties#COMMON_KEYS}.
     *
     * @return the descriptors, possibly none
     */
    List<SettingDescriptor> properties();

    /**
     * Checks a field's own properties as an admin sent them and normalises them. Keys outside
     * {@link #properties()} have already been refused by the builder.
     *
     * @param properties the field's own properties, JSON-like values
     * @param common the field's common properties, already checked (the {@code properties} of it
     *     are empty): some rules depend on them, such as a default that a required field needs
     * @return the properties to save, or the errors by property key
     */
    DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common);

    /**
     * Checks and normalises a value a customer submitted for a field of this type.
     *
     * @param field the field, as saved
     * @param value a non-empty JSON-like value, of any JSON type (the customer chose it)
     * @return the value to keep, or the rule it broke
     */
    FieldValue checkValue(FormFieldDefinition field, Object value);

    /**
     * Attributes the widget sets on the control of a field, from the documented set {@link
     * FieldProperties#WIDGET_ATTRIBUTES} (such as {@code inputType}, {@code pattern}, {@code accept});
     * the builder drops any other. The default: none.
     *
     * @param field the field, as saved
     * @return attribute name to value
     */
    default Map<String, String> widgetAttributes(FormFieldDefinition field) {
        return Map.of();
    }

    /**
     * The field as HTML for the builder's live preview: a fragment that every label, option and
     * default inside it is escaped in (see {@link FormHtml#escape}), with no script. The default
     * renders the {@link #control()} with the {@link #widgetAttributes} as the widget would.
     *
     * @param field the field, as saved
     * @return an HTML fragment
     */
    default String previewHtml(FormFieldDefinition field) {
        return FormHtml.field(field, control(), widgetAttributes(field));
    }
}
