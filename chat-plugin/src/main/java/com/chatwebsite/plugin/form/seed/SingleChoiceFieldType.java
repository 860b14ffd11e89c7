package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A field whose value is one of its options: select and radio. */
abstract class SingleChoiceFieldType implements FormFieldType {

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(Properties.options(), Properties.property("default", SettingType.STRING, "Default",
                "The option chosen at first.", 2).build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        return ChoiceRules.definition(name(), properties, (options, value) -> {
            Object choice = value instanceof String s ? s.strip() : value;
            return options.contains(choice) ? Optional.of(choice) : Optional.empty();
        }, "The default must be one of the options.");
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        List<String> options = field.strings("options");
        return value instanceof String s && options.contains(s) ? FieldValue.accepted(s)
                : FieldValue.refused("oneOf", field.label() + " must be one of " + options + ".");
    }
}
