package com.chatwebsite.host.plugins;

import com.chatwebsite.api.ApiVersion;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.settings.SettingsSchema;
import com.chatwebsite.api.settings.SettingsSchemaProvider;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.api.web.WebRoutes;
import com.chatwebsite.host.web.PluginAvailability;
import com.chatwebsite.host.web.RouteTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's plugins: loads them with PF4J from the plugins folder, injects the host services
 * through constructors, and mounts each started plugin's routes under {@code /plugins/{pluginId}}.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Manager manager;
    private final RouteTable routes;
    private final java.util.function.Consumer<String> closeStreams;
    private volatile boolean loadedAll;

    public PluginHost(Path pluginsDir, Supplier<HostServices> services, RouteTable routes,
            java.util.function.Consumer<String> closeStreams) {
        this.manager = new Manager(pluginsDir, services);
        this.routes = routes;
        this.closeStreams = closeStreams;
    }

    /** PF4J's manager with our factories; the factories read the services only when they create. */
    private static final class Manager extends DefaultPluginManager {
        private Supplier<HostServices> services;
        private ServicesExtensionFactory extensions;

        Manager(Path pluginsDir, Supplier<HostServices> services) {
            super(pluginsDir);
            this.services = services;
            setSystemVersion(ApiVersion.VERSION);
        }

        @Override
        protected PluginFactory createPluginFactory() {
            return wrapper -> new ServicesPluginFactory(() -> services.get()).create(wrapper);
        }

        @Override
        protected ExtensionFactory createExtensionFactory() {
            return new ExtensionFactory() {
                @Override
                public <T> T create(Class<T> type) {
                    return extensions().create(type);
                }
            };
        }

        synchronized ServicesExtensionFactory extensions() {
            if (extensions == null) {
                extensions = new ServicesExtensionFactory(() -> services.get(), type -> {
                    PluginWrapper owner = whichPlugin(type);
                    return owner == null ? null : owner.getPlugin();
                });
            }
            return extensions;
        }
    }

    /** Loads and starts every plugin in the folder, and mounts the routes of those that started. */
    public void loadAndStartAll() {
        try {
            manager.loadPlugins();
            manager.startPlugins();
            for (PluginWrapper p : manager.getStartedPlugins()) {
                mount(p.getPluginId());
            }
        } finally {
            loadedAll = true;
        }
    }

    /**
     * Whether a plugin's paths can be answered: until the first {@link #loadAndStartAll} is done
     * every plugin not mounted yet is starting.
     *
     * @param pluginId the id in the path
     * @return its availability
     */
    public PluginAvailability availability(String pluginId) {
        if (routes.mounted(pluginId)) {
            return PluginAvailability.SERVING;
        }
        PluginWrapper p = manager.getPlugin(pluginId);
        if (p == null) {
            return loadedAll ? PluginAvailability.UNKNOWN : PluginAvailability.STARTING;
        }
        PluginState state = p.getPluginState();
        if (!loadedAll && (state == PluginState.CREATED || state == PluginState.RESOLVED)) {
            return PluginAvailability.STARTING;
        }
        return state == PluginState.STARTED ? PluginAvailability.STARTING : PluginAvailability.UNAVAILABLE;
    }

    /**
     * A plugin's state as {@code /health} reports it: {@code STARTED} only once its routes answer,
     * {@code STARTING} before.
     *
     * @param plugin the plugin
     * @return the state's name
     */
    public String reportedState(PluginWrapper plugin) {
        PluginState state = plugin.getPluginState();
        if (state == PluginState.STARTED && !routes.mounted(plugin.getPluginId())) {
            return "STARTING";
        }
        return state.name();
    }

    /**
     * Loads one plugin jar.
     *
     * @param jar the jar
     * @return the plugin's id
     */
    public String load(Path jar) {
        return manager.loadPlugin(jar);
    }

    /**
     * Starts a loaded plugin and mounts its routes.
     *
     * @param pluginId the plugin
     * @return its state afterwards
     */
    public PluginState start(String pluginId) {
        PluginState state = manager.startPlugin(pluginId);
        if (state == PluginState.STARTED) {
            mount(pluginId);
        }
        return state;
    }

    /**
     * Unmounts a plugin's routes, then stops it.
     *
     * @param pluginId the plugin
     */
    public void stop(String pluginId) {
        routes.unmount(pluginId);
        closeStreams.accept(pluginId);
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper != null && wrapper.getPluginState() == PluginState.STARTED) {
            manager.stopPlugin(pluginId);
        }
        if (wrapper != null) {
            manager.extensions().forget(wrapper.getPluginClassLoader());
        }
    }

    /**
     * Stops and unloads a plugin, closing its class loader.
     *
     * @param pluginId the plugin
     * @return whether it was loaded
     */
    public boolean unload(String pluginId) {
        stop(pluginId);
        boolean unloaded = manager.unloadPlugin(pluginId);
        RecordMethodCaches.forgetPluginRecords();
        return unloaded;
    }

    private void mount(String pluginId) {
        List<WebRoute> all = new ArrayList<>();
        for (WebRoutes extension : manager.getExtensions(WebRoutes.class, pluginId)) {
            all.addAll(extension.routes());
        }
        try {
            routes.mount(pluginId, "/plugins/" + pluginId, all);
            LOG.info("mounted {} route(s) of {} under /plugins/{}", all.size(), pluginId, pluginId);
        } catch (IllegalArgumentException e) {
            LOG.error("cannot mount the routes of {}: {}; stopping it", pluginId, e.getMessage());
            manager.stopPlugin(pluginId);
        }
    }

    /**
     * The loaded plugins.
     *
     * @return PF4J's wrappers
     */
    public List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /**
     * A started plugin's chat channel by its id.
     *
     * @param channelId the channel's id
     * @return the channel, if a started plugin has it
     */
    public Optional<ChatChannel> channel(String channelId) {
        for (PluginWrapper p : manager.getStartedPlugins()) {
            for (ChatChannel c : manager.getExtensions(ChatChannel.class, p.getPluginId())) {
                if (c.channelId().equals(channelId)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The extensions of a type across the started plugins.
     *
     * @param type the extension point
     * @param <T> its type
     * @return the extensions
     */
    public <T> List<T> extensions(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (PluginWrapper p : manager.getStartedPlugins()) {
            out.addAll(manager.getExtensions(type, p.getPluginId()));
        }
        return out;
    }

    /**
     * A started plugin's settings schemas.
     *
     * @param pluginId the plugin
     * @return the schemas; empty if it declares none or is not started
     */
    public List<SettingsSchema> schemas(String pluginId) {
        PluginWrapper p = manager.getPlugin(pluginId);
        if (p == null || p.getPluginState() != PluginState.STARTED) {
            return List.of();
        }
        List<SettingsSchema> out = new ArrayList<>();
        for (SettingsSchemaProvider provider : manager.getExtensions(SettingsSchemaProvider.class, pluginId)) {
            out.addAll(provider.schemas());
        }
        return out;
    }

    /** Stops and unloads every plugin. */
    @Override
    public void close() {
        for (PluginWrapper p : List.copyOf(manager.getPlugins())) {
            try {
                unload(p.getPluginId());
            } catch (RuntimeException e) {
                LOG.warn("unloading {} failed", p.getPluginId(), e);
            }
        }
    }
}
