package com.chatwebsite.api.web;

import java.util.List;
import java.util.Optional;
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

    /**
     * The OpenAPI 3.1 description of {@link #routes()}, as JSON text: an OpenAPI document whose
     * {@code paths} are the route templates below the mount point (as in {@link WebRoute#pathTemplate()})
     * and whose {@code components} they refer to with {@code #/components/...}.
     *
     * <p>The host calls it once, right after {@link #routes()}, on the same thread, as it mounts the
     * plugin's routes, and serves it merged into its own document at {@code /openapi.json}: paths
     * under {@code /plugins/{pluginId}}, component names prefixed with {@code pluginId.}, and the
     * security of {@link RouteAccess#ADMIN} and {@link RouteAccess#AGENT} routes set by the host,
     * which enforces it. Usually read from a resource in the plugin's jar. When it throws or
     * returns text that is not an OpenAPI object, the host logs it and lists the plugin's routes
     * as undocumented; the routes are served either way.
     *
     * @return the document's JSON text, or empty (the default) when the plugin ships none
     * @since 1.2
     */
    default Optional<String> openApi() {
        return Optional.empty();
    }
}
