package com.chatwebsite.plugin;

import com.chatwebsite.api.settings.SettingsSchema;
import com.chatwebsite.api.settings.SettingsSchemaProvider;
import com.chatwebsite.plugin.form.FormFieldSchema;
import java.util.List;
import org.pf4j.Extension;

/** Lists the plugin's settings schemas to the host. */
@Extension
public final class ChatWebsiteSettings implements SettingsSchemaProvider {

    private final ChatWebsitePlugin plugin;

    public ChatWebsiteSettings(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public List<SettingsSchema> schemas() {
        return List.of(plugin.runtime().websiteSchema().schema(),
                new FormFieldSchema(plugin.runtime().host().contacts(), plugin.runtime().forms().types().keySet()).schema());
    }
}
