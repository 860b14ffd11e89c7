package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.api.web.WebRoutes;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import java.util.List;
import org.pf4j.Extension;

/** The plugin's HTTP routes, mounted by the host under {@code /plugins/chat-website}. */
@Extension
public final class ChatWebsiteRoutes implements WebRoutes {

    private final ChatWebsitePlugin plugin;

    public ChatWebsiteRoutes(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public List<WebRoute> routes() {
        return List.of(
                WebRoute.of("GET", "/api/settings-schema", RouteAccess.ADMIN,
                        request -> Json.response(200, SchemaJson.of(plugin.runtime().websiteSchema().schema()))));
    }
}
