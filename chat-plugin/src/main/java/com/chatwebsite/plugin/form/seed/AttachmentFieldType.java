package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import com.chatwebsite.plugin.form.AcceptSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/** Files uploaded beforehand (10 MB each), referenced by upload id. */
@Extension(ordinal = 8)
public final class AttachmentFieldType implements FormFieldType {

    /** Attachments accept these when the admin names none. */
    public static final String DEFAULT_ACCEPT = ".pdf,.txt,image/png,image/jpeg,image/gif,image/webp";
    static final int MAX_FILES = 5;

    @Override
    public String name() {
        return "attachment";
    }

    @Override
    public String label() {
        return "Attachment";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.FILE;
    }

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(Properties.property("accept", SettingType.STRING, "Accepted files",
                "File type specifiers such as .pdf,image/* (10 MB each at most).", 1).defaultValue(DEFAULT_ACCEPT)
                .build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        Object raw = properties.getOrDefault("accept", DEFAULT_ACCEPT);
        try {
            if (!(raw instanceof String text)) {
                throw new IllegalArgumentException("accept must be text such as .pdf,image/*");
            }
            return DefinitionCheck.valid(Map.of("accept", AcceptSpec.parse(text).text()));
        } catch (IllegalArgumentException e) {
            return DefinitionCheck.invalid(List.of(new FieldError("accept", "accept", e.getMessage())));
        }
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        if (!(value instanceof List<?> list) || list.size() > MAX_FILES) {
            return FieldValue.refused("attachment", field.label() + " must be a list of at most " + MAX_FILES
                    + " upload ids.");
        }
        Set<Object> seen = new HashSet<>();
        for (Object id : list) {
            if (!(id instanceof String) || !seen.add(id)) {
                return FieldValue.refused("attachment", field.label() + " must list distinct upload ids.");
            }
        }
        return FieldValue.accepted(List.copyOf(list));
    }

    @Override
    public Map<String, String> widgetAttributes(FormFieldDefinition field) {
        return Map.of("accept", field.string("accept").orElse(DEFAULT_ACCEPT));
    }
}
