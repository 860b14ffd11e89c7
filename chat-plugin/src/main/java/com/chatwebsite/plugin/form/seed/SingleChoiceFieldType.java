package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A field whose value is one of its options: select and radio. */
abstract class SingleChoiceFieldType implements FormFieldType {

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(Properties.options(), Properties.property("default", SettingType.STRING, "Default",
                "The option chosen at first.", 2).build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        List<FieldError> errors = new ArrayList<>();
        List<String> options = ChoiceRules.options(name(), properties.get("options"), errors);
        if (!errors.isEmpty()) {
            return DefinitionCheck.invalid(errors);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("options", options);
        Object value = properties.get("default");
        if (value instanceof String s) {
            value = s.strip();
        }
        if (value != null && !options.contains(value)) {
            return DefinitionCheck.invalid(List.of(new FieldError("default", "default",
                    "The default must be one of the options.")));
        }
        if (value != null) {
            out.put("default", value);
        }
        return DefinitionCheck.valid(out);
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        List<String> options = field.strings("options");
        return value instanceof String s && options.contains(s) ? FieldValue.accepted(s)
                : FieldValue.refused("oneOf", field.label() + " must be one of " + options + ".");
    }
}
