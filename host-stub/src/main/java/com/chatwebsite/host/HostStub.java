package com.chatwebsite.host;

import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.host.ExtensionLookup;
import com.chatwebsite.api.host.HostInfo;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.host.api.AdminEndpoints;
import com.chatwebsite.host.api.AgentEndpoints;
import com.chatwebsite.host.api.AgentFileEndpoints;
import com.chatwebsite.host.api.FieldTypeCatalog;
import com.chatwebsite.host.api.FieldTypeEndpoints;
import com.chatwebsite.host.api.HealthEndpoint;
import com.chatwebsite.host.api.PluginEndpoints;
import com.chatwebsite.host.health.DatabaseProbe;
import com.chatwebsite.host.contact.JdbcContactManager;
import com.chatwebsite.host.db.Database;
import com.chatwebsite.host.demo.DemoSite;
import com.chatwebsite.host.db.Jdbc;
import com.chatwebsite.host.events.HostEventBus;
import com.chatwebsite.host.events.PgNotifyLink;
import com.chatwebsite.host.mail.HostMailService;
import com.chatwebsite.host.openapi.OpenApiDocument;
import com.chatwebsite.host.openapi.OpenApiEndpoint;
import com.chatwebsite.host.plugins.PluginHost;
import com.chatwebsite.host.routing.AgentEventLog;
import com.chatwebsite.host.routing.HostInteractionRouter;
import com.chatwebsite.host.settings.JdbcHostSettings;
import com.chatwebsite.host.web.Authenticator;
import com.chatwebsite.host.web.HostHandler;
import com.chatwebsite.host.web.JsonErrorHandler;
import com.chatwebsite.host.web.RouteTable;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The running host-stub: database, host services, plugins and HTTP server. Both the demo and the
 * integration-test harness.
 */
public final class HostStub implements AutoCloseable {

    private static final int REQUEST_HEADER_BYTES = 8 * 1024;
    private static final int MIN_GZIP_BYTES = 512;

    private final HostConfig config;
    private final Clock clock;
    private Database database;
    private HostEventBus events;
    private JdbcContactManager contacts;
    private HostMailService mail;
    private JdbcHostSettings settings;
    private HostInteractionRouter router;
    private AgentEventLog agentEvents;
    private PluginHost plugins;
    private final RouteTable routes = new RouteTable();
    private HostServices services;
    private HostHandler handler;
    private OpenApiEndpoint openApi;
    private Server server;
    private URI baseUrl;

