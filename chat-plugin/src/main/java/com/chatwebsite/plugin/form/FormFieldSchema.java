package com.chatwebsite.plugin.form;

import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import com.chatwebsite.api.settings.SettingsSchema;
import java.util.Collection;
import java.util.List;

/** One form section's settings, as data the host's form builder renders for each section. */
public final class FormFieldSchema {

    /** The schema id. */
    public static final String ID = "formField";

    private final ContactManager contacts;
    private final List<String> typeNames;

    /**
     * The schema of the field types available now.
     *
     * @param contacts the Contact Manager, whose fields are the contact targets
     * @param typeNames the available field types (superseded by the host's catalogue of types)
     */
    public FormFieldSchema(ContactManager contacts, Collection<String> typeNames) {
        this.contacts = contacts;
        this.typeNames = List.copyOf(typeNames);
    }

    public SettingsSchema schema() {
        List<String> contactFields = contacts.fields().stream().map(ContactField::name).toList();
        return SettingsSchema.builder(ID, "Form field")
                .add(setting("type", SettingType.SELECT, "Type", "What the customer fills in.", 1)
                        .options(typeNames).defaultValue("input").required().build())
                .add(setting("name", SettingType.STRING, "Name", "The value's key: a letter, then letters, digits or _. "
                        + "Not for labels.", 2).build())
                .add(setting("label", SettingType.TEXT, "Label", "What the customer reads.", 3).required().build())
                .add(setting("required", SettingType.BOOLEAN, "Required",
                        "A value must be given; an agreement must be checked.", 4).defaultValue(false).build())
                .add(setting("inputType", SettingType.SELECT, "Input type", "For inputs.", 5)
                        .options(List.of("text", "number", "email")).defaultValue("text").build())
                .add(setting("options", SettingType.STRING_LIST, "Options", "For select, radio and checkboxes.", 6)
                        .build())
                .add(setting("default", SettingType.STRING, "Default", "The pre-filled value.", 7).build())
                .add(setting("accept", SettingType.STRING, "Accepted files",
                        "For attachments: file type specifiers such as .pdf,image/* (10 MB each at most).", 8)
                        .defaultValue(FormDefinitionParser.DEFAULT_ACCEPT).build())
                .add(setting("mapTo.contact", SettingType.SELECT, "Contact field",
                        "Fill this field of the requester's contact.", 9).options(contactFields).build())
                .add(setting("mapTo.variable", SettingType.STRING, "Routing variable",
                        "Or send the value to agents as this routing variable.", 10).build())
                .build();
    }

    private static SettingDescriptor.Builder setting(String key, SettingType type, String label, String help,
            int order) {
        return SettingDescriptor.builder(key, type).label(label).help(help).group("Field", order);
    }
}
