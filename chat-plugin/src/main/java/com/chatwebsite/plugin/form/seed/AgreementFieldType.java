package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** A consent check box whose text is the label. */
@Extension(ordinal = 7)
public final class AgreementFieldType implements FormFieldType {

    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public String label() {
        return "Agreement";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.CHECKBOX;
    }

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(Properties.property("default", SettingType.BOOLEAN, "Checked at first",
                "Always off: the customer checks an agreement.", 1).defaultValue(false).build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        Object value = properties.get("default");
        if (value != null && !Boolean.FALSE.equals(value)) {
            return DefinitionCheck.invalid(List.of(new FieldError("default", "default",
                    "An agreement starts unchecked: the customer checks it.")));
        }
        return DefinitionCheck.valid(properties);
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        return value instanceof Boolean b ? FieldValue.accepted(b)
                : FieldValue.refused("boolean", field.label() + " must be true or false.");
    }
}