    private HostStub(HostConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a host: migrates its database, starts HTTP, then loads and starts the plugins.
     *
     * @param config the configuration
     * @param clock the time source handed to plugins
     * @return the running host
     */
    public static HostStub start(HostConfig config, Clock clock) {
        HostStub host = new HostStub(config, clock);
        try {
            host.startAll();
            return host;
        } catch (Exception e) {
            host.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    private void startAll() throws Exception {
        Files.createDirectories(config.dataDir());
        Files.createDirectories(config.pluginsDir());
        database = Database.open(config.db(), config.dataDir());
        Jdbc jdbc = new Jdbc(database.dataSource());
        events = new HostEventBus();
        if (database.shared()) {
            events.join(new PgNotifyLink(config.nodeId(), database.dataSource(), database::openDedicated, clock));
        }
        contacts = new JdbcContactManager(jdbc, clock);
        mail = new HostMailService(config.smtp(), config.dataDir(), jdbc, clock);
        settings = new JdbcHostSettings(jdbc, events, clock);
        router = new HostInteractionRouter(jdbc, config.agents(), id -> plugins.channel(id), events, contacts, clock);

        handler = new HostHandler(routes, new Authenticator(config.adminToken(), config.agents(), clock),
                config.dataDir().resolve("tmp"), config.trustedProxyHeader());
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("host-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Jetty refuses what it cannot read unambiguously (400, before any handler): encoded '/', '\', '%'
        // or control characters, dot segments hidden by encoding or ';', empty segments ('//'), a path
        // above the root, bad framing. A plain path that matches nothing, also one with '.' or '..'
        // segments (never resolved), is 404.
        http.setUriCompliance(UriCompliance.RFC3986);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(config.port());
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(compressing(handler));
        server.setStopTimeout(2_000);
        server.start();
        baseUrl = URI.create(config.publicUrl().orElse("http://localhost:" + connector.getLocalPort()));

        services = new HostServices(contacts, mail, router, settings, database.dataSource(), events, clock,
                new HostInfo("host-stub", baseUrl, config.dataDir()), new ExtensionLookup() {
                    @Override
                    public <T> List<T> find(Class<T> type) {
                        return plugins.extensions(type);
                    }
                });
        plugins = new PluginHost(config.pluginsDir(), () -> services, routes, handler.gates(),
                handler::closeStreamsOf);
        handler.pluginAvailability(plugins::availability);
        List<com.chatwebsite.api.web.WebRoute> own = new ArrayList<>();
        own.addAll(new HealthEndpoint(plugins, new DatabaseProbe(database.dataSource(), Duration.ofSeconds(1)),
                config.nodeId()).routes());
        own.addAll(new AdminEndpoints(settings, contacts, mail).routes());
        own.addAll(new PluginEndpoints(plugins, config.dataDir().resolve("tmp")).routes());
        own.addAll(new FieldTypeEndpoints(new FieldTypeCatalog(() -> plugins.contributions(FormFieldType.class),
                contacts)).routes());
        agentEvents = new AgentEventLog(jdbc, events, clock);
        events.recorder(agentEvents);
        own.addAll(new AgentEndpoints(router, plugins, contacts, agentEvents, config.dispositions()).routes());
        own.addAll(new AgentFileEndpoints(router, plugins).routes());
        openApi = new OpenApiEndpoint(OpenApiDocument.load(), routes, plugins);
        own.addAll(openApi.routes());
        routes.mount("host", "", own);
        plugins.loadAndStartAll();
        DemoSite demo = new DemoSite(URI.create("http://127.0.0.1:" + connector.getLocalPort()), baseUrl,
                config.adminToken());
        handler.demoSnippet(demo::snippet, baseUrl);
        if (config.demo()) {
            demo.seed();
        }
    }

    /**
     * Gzip for answers of at least {@link #MIN_GZIP_BYTES} when the client accepts it; never an
     * event stream (each event must leave at once). Request bodies are not inflated.
     */
    private static GzipHandler compressing(HostHandler handler) {
        GzipHandler gzip = new GzipHandler(handler);
        gzip.setMinGzipSize(MIN_GZIP_BYTES);
        gzip.addExcludedMimeTypes("text/event-stream");
        gzip.setInflateBufferSize(-1);
        return gzip;
    }

    public HostConfig config() {
        return config;
    }

    /** The URL browsers reach the host at, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** The mounted routes, the host's own and each started plugin's; for tests that walk them all. */
    public RouteTable routes() {
        return routes;
    }

    /** What {@code GET /openapi.json} serves now. */
    public OpenApiEndpoint openApi() {
        return openApi;
    }

    public HostServices services() {
        return services;
    }

    public HostInteractionRouter router() {
        return router;
    }

    public HostEventBus events() {
        return events;
    }

    public HostMailService mail() {
        return mail;
    }

    public String databaseDescription() {
        return database.description();
    }

    /** This node's id in the cluster. */
    public String nodeId() {
        return config.nodeId();
    }

    /** Stops plugins first, then HTTP and the bus's cluster link, then the database. */
    @Override
    public void close() {
        if (plugins != null) {
            plugins.close();
        }
        if (agentEvents != null) {
            agentEvents.close();
        }
        if (handler != null) {
            handler.closeStreams();
        }
        if (events != null) {
            events.close();
        }
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("stopping Jetty failed", e);
            }
        }
        if (database != null) {
            database.close();
        }
    }

}
