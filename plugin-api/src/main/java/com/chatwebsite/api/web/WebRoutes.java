package com.chatwebsite.api.web;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: the HTTP routes a plugin serves.
 *
 * <p>The host calls {@link #routes()} once, on its start-up or plugin-loading thread, after the
 * plugin's {@code start()} returned, and mounts the routes under {@code /plugins/{pluginId}}. When
 * the plugin stops, the host unmounts them before calling its {@code stop()}; requests already
 * running finish. Two routes with the same method and template make the host refuse the plugin's
 * routes.
 *
 * @since 1.0
 */
public interface WebRoutes extends ExtensionPoint {

    /**
     * The routes.
     *
     * @return the routes, in any order; matching prefers literal segments over parameters
     */
    List<WebRoute> routes();
}
