package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.SettingDescriptor;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Text shown to the customer; takes no value. */
@Extension(ordinal = 1)
public final class LabelFieldType implements FormFieldType {

    @Override
    public String name() {
        return "label";
    }

    @Override
    public String label() {
        return "Label";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.STATIC;
    }

    @Override
    public List<SettingDescriptor> properties() {
        return List.of();
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        return DefinitionCheck.valid(Map.of());
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        return FieldValue.refused("unexpected", "A label takes no value.");
    }
}
