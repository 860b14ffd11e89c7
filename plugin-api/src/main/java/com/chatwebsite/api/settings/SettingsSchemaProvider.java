package com.chatwebsite.api.settings;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: the settings schemas of a plugin, so that the host can list what a plugin is
 * configured with and render the forms generically.
 *
 * <p>The host calls {@link #schemas()} on a request thread whenever it renders or lists plugin
 * settings; the answer must not depend on the caller and should be cheap.
 *
 * @since 1.0
 */
public interface SettingsSchemaProvider extends ExtensionPoint {

    /**
     * The plugin's settings schemas.
     *
     * @return the schemas, each with a distinct {@link SettingsSchema#id()}
     */
    List<SettingsSchema> schemas();
}
