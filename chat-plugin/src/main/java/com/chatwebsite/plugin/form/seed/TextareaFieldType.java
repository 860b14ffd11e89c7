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
import java.util.Optional;
import org.pf4j.Extension;

/** Several lines of text. */
@Extension(ordinal = 4)
public final class TextareaFieldType implements FormFieldType {

    static final int MAX_LENGTH = 10_000;

    @Override
    public String name() {
        return "textarea";
    }

    @Override
    public String label() {
        return "Text area";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.TEXTAREA;
    }

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(Properties.property("default", SettingType.TEXT, "Default", "The pre-filled text.", 1).build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        Object value = properties.get("default");
        Optional<String> problem = value == null ? Optional.empty() : TextValues.defaultProblem(value, true);
        return problem.map(p -> DefinitionCheck.invalid(List.of(new FieldError("default", "default", p))))
                .orElseGet(() -> DefinitionCheck.valid(properties));
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        return TextValues.check(field.label(), value, true, MAX_LENGTH);
    }
}
