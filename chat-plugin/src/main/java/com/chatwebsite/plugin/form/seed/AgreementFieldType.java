package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * A consent check box whose text is the label. Its optional {@code version} names the text's version
 * in the consents recorded when it is checked; without one the version is a hash of the text.
 */
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

    /** The longest version. */
    static final int MAX_VERSION = 64;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_VERSION - 1) + "}");

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(Properties.property("default", SettingType.BOOLEAN, "Checked at first",
                "Always off: the customer checks an agreement.", 1).defaultValue(false).build(),
                Properties.property("version", SettingType.STRING, "Version",
                        "Recorded with each consent, such as 2026-05 or v3; empty: a hash of the text, so a "
                                + "changed text is a new version.", 2).build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        Object value = properties.get("default");
        if (value != null && !Boolean.FALSE.equals(value)) {
            return DefinitionCheck.invalid(List.of(new FieldError("default", "default",
                    "An agreement starts unchecked: the customer checks it.")));
        }
        Map<String, Object> out = new LinkedHashMap<>(properties);
        Object version = properties.get("version");
        if (version instanceof String v && v.isBlank()) {
            out.remove("version");
        } else if (version != null && !(version instanceof String v && VERSION.matcher(v.strip()).matches())) {
            return DefinitionCheck.invalid(List.of(new FieldError("version", "version", "The version must be 1 to "
                    + MAX_VERSION + " letters, digits and . _ : - (starting with a letter or digit).")));
        } else if (version instanceof String v) {
            out.put("version", v.strip());
        }
        return DefinitionCheck.valid(out);
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        return value instanceof Boolean b ? FieldValue.accepted(b)
                : FieldValue.refused("boolean", field.label() + " must be true or false.");
    }
}
