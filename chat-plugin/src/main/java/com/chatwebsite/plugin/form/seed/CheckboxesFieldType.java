package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/** Any of a list of options, as check boxes. */
@Extension(ordinal = 6)
public final class CheckboxesFieldType implements FormFieldType {

    @Override
    public String name() {
        return "checkboxes";
    }

    @Override
    public String label() {
        return "Checkboxes";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.CHECKBOXES;
    }

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(Properties.options(), Properties.property("default", SettingType.STRING_LIST, "Default",
                "The options checked at first.", 2).build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        return ChoiceRules.definition(name(), properties, (options, value) -> value instanceof List<?> list
                && options.containsAll(list) ? Optional.of(List.copyOf(list)) : Optional.empty(),
                "The default must be a list of the options.");
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        List<String> options = field.strings("options");
        if (!(value instanceof List<?> list) || !options.containsAll(list) || new HashSet<>(list).size() != list.size()) {
            return FieldValue.refused("oneOf", field.label() + " must be a list of " + options + ".");
        }
        return FieldValue.accepted(List.copyOf(list));
    }
}
