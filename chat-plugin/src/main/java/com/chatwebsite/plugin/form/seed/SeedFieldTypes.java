package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.FormFieldType;
import java.util.List;

/** The eight field types the chat plugin contributes, in the order the builder lists them. */
public final class SeedFieldTypes {

    private SeedFieldTypes() {
    }

    /**
     * New instances of the seed types.
     *
     * @return label, select, input, textarea, radio, checkboxes, agreement, attachment
     */
    public static List<FormFieldType> all() {
        return List.of(new LabelFieldType(), new SelectFieldType(), new InputFieldType(), new TextareaFieldType(),
                new RadioFieldType(), new CheckboxesFieldType(), new AgreementFieldType(), new AttachmentFieldType());
    }
}
