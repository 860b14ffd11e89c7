package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import com.chatwebsite.plugin.settings.SettingsValidator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/** One line: text, a number or an e-mail address. */
@Extension(ordinal = 3)
public final class InputFieldType implements FormFieldType {

    static final int MAX_LENGTH = 1_000;
    private static final List<String> INPUT_TYPES = List.of("text", "number", "email");

    @Override
    public String name() {
        return "input";
    }

    @Override
    public String label() {
        return "Input";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.TEXT;
    }

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(
                Properties.property("inputType", SettingType.SELECT, "Input type", "What the customer types.", 1)
                        .options(INPUT_TYPES).defaultValue("text").build(),
                Properties.property("default", SettingType.STRING, "Default", "The pre-filled value.", 2).build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        Object type = properties.getOrDefault("inputType", "text");
        if (!INPUT_TYPES.contains(type)) {
            return DefinitionCheck.invalid(List.of(new FieldError("inputType", "oneOf",
                    "inputType must be text, number or email.")));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inputType", type);
        Object value = properties.get("default");
        if (value != null) {
            Object normalised = type.equals("number") ? number(value).orElse(null) : value;
            Optional<String> problem = normalised == null ? Optional.of("The default of a number must be a number.")
                    : type.equals("number") ? Optional.empty() : TextValues.defaultProblem(value, false);
            if (problem.isPresent()) {
                List<FieldError> errors = new ArrayList<>();
                errors.add(new FieldError("default", "default", problem.get()));
                return DefinitionCheck.invalid(errors);
            }
            out.put("default", normalised);
        }
        return DefinitionCheck.valid(out);
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        String type = field.string("inputType").orElse("text");
        if (type.equals("number")) {
            return value instanceof Number n && Double.isFinite(n.doubleValue()) ? FieldValue.accepted(n)
                    : FieldValue.refused("number", field.label() + " must be a number.");
        }
        FieldValue text = TextValues.check(field.label(), value, false, MAX_LENGTH);
        if (text.isAccepted() && type.equals("email") && !SettingsValidator.isEmail((String) text.value())) {
            return FieldValue.refused("email", field.label() + " must be an e-mail address.");
        }
        return text;
    }

    @Override
    public Map<String, String> widgetAttributes(FormFieldDefinition field) {
        return Map.of("inputType", field.string("inputType").orElse("text"));
    }

    /** A number, or a text an admin typed that is one (the builder's editor sends text). */
    private static Optional<Number> number(Object value) {
        if (value instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? Optional.of(n) : Optional.empty();
        }
        if (value instanceof String s && s.strip().matches("-?\\d{1,15}(\\.\\d{1,15})?")) {
            BigDecimal d = new BigDecimal(s.strip());
            return Optional.of(d.scale() == 0 ? (Number) d.longValueExact() : (Number) d.doubleValue());
        }
        return Optional.empty();
    }
}
