package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;

/** Descriptors of the seed types' own properties. */
final class Properties {

    static final int MAX_OPTIONS = 100;

    private Properties() {
    }

    static SettingDescriptor.Builder property(String key, SettingType type, String label, String help, int order) {
        return SettingDescriptor.builder(key, type).label(label).help(help).group("Field", 10 + order);
    }

    static SettingDescriptor options() {
        return property("options", SettingType.STRING_LIST, "Options", "The choices, 1 to " + MAX_OPTIONS + ".", 1)
                .required().build();
    }
}
