package com.chatwebsite.host.plugins;

import com.chatwebsite.api.ApiVersion;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.settings.SettingsSchema;
import com.chatwebsite.api.settings.SettingsSchemaProvider;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.api.web.WebRoutes;
import com.chatwebsite.host.plugins.PluginStatus.State;
import com.chatwebsite.host.web.PluginAvailability;
import com.chatwebsite.host.web.PluginGates;
import com.chatwebsite.host.web.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionWrapper;
import org.pf4j.Plugin;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's plugins: picks one jar per plugin id from the plugins folder (the newest version;
 * the others, and files it cannot load, are listed as refused with their reason), loads them with
 * PF4J, injects the host services through constructors, and mounts each started plugin's routes
 * under {@code /plugins/{pluginId}}. Whatever a plugin throws while it is loaded, started, mounted
 * or stopped, an {@link Error} included, fails that plugin with its reason and never the host.
 *
 * <p>The admin's actions (start, stop, reload, install) run one at a time. Stopping a plugin
 * first takes its routes away (new requests get {@code 503 plugin_unavailable}), then waits for
 * the calls already inside it (its gate), then ends its event streams, and only then stops it.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    /** How long a stop waits for requests already inside the plugin. */
    static final Duration DRAIN = Duration.ofSeconds(10);
    private static final int MAX_ERROR_CHARS = 2_000;
    private static final String DISABLED = "Disabled in the plugins folder's disabled.txt or enabled.txt.";

    private final Manager manager;
    private final Path pluginsDir;
    private final RouteTable routes;
    private final PluginGates gates;
    private final Consumer<String> closeStreams;
    private final PluginFolder folder;
    private final Object lock = new Object();
    /** The plugins loaded (or that failed to load) by id. */
    private final Map<String, PluginStatus> statuses = new ConcurrentHashMap<>();
    /** The serving plugins' chat channels, by plugin id. */
    private final Map<String, List<ChatChannel>> channels = new ConcurrentHashMap<>();
    /** The OpenAPI documents of each mounted plugin's routes, as its WebRoutes extensions gave them. */
    private final Map<String, List<String>> openApi = new ConcurrentHashMap<>();
    private volatile List<PluginJar> refused = List.of();
    private volatile List<PluginWrapper> started = List.of();
    private volatile boolean loadedAll;

    /**
     * The plugin host.
     *
     * @param pluginsDir the plugins folder
     * @param services the host services handed to plugins
     * @param routes where plugin routes are mounted
     * @param gates the gates the HTTP handler passes into plugin code
     * @param closeStreams ends the event streams a plugin's routes opened
     */
    public PluginHost(Path pluginsDir, Supplier<HostServices> services, RouteTable routes, PluginGates gates,
            Consumer<String> closeStreams) {
        this.manager = new Manager(pluginsDir, services);
        this.pluginsDir = pluginsDir;
        this.routes = routes;
        this.gates = gates;
        this.closeStreams = closeStreams;
        this.folder = new PluginFolder(manager::describe, manager.getVersionManager(), ApiVersion.VERSION);
    }

    /** PF4J's manager with our factories; the factories read the services only when they create. */
    private static final class Manager extends DefaultPluginManager {
        private final Supplier<HostServices> services;
        private final Map<String, Plugin> created = new ConcurrentHashMap<>();
        private ServicesExtensionFactory extensions;

        Manager(Path pluginsDir, Supplier<HostServices> services) {
            super(pluginsDir);
            this.services = services;
            setSystemVersion(ApiVersion.VERSION);
        }

        @Override
        protected PluginFactory createPluginFactory() {
            return wrapper -> {
                Plugin plugin = new ServicesPluginFactory(() -> services.get()).create(wrapper);
                created.put(wrapper.getPluginId(), plugin);
                return plugin;
            };
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

        /** A requires expression PF4J cannot parse disables the plugin instead of throwing. */
        @Override
        protected boolean isPluginValid(PluginWrapper pluginWrapper) {
            try {
                return super.isPluginValid(pluginWrapper);
            } catch (RuntimeException e) {
                LOG.warn("plugin.requires of {} cannot be parsed", pluginWrapper.getPluginId());
                return false;
            }
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

        PluginDescriptor describe(Path file) {
            return getPluginDescriptorFinder().find(file);
        }

        List<Path> pluginPaths() {
            return pluginRepository.getPluginPaths();
        }

        PluginWrapper loadOne(Path file) {
            return loadPluginFromPath(file);
        }

        void resolve() {
            resolvePlugins();
        }

        /** Creates a plugin's extensions of a type; unlike PF4J's, a failing one throws. */
        <T> List<T> extensionsOrFail(Class<T> type, String pluginId) {
            List<T> out = new ArrayList<>();
            for (ExtensionWrapper<T> w : extensionFinder.find(type, pluginId)) {
                out.add(w.getExtension());
            }
            return out;
        }

        /** Marks a plugin failed and no longer started, whatever PF4J thought. */
        void markFailed(PluginWrapper wrapper, Throwable cause) {
            wrapper.setPluginState(PluginState.FAILED);
            wrapper.setFailedException(cause);
            startedPlugins.remove(wrapper);
            firePluginStateEvent(new org.pf4j.PluginStateEvent(this, wrapper, PluginState.STARTED));
        }
    }

    /** Loads and starts the chosen jar of every plugin in the folder, and mounts the routes of those that started. */
    public void loadAndStartAll() {
        synchronized (lock) {
            try {
                PluginFolder.Scan scan = scanFolder();
                refused = scan.refused();
                for (PluginJar jar : scan.chosen().values()) {
                    statuses.put(jar.id().orElseThrow(), PluginStatus.of(jar, State.STARTING));
                }
                List<String> loaded = new ArrayList<>();
                for (PluginJar jar : scan.chosen().values()) {
                    if (loadGuarded(jar)) {
                        loaded.add(jar.id().orElseThrow());
                    }
                }
                resolveGuarded(loaded);
                for (PluginWrapper w : List.copyOf(manager.getResolvedPlugins())) {
                    PluginStatus s = statuses.get(w.getPluginId());
                    if (s != null && s.state() == State.STARTING) {
                        startGuarded(w.getPluginId(), false);
                    }
                }
            } catch (RuntimeException | Error e) {
                LOG.error("loading the plugins failed", e);
            } finally {
                loadedAll = true;
            }
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
        PluginStatus s = statuses.get(pluginId);
        if (s == null) {
            if (!loadedAll) {
                return PluginAvailability.STARTING;
            }
            boolean known = refused.stream().anyMatch(j -> j.id().filter(pluginId::equals).isPresent());
            return known ? PluginAvailability.UNAVAILABLE : PluginAvailability.UNKNOWN;
        }
        return switch (s.state()) {
            case STARTING, RESOLVED, STARTED -> loadedAll ? PluginAvailability.RESTARTING : PluginAvailability.STARTING;
            case STOPPING -> s.reloading() ? PluginAvailability.RESTARTING : PluginAvailability.UNAVAILABLE;
            case STOPPED, FAILED, DISABLED, REFUSED -> PluginAvailability.UNAVAILABLE;
        };
    }

    /**
     * A loaded plugin's status (also one that failed to load).
     *
     * @param pluginId the plugin
     * @return its status, if the host has it
     */
    public Optional<PluginStatus> status(String pluginId) {
        return Optional.ofNullable(statuses.get(pluginId));
    }

    /**
     * The plugins by id, then the files of the plugins folder the host refused, each with its
     * reason.
     *
     * @return the list the admin API shows
     */
    public List<PluginStatus> list() {
        List<PluginStatus> out = new ArrayList<>(plugins(false));
        refused.forEach(j -> out.add(PluginStatus.refused(j)));
        return out;
    }

    /**
     * One entry per plugin id, as {@code /health} shows them: each plugin the host has, and for
     * an id whose every file was refused, the first refused file.
     *
     * @return the entries
     */
    public List<PluginStatus> byId() {
        return plugins(true);
    }

    private List<PluginStatus> plugins(boolean withRefusedIds) {
        List<PluginStatus> out = new ArrayList<>(statuses.values());
        if (withRefusedIds) {
            for (PluginJar j : refused) {
                Optional<String> id = j.id();
                if (id.isPresent() && !statuses.containsKey(id.get())
                        && out.stream().noneMatch(s -> s.id().equals(id))) {
                    out.add(PluginStatus.refused(j));
                }
            }
        }
        out.sort(Comparator.comparing(s -> s.id().orElse("")));
        return out;
    }

    /**
     * Loads one plugin jar (not started), whatever the folder holds.
     *
     * @param jar the jar
     * @return the plugin's id
     * @throws PluginActionException if the jar is refused or its loading fails
     */
    public String load(Path jar) {
        synchronized (lock) {
            PluginJar read = folder.read(jar);
            if (!read.loadable()) {
                throw PluginActionException.invalid(read.refusal().orElseThrow());
            }
            String id = read.id().orElseThrow();
            if (manager.getPlugin(id) != null) {
                throw PluginActionException.conflict("plugin_loaded", "Plugin " + id + " is loaded already.");
            }
            statuses.put(id, PluginStatus.of(read, State.RESOLVED));
            if (!loadGuarded(read) || !resolveGuarded(List.of(id))) {
                throw PluginActionException.failed(statuses.get(id).error().orElse("loading failed"), statuses.get(id));
            }
            statuses.put(id, statuses.get(id).with(State.RESOLVED, Optional.empty(), false));
            return id;
        }
    }

    /**
     * Starts a loaded plugin and mounts its routes; a plugin that failed is loaded afresh from
     * its jar first (a new class loader and instance). Never throws what the plugin throws: the
     * plugin is then {@code FAILED}.
     *
     * @param pluginId the plugin
     * @return its PF4J state afterwards ({@code STARTED} or {@code FAILED}, or as it was)
     * @throws PluginActionException if there is no such plugin
     */
    public PluginState start(String pluginId) {
        synchronized (lock) {
            PluginStatus s = statuses.get(pluginId);
            if (s == null) {
                throw PluginActionException.notFound(pluginId);
            }
            if (s.state() == State.STARTED) {
                return PluginState.STARTED;
            }
            if (s.state() == State.FAILED || manager.getPlugin(pluginId) == null) {
                unloadGuarded(pluginId, false);
                statuses.put(pluginId, s.with(State.STARTING, Optional.empty(), false));
                if (!loadGuarded(s.jar()) || !resolveGuarded(List.of(pluginId))) {
                    return PluginState.FAILED;
                }
            }
            return toPf4j(startGuarded(pluginId, false).state());
        }
    }

    /**
     * Takes a plugin's routes away, waits for the calls inside it, ends its streams, then stops
     * it. A stop that throws leaves the plugin {@code FAILED}.
     *
     * @param pluginId the plugin
     * @throws PluginActionException if there is no such plugin
     */
    public void stop(String pluginId) {
        synchronized (lock) {
            if (!statuses.containsKey(pluginId)) {
                throw PluginActionException.notFound(pluginId);
            }
            stopGuarded(pluginId, false);
        }
    }

    /**
     * Stops and unloads a plugin, closing its class loader.
     *
     * @param pluginId the plugin
     * @return whether it was loaded
     */
    public boolean unload(String pluginId) {
        synchronized (lock) {
            boolean had = manager.getPlugin(pluginId) != null;
            unloadGuarded(pluginId, false);
            return had;
        }
    }

    /**
     * What a reload or an install did.
     *
     * @param plugin the plugin's status afterwards
     * @param failure why the new jar did not start (the previous one runs again if it could),
     *     empty if it did
     */
    public record Outcome(PluginStatus plugin, Optional<String> failure) {
    }

    /**
     * Replaces a plugin by the newest jar of it in the plugins folder (by {@code plugin.version},
     * semantic versioning), or restarts it from its jar afresh: stops and unloads it, loads and
     * starts that jar. If that one fails and the previous jar is still there, the previous one
     * is started again and the new one is listed as refused with the reason.
     *
     * @param pluginId the plugin
     * @return the outcome
     * @throws PluginActionException if the folder holds no loadable jar of it
     */
    public Outcome reload(String pluginId) {
        synchronized (lock) {
            PluginFolder.Scan scan = scanFolder();
            Optional<PluginJar> newest = scan.chosen(pluginId);
            PluginStatus current = statuses.get(pluginId);
            if (newest.isEmpty()) {
                if (current == null && scan.refused(pluginId).isEmpty()) {
                    throw PluginActionException.notFound(pluginId);
                }
                String reasons = scan.refused(pluginId).stream()
                        .map(j -> j.fileName() + ": " + j.refusal().orElseThrow().reason())
                        .reduce((a, b) -> a + " " + b).map(r -> " " + r).orElse("");
                throw PluginActionException.conflict("no_plugin_jar", "The plugins folder holds no jar of plugin "
                        + pluginId + " this host can load." + reasons);
            }
            Outcome outcome = replace(pluginId, current, newest.get());
            refuseOthers(pluginId, Optional.of(outcome.plugin()), outcome.failure());
            return outcome;
        }
    }

    /**
     * Installs an uploaded plugin jar: checks it, saves it in the plugins folder as
     * {@code <id>-<version>.jar}, and loads and starts it; if that plugin id is loaded, only with
     * {@code replace}, as a reload onto this jar. A jar that fails to start is removed again (and
     * a replaced plugin runs again), so a failed install changes nothing.
     *
     * @param upload the uploaded file (moved into the folder, or left for the caller to delete)
     * @param replace whether a loaded plugin of the same id may be replaced
     * @return the outcome, without failure
     * @throws PluginActionException why it was refused or failed
     */
    public Outcome install(Path upload, boolean replace) {
        synchronized (lock) {
            PluginJar jar = folder.read(upload);
            if (!jar.loadable()) {
                throw PluginActionException.invalid(jar.refusal().orElseThrow());
            }
            String id = jar.id().orElseThrow();
            String version = jar.version().orElseThrow();
            PluginStatus current = statuses.get(id);
            if (current != null && !replace) {
                throw PluginActionException.conflict("plugin_loaded", "Plugin " + id + " "
                        + current.version().orElse("") + " is loaded (" + current.state() + "). Send the jar again "
                        + "with ?replace=true to replace it by " + version + " (a reload).");
            }
            PluginFolder.Scan scan = scanFolder();
            Optional<PluginJar> newest = scan.chosen(id);
            if (newest.isPresent() && folder.compare(newest.get(), jar) > 0) {
                throw PluginActionException.conflict("newer_version_present", "The plugins folder holds " + id + " "
                        + newest.get().version().orElseThrow() + " (" + newest.get().fileName() + "), newer than "
                        + version + ", which would win at the next start. Remove that file first.");
            }
            Path target = pluginsDir.resolve(id + "-" + version + ".jar");
            boolean created = !Files.exists(target);
            if (!created && !sameContent(target, upload)) {
                throw PluginActionException.conflict("version_exists", target.getFileName() + " already holds another "
                        + "build of " + id + " " + version + ": give the new build a new plugin.version.");
            }
            if (created) {
                move(upload, target);
            }
            PluginJar placed = folder.read(target);
            Outcome outcome = replace(id, current, placed);
            if (outcome.failure().isPresent()) {
                PluginStatus now = outcome.plugin();
                if (created) {
                    if (now.jar().file().equals(target)) { // nothing to go back to: take the new one out again
                        unloadGuarded(id, false);
                        if (current != null) {
                            statuses.put(id, current.state() == State.STARTED
                                    ? current.with(State.FAILED, Optional.of("Its jar is gone."), false) : current);
                        }
                        now = statuses.getOrDefault(id, now);
                    }
                    deleteQuietly(target);
                }
                refuseOthers(id, Optional.ofNullable(statuses.get(id)), outcome.failure());
                throw PluginActionException.failed(outcome.failure().get(), now);
            }
            refuseOthers(id, Optional.of(outcome.plugin()), Optional.empty());
            return outcome;
        }
    }

    /**
     * Unloads the plugin (if loaded), then loads and starts {@code next}; falls back to the
     * previous jar if that fails.
     */
    private Outcome replace(String id, PluginStatus current, PluginJar next) {
        if (current != null) {
            statuses.put(id, current.with(State.STOPPING, current.error(), true));
            unloadGuarded(id, true);
        }
        PluginStatus result = loadAndStart(next);
        if (result.state() == State.STARTED) {
            return new Outcome(result, Optional.empty());
        }
        String why = next.version().orElse("?") + " (" + next.fileName() + ") failed: "
                + result.error().orElse(result.state().name());
        boolean canGoBack = current != null && current.state() != State.FAILED
                && !current.jar().file().equals(next.file()) && Files.exists(current.jar().file());
        if (!canGoBack) {
            return new Outcome(result, Optional.of(why));
        }
        LOG.warn("plugin {} {}; starting {} again", id, why, current.version().orElse("?"));
        unloadGuarded(id, true);
        PluginStatus back = loadAndStart(folder.read(current.jar().file()));
        String outcome = back.state() == State.STARTED
                ? "; " + current.version().orElse("the previous version") + " runs again."
                : "; the previous version " + current.version().orElse("") + " failed too: "
                        + back.error().orElse(back.state().name());
        return new Outcome(back, Optional.of(why + outcome));
    }

    private PluginStatus loadAndStart(PluginJar jar) {
        String id = jar.id().orElseThrow();
        statuses.put(id, PluginStatus.of(jar, State.STARTING).with(State.STARTING, Optional.empty(), true));
        if (loadGuarded(jar) && resolveGuarded(List.of(id))) {
            return startGuarded(id, true);
        }
        return statuses.get(id);
    }

    /**
     * After a reload or install: every jar of the plugin in the folder but the one it runs from
     * is listed as refused, the newest with the reason it failed if it is not the one running.
     */
    private void refuseOthers(String id, Optional<PluginStatus> running, Optional<String> failure) {
        PluginFolder.Scan scan = scanFolder();
        Optional<Path> runs = running.map(r -> r.jar().file());
        List<PluginJar> next = new ArrayList<>();
        for (PluginJar j : refused) {
            if (j.id().filter(id::equals).isEmpty()) {
                next.add(j);
            }
        }
        for (PluginJar j : scan.refused(id)) {
            if (runs.filter(j.file()::equals).isEmpty()) {
                next.add(j);
            }
        }
        scan.chosen(id).filter(newest -> runs.filter(newest.file()::equals).isEmpty())
                .ifPresent(newest -> next.add(newest.refused("failed", failure.orElse("It failed to start."))));
        next.sort(Comparator.comparing(PluginJar::fileName));
        refused = List.copyOf(next);
    }

    /** Loads a jar into PF4J (not resolved yet); on failure the plugin is FAILED with the reason. */
    private boolean loadGuarded(PluginJar jar) {
        String id = jar.id().orElseThrow();
        try {
            PluginWrapper w = manager.loadOne(jar.file());
            if (w.getPluginState() == PluginState.DISABLED) {
                statuses.put(id, statuses.getOrDefault(id, PluginStatus.of(jar, State.DISABLED))
                        .with(State.DISABLED, Optional.of(DISABLED), false));
                return false;
            }
            return true;
        } catch (RuntimeException | Error e) {
            LOG.error("cannot load plugin {} from {}", id, jar.file(), e);
            discard(id);
            statuses.put(id, PluginStatus.of(jar, State.FAILED).with(State.FAILED,
                    Optional.of("Loading failed: " + describe(e)), false));
            return false;
        }
    }

    /** Resolves what was loaded; plugins it leaves unresolved (a missing dependency) are FAILED. */
    private boolean resolveGuarded(List<String> ids) {
        String problem = null;
        try {
            manager.resolve();
        } catch (RuntimeException | Error e) {
            LOG.error("resolving plugins failed", e);
            problem = describe(e);
        }
        boolean all = true;
        for (PluginWrapper w : List.copyOf(manager.getUnresolvedPlugins())) {
            if (ids.contains(w.getPluginId())) {
                all = false;
                String why = "Its dependencies cannot be resolved" + (problem == null ? "." : ": " + problem);
                discard(w.getPluginId());
                PluginStatus s = statuses.get(w.getPluginId());
                if (s != null) {
                    statuses.put(w.getPluginId(), s.with(State.FAILED, Optional.of(why), false));
                }
            }
        }
        return all;
    }

    /** Starts a loaded plugin and mounts its routes; anything thrown makes it FAILED. */
    private PluginStatus startGuarded(String id, boolean reloading) {
        PluginStatus s = statuses.get(id);
        statuses.put(id, s.with(State.STARTING, Optional.empty(), reloading));
        try {
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                throw new IllegalStateException("The plugin did not start: PF4J left it " + state + ".");
            }
            List<WebRoute> all = new ArrayList<>();
            List<String> documents = new ArrayList<>();
            for (WebRoutes extension : manager.extensionsOrFail(WebRoutes.class, id)) {
                all.addAll(extension.routes());
                openApiOf(id, extension).ifPresent(documents::add);
            }
            List<ChatChannel> ownChannels = new ArrayList<>();
            for (ChatChannel c : manager.extensionsOrFail(ChatChannel.class, id)) {
                ownChannels.add(new GuardedChannel(id, c, gates));
            }
            gates.open(id);
            routes.mount(id, "/plugins/" + id, all);
            openApi.put(id, List.copyOf(documents));
            channels.put(id, List.copyOf(ownChannels));
            refreshStarted();
            LOG.info("mounted {} route(s) of {} under /plugins/{}", all.size(), id, id);
            PluginStatus now = s.with(State.STARTED, Optional.empty(), false);
            statuses.put(id, now);
            return now;
        } catch (RuntimeException | Error e) {
            return fail(id, "Start", e);
        }
    }

    /** Takes a failed plugin out of service and records why. */
    private PluginStatus fail(String id, String during, Throwable cause) {
        LOG.error("plugin {}: {} failed; it is FAILED", id, during.toLowerCase(java.util.Locale.ROOT), cause);
        takeOutOfService(id, Duration.ZERO);
        PluginWrapper w = manager.getPlugin(id);
        if (w != null) {
            if (w.getPluginState() == PluginState.STARTED) {
                try {
                    manager.stopPlugin(id);
                } catch (RuntimeException | Error e) {
                    LOG.warn("stopping the failed plugin {} failed too", id, e);
                }
            } else {
                Plugin half = manager.created.get(id);
                if (half != null) {
                    try {
                        half.stop(); // releases what a start that threw half-way had begun
                    } catch (RuntimeException | Error e) {
                        LOG.debug("stopping the half-started plugin {} failed", id, e);
                    }
                }
            }
            manager.markFailed(w, cause);
            manager.extensions().forget(w.getPluginClassLoader());
        }
        PluginStatus now = statuses.get(id).with(State.FAILED, Optional.of(during + " failed: " + describe(cause)),
                false);
        statuses.put(id, now);
        return now;
    }

    /** A routes extension's OpenAPI document; one that fails only leaves its routes undocumented. */
    private static Optional<String> openApiOf(String id, WebRoutes extension) {
        try {
            return extension.openApi();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("plugin {}: its OpenAPI document could not be read; its routes are listed as undocumented", id, e);
            return Optional.empty();
        }
    }

    /**
     * The OpenAPI documents a mounted plugin's routes came with (JSON text; see
     * {@link WebRoutes#openApi()}).
     *
     * @param pluginId the plugin
     * @return its documents, none when it is not mounted or ships none
     */
    public List<String> openApiDocuments(String pluginId) {
        return openApi.getOrDefault(pluginId, List.of());
    }

    private void takeOutOfService(String id, Duration drain) {
        routes.unmount(id);
        openApi.remove(id);
        channels.remove(id);
        if (!gates.closeAndDrain(id, drain) && !drain.isZero()) {
            LOG.warn("{} call(s) still inside plugin {} after {}; stopping it anyway", gates.inside(id), id, drain);
        }
        refreshStarted();
        closeStreams.accept(id);
    }

    private PluginStatus stopGuarded(String id, boolean reloading) {
        PluginStatus s = statuses.get(id);
        if (s == null) {
            return null;
        }
        State was = s.state();
        statuses.put(id, s.with(State.STOPPING, s.error(), reloading));
        takeOutOfService(id, DRAIN);
        PluginWrapper w = manager.getPlugin(id);
        State after = was == State.FAILED || was == State.DISABLED ? was : State.STOPPED;
        Optional<String> error = was == State.FAILED || was == State.DISABLED ? s.error() : Optional.empty();
        if (w != null && w.getPluginState() == PluginState.STARTED) {
            try {
                manager.stopPlugin(id);
            } catch (RuntimeException | Error e) {
                LOG.error("stopping plugin {} failed; it is FAILED", id, e);
                manager.markFailed(w, e);
                after = State.FAILED;
                error = Optional.of("Stop failed: " + describe(e));
            }
        }
        if (w != null) {
            manager.extensions().forget(w.getPluginClassLoader());
        }
        PluginStatus now = s.with(after, error, reloading);
        statuses.put(id, now);
        return now;
    }

    private void unloadGuarded(String id, boolean reloading) {
        stopGuarded(id, reloading);
        discard(id);
        if (!reloading) {
            statuses.remove(id);
        }
    }

    /** Unloads a plugin from PF4J, closing its class loader, whatever it throws. */
    private void discard(String id) {
        try {
            if (manager.getPlugin(id) != null) {
                manager.unloadPlugin(id);
                RecordMethodCaches.forgetPluginRecords();
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("unloading plugin {} failed", id, e);
        } finally {
            manager.created.remove(id);
        }
    }

    private void refreshStarted() {
        List<PluginWrapper> now = new ArrayList<>();
        for (PluginWrapper w : manager.getStartedPlugins()) {
            if (routes.mounted(w.getPluginId())) {
                now.add(w);
            }
        }
        started = List.copyOf(now);
    }

    private PluginFolder.Scan scanFolder() {
        List<Path> files;
        try {
            files = manager.pluginPaths();
        } catch (RuntimeException e) {
            LOG.error("cannot list the plugins folder {}", pluginsDir, e);
            files = List.of();
        }
        return folder.scan(files);
    }

    private static PluginState toPf4j(State state) {
        return switch (state) {
            case STARTED -> PluginState.STARTED;
            case STOPPED, STOPPING -> PluginState.STOPPED;
            case DISABLED -> PluginState.DISABLED;
            case RESOLVED, STARTING -> PluginState.RESOLVED;
            case FAILED, REFUSED -> PluginState.FAILED;
        };
    }

    /** What went wrong, for an operator: the throwable and its causes, class names and messages, bounded. */
    static String describe(Throwable t) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 5; c = c.getCause(), depth++) {
            if (depth > 0) {
                out.append("; caused by ");
            }
            out.append(c.getClass().getName());
            if (c.getMessage() != null) {
                out.append(": ").append(c.getMessage().strip());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        String text = out.toString().replaceAll("\\s+", " ");
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            if (Files.size(a) != Files.size(b)) {
                return false;
            }
            try (InputStream x = Files.newInputStream(a); InputStream y = Files.newInputStream(b)) {
                byte[] bx = new byte[64 * 1024];
                byte[] by = new byte[64 * 1024];
                while (true) {
                    int nx = x.readNBytes(bx, 0, bx.length);
                    int ny = y.readNBytes(by, 0, by.length);
                    if (nx != ny || !Arrays.equals(bx, 0, nx, by, 0, ny)) {
                        return false;
                    }
                    if (nx == 0) {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) {
        try {
            Path partial = to.resolveSibling(to.getFileName() + ".part");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the plugin jar as " + to, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}", file, e);
        }
    }

    /**
     * The loaded plugins.
     *
     * @return PF4J's wrappers
     */
    public List<PluginWrapper> plugins() {
        synchronized (lock) {
            return List.copyOf(manager.getPlugins());
        }
    }

    /**
     * A serving plugin's chat channel by its id; its calls pass the plugin's gate.
     *
     * @param channelId the channel's id
     * @return the channel, if a serving plugin has it
     */
    public Optional<ChatChannel> channel(String channelId) {
        for (List<ChatChannel> own : channels.values()) {
            for (ChatChannel c : own) {
                if (c.channelId().equals(channelId)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The extensions of a type across the serving plugins; a plugin whose extension cannot be
     * created is left out (and logged).
     *
     * @param type the extension point
     * @param <T> its type
     * @return the extensions
     */
    public <T> List<T> extensions(Class<T> type) {
        return contributions(type).stream().map(PluginExtension::extension).toList();
    }

    /**
     * The extensions of a type across the serving plugins, each with its plugin's id, in lookup
     * order: plugin start order, then each plugin's extension ordinal. A plugin whose extension
     * cannot be created is left out (and logged).
     *
     * @param type the extension point
     * @param <T> its type
     * @return the extensions with their plugins
     */
    public <T> List<PluginExtension<T>> contributions(Class<T> type) {
        List<PluginExtension<T>> out = new ArrayList<>();
        for (PluginWrapper p : started) {
            String id = p.getPluginId();
            try {
                for (T extension : manager.getExtensions(type, id)) {
                    out.add(new PluginExtension<>(id, extension));
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("the {} extensions of plugin {} cannot be created", type.getSimpleName(), id, e);
            }
        }
        return out;
    }

    /**
     * A started plugin's settings schemas.
     *
     * @param pluginId the plugin
     * @return the schemas; empty if it declares none, is not started, or they cannot be read
     */
    public List<SettingsSchema> schemas(String pluginId) {
        PluginStatus s = statuses.get(pluginId);
        if (s == null || s.state() != State.STARTED) {
            return List.of();
        }
        List<SettingsSchema> out = new ArrayList<>();
        try {
            for (SettingsSchemaProvider provider : manager.getExtensions(SettingsSchemaProvider.class, pluginId)) {
                out.addAll(provider.schemas());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("the settings schemas of plugin {} cannot be read", pluginId, e);
            return List.of();
        }
        return out;
    }

    /** Stops and unloads every plugin. */
    @Override
    public void close() {
        synchronized (lock) {
            for (String id : List.copyOf(statuses.keySet())) {
                unloadGuarded(id, false);
            }
        }
    }
}
