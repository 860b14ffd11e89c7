package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.api.web.WebRoutes;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** The plugin's HTTP routes, mounted by the host under {@code /plugins/chat-website}. */
@Extension
public final class ChatWebsiteRoutes implements WebRoutes {

    /** The OpenAPI 3.1 document of these routes, paths relative to the mount point. */
    static final String OPENAPI_RESOURCE = "/openapi/chat-website.json";

    private final ChatWebsitePlugin plugin;

    public ChatWebsiteRoutes(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public List<WebRoute> routes() {
        List<WebRoute> all = new ArrayList<>(new AdminRoutes(plugin).allRoutes());
        WidgetRoutes widget = new WidgetRoutes(plugin);
        all.addAll(widget.routes());
        UploadDownloads downloads = new UploadDownloads(plugin);
        all.addAll(new ChatFileRoutes(plugin, widget, downloads).routes());
        all.add(WebRoute.of("GET", "/agent/uploads/{id}", RouteAccess.AGENT, Routes.guarded(r -> {
            String agent = r.caller().orElseThrow().name();
            return downloads.download(r.pathParam("id"), u -> u.ownerId()
                    .flatMap(owner -> plugin.runtime().host().router().assignedAgent(owner))
                    .filter(agent::equals).isPresent());
        })));
        return all;
    }

    /** The routes' OpenAPI document, shipped in the jar; the host serves it merged into {@code /openapi.json}. */
    @Override
    public Optional<String> openApi() {
        try (InputStream in = ChatWebsiteRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the plugin jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }
}
