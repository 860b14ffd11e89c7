package com.chatwebsite.plugin;

import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.plugin.contact.ContactLinker;
import com.chatwebsite.plugin.form.FormService;
import com.chatwebsite.plugin.offline.OfflineMessages;
import com.chatwebsite.plugin.offline.OfflineService;
import com.chatwebsite.plugin.offline.OutboxRelay;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.Dispositions;
import com.chatwebsite.plugin.session.EventLog;
import com.chatwebsite.plugin.session.SessionFeeds;
import com.chatwebsite.plugin.session.SessionPublisher;
import com.chatwebsite.plugin.store.JdbcEventLogStore;
import com.chatwebsite.plugin.store.Lease;
import com.chatwebsite.plugin.store.NodeHeartbeat;
import com.chatwebsite.api.host.EventBus;
import java.util.UUID;
import java.util.Map;
import com.chatwebsite.api.host.HostEvent;
import com.chatwebsite.plugin.error.ThrottledWarning;
import com.chatwebsite.plugin.limit.RateLimiter;
import com.chatwebsite.plugin.session.SessionService;
import com.chatwebsite.plugin.session.SessionLookup;
import com.chatwebsite.plugin.session.SessionOpener;
import com.chatwebsite.plugin.session.SessionState;
import com.chatwebsite.plugin.session.SessionSweeper;
import com.chatwebsite.plugin.store.Db;
import com.chatwebsite.plugin.store.PluginMigrations;
import com.chatwebsite.plugin.store.FormStore;
import com.chatwebsite.plugin.store.OfflineStore;
import com.chatwebsite.plugin.store.SessionStore;
import com.chatwebsite.plugin.store.UploadStore;
import com.chatwebsite.plugin.upload.FileTypeGuard;
import com.chatwebsite.plugin.upload.UploadService;
import com.chatwebsite.plugin.store.WebsiteStore;
import com.chatwebsite.plugin.website.StatusWatch;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteService;
import com.chatwebsite.plugin.website.WebsiteSettingsSchema;
import com.chatwebsite.plugin.video.VideoCallService;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import okhttp3.OkHttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the started plugin owns: its migrated tables, its components and its threads. Created by
 * {@link ChatWebsitePlugin#start()}, closed by {@link ChatWebsitePlugin#stop()}.
 */
public final class PluginRuntime implements AutoCloseable {

    /** Every thread the plugin starts has a name with this prefix. */
    public static final String THREAD_PREFIX = "chat-website-";

    private static final Logger LOG = LoggerFactory.getLogger(PluginRuntime.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** Cluster doorbell: a website was changed or deleted on some node. Data: {@code websiteId}. */
    public static final String WEBSITE_CHANGED = "chat-website.website-changed";
    /** Cluster doorbell: a website's open sessions changed on some node. Data: {@code websiteId}. */
    public static final String SESSIONS_CHANGED = "chat-website.sessions-changed";

    private static final long SWEEP_MILLIS = 1000;
    /** Writers committing in parallel, each for its share of the sessions. */
    private static final int WRITER_LANES = Integer.getInteger("chat-website.writer-lanes", 2);
    private static final Duration LEASE_TTL = Duration.ofSeconds(10);
    private static final Duration OPENING_GRACE = Duration.ofSeconds(30);
    private static final Duration REPAIR_PERIOD = Duration.ofSeconds(30);
    private static final Duration WARN_PERIOD = Duration.ofSeconds(30);
    private static final long FEED_CHECK_MILLIS = 2000;
    private static final Duration HTTP_CONNECT = Duration.ofSeconds(3);
    private static final Duration HTTP_READ = Duration.ofSeconds(5);
    private static final Duration HTTP_CALL = Duration.ofSeconds(8);
    private static final Duration UPLOAD_EXPIRY_PERIOD = Duration.ofMinutes(1);
    private static final Duration UNUSED_UPLOAD_AGE = Duration.ofHours(24);

    private final HostServices host;
    private final ScheduledExecutorService scheduler;
    private final WebsiteSettingsSchema websiteSchema;
    private final WebsiteService websites;
    private final SessionService sessions;
    private final SessionLookup lookup;
    private final SessionOpener opener;
    private final SessionFeeds feeds;
    private final SessionPublisher publisher;
    private final EventLog eventLog;
    private final List<EventBus.Subscription> subscriptions;
    private final String nodeId = UUID.randomUUID().toString();
    private final Lease lease;
    private final NodeHeartbeat heartbeat;
    private final FormService forms;
    private final UploadService uploads;
    private final ContactLinker contacts;
    private final OutboxRelay outbox;
    private final OfflineService offline;
    private final OkHttpClient http;
    private final VideoCallService video;
    private Instant nextUploadExpiry;
    private boolean leaseHeld;
    private Instant nextRepair;
    private final ThrottledWarning relayFailed = new ThrottledWarning(LOG, "the outbox relay", WARN_PERIOD);
    private final ThrottledWarning feedCheckFailed = new ThrottledWarning(LOG, "checking open streams", WARN_PERIOD);
    private final ThrottledWarning housekeepingFailed = new ThrottledWarning(LOG, "housekeeping", WARN_PERIOD);
    private final StatusWatch statusWatch;
    private final SessionSweeper sweeper;
    private final RateLimiter limiter;

    private PluginRuntime(HostServices host, ScheduledExecutorService scheduler) {
        this.host = host;
        this.scheduler = scheduler;
        Db db = new Db(host.dataSource());
        this.websiteSchema = new WebsiteSettingsSchema(host.contacts());
        this.websites = new WebsiteService(new WebsiteStore(db), websiteSchema, host.clock());
        this.forms = new FormService(new FormStore(db), host.contacts(), host.clock());
        UploadStore uploadStore = new UploadStore(db);
        this.uploads = new UploadService(uploadStore, new FileTypeGuard(),
                host.info().pluginDirectory(ChatWebsitePlugin.ID).resolve("uploads"), host.clock());
        this.contacts = new ContactLinker(host.contacts());
        JdbcEventLogStore logStore = new JdbcEventLogStore(db, host.events());
        this.feeds = new SessionFeeds(logStore);
        this.publisher = new SessionPublisher(feeds, host.events(), host.clock());
        this.eventLog = new EventLog(logStore, host.clock(), publisher, THREAD_PREFIX + "log-writer", WRITER_LANES);
        SessionStore sessionStore = new SessionStore(db, uploadStore);
        this.lookup = new SessionLookup(sessionStore, logStore, feeds);
        this.sessions = new SessionService(eventLog, lookup, host.router());
        this.opener = new SessionOpener(sessionStore, sessions, lookup, host, ChatWebsitePlugin.ID);
        this.lease = new Lease(db, "housekeeping", nodeId, LEASE_TTL);
        this.heartbeat = new NodeHeartbeat(db, nodeId);
        OfflineStore offlineStore = new OfflineStore(db, uploadStore);
        OfflineMessages offlineMessages = new OfflineMessages(uploads);
        this.outbox = new OutboxRelay(offlineStore, websites, forms, offlineMessages, host, nodeId);
        this.offline = new OfflineService(offlineStore, forms, uploads, contacts, offlineMessages, host,
                () -> scheduler.execute(this::relay));
        this.http = new OkHttpClient.Builder()
                .connectTimeout(HTTP_CONNECT)
                .readTimeout(HTTP_READ)
                .writeTimeout(HTTP_READ)
                .callTimeout(HTTP_CALL)
                .retryOnConnectionFailure(false)
                .build();
        this.video = new VideoCallService(sessions, lookup, websites, host.extensions());
        this.statusWatch = new StatusWatch(websites::byId, lookup::countOpen, host.clock());
        this.sweeper = new SessionSweeper(sessions, lookup, websites, host);
        this.limiter = new RateLimiter(host.clock());
        websites.onChange(w -> announce(WEBSITE_CHANGED, w.id()));
        websites.onDelete(w -> {
            closeSessionsOf(w);
            announce(WEBSITE_CHANGED, w.id());
        });
        sessions.onCountChange(id -> announce(SESSIONS_CHANGED, id));
        this.subscriptions = List.of(
                host.events().subscribe(SessionPublisher.APPENDED, publisher::onAppended),
                host.events().subscribe(EventBus.RESYNC, e -> scheduler.execute(this::resync)),
                host.events().subscribe(WEBSITE_CHANGED, e -> {
                    String id = String.valueOf(e.data().get("websiteId"));
                    websites.forget(id);
                    statusWatch.recheck(id);
                }),
                host.events().subscribe(SESSIONS_CHANGED,
                        e -> statusWatch.recheck(String.valueOf(e.data().get("websiteId")))));
    }

    static PluginRuntime start(HostServices host, ClassLoader pluginClassLoader) {
        long begin = System.nanoTime();
        int applied = new PluginMigrations(host.dataSource(), pluginClassLoader).migrate();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                new ThreadFactoryBuilder().setNameFormat(THREAD_PREFIX + "scheduler-%d").setDaemon(true).build());
        scheduler.setRemoveOnCancelPolicy(true);
        PluginRuntime runtime = new PluginRuntime(host, scheduler);
        runtime.heartbeat.beat(host.clock().instant());
        scheduler.scheduleWithFixedDelay(runtime::housekeeping, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(runtime::checkFeeds, FEED_CHECK_MILLIS, FEED_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.info("chat-website started: {} migration(s) applied, ready in {} ms", applied,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return runtime;
    }

    /**
     * Offers the waiting sessions and gives the active ones back to their agents, where the host's
     * routing lacks them (a node died between storing a session and offering it). Offering a routed
     * interaction again changes nothing.
     */
    private void routeOpenSessions(boolean alsoActive) {
        Instant settled = host.clock().instant().minus(OPENING_GRACE);
        for (ChatSession s : lookup.openSessions()) {
            Optional<Website> w = websites.byId(s.websiteId());
            if (w.isEmpty() || s.createdAt().isAfter(settled)) {
                continue; // a session opening now is offered by the request opening it
            }
            try {
                if (alsoActive && s.state() == SessionState.ACTIVE && s.agent().isPresent()) {
                    host.router().resume(opener.offer(w.get(), s), s.agent().get());
                } else if (s.state() == SessionState.WAITING) {
                    host.router().offer(opener.offer(w.get(), s));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not route session {} again: {}", s.id(), e.toString());
            }
        }
    }

    private void relay() {
        try {
            outbox.runOnce();
        } catch (RuntimeException e) {
            relayFailed.warn(e);
        }
    }

    /** Tells every node (this one too, at once) that a website's settings or open sessions changed. */
    private void announce(String topic, String websiteId) {
        host.events().publish(new HostEvent(topic, Map.of("websiteId", websiteId), host.clock().instant()));
    }

    /** After missed doorbells: cached websites may be stale, streams may be behind. */
    private void resync() {
        websites.forgetAll().forEach(statusWatch::recheck);
        checkFeeds();
    }

    /** Streams check the database for what their doorbells may have missed. */
    private void checkFeeds() {
        try {
            feeds.checkAll();
        } catch (RuntimeException e) {
            feedCheckFailed.warn(e);
        }
    }

    private void housekeeping() {
        try {
            heartbeat.beat(host.clock().instant());
        } catch (RuntimeException e) {
            housekeepingFailed.warn(e);
        }
        relay();
        try {
            statusWatch.tick();
            Instant now = host.clock().instant();
            if (!lease.holdOrTake(now)) {
                leaseHeld = false;
                return; // another node sweeps
            }
            if (!leaseHeld || nextRepair == null || !now.isBefore(nextRepair)) {
                routeOpenSessions(!leaseHeld); // a node may have died between storing a chat and offering it
                leaseHeld = true;
                nextRepair = now.plus(REPAIR_PERIOD);
            }
            sweeper.sweep();
            if (nextUploadExpiry == null || !now.isBefore(nextUploadExpiry)) {
                uploads.expireUnused(UNUSED_UPLOAD_AGE);
                nextUploadExpiry = now.plus(UPLOAD_EXPIRY_PERIOD);
            }
        } catch (RuntimeException e) {
            housekeepingFailed.warn(e);
        }
    }

    private void closeSessionsOf(Website website) {
        List<ChatSession> open = lookup.openSessions().stream().filter(s -> s.websiteId().equals(website.id()))
                .toList();
        for (ChatSession s : open) {
            sessions.closeQuietly(s.id(), Dispositions.WEBSITE_DELETED, "This chat has ended.");
        }
        statusWatch.recheck(website.id());
    }

    public HostServices host() {
        return host;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public WebsiteSettingsSchema websiteSchema() {
        return websiteSchema;
    }

    public WebsiteService websites() {
        return websites;
    }

    public SessionService sessions() {
        return sessions;
    }

    public SessionLookup lookup() {
        return lookup;
    }

    public SessionOpener opener() {
        return opener;
    }

    public FormService forms() {
        return forms;
    }

    public UploadService uploads() {
        return uploads;
    }

    public ContactLinker contacts() {
        return contacts;
    }

    public OfflineService offline() {
        return offline;
    }

    /** The plugin's HTTP client for outbound calls (video providers); closed on stop. */
    public OkHttpClient http() {
        return http;
    }

    public VideoCallService video() {
        return video;
    }

    public StatusWatch statusWatch() {
        return statusWatch;
    }

    public SessionSweeper sweeper() {
        return sweeper;
    }

    /** This node's abuse-limit buckets. */
    public RateLimiter limiter() {
        return limiter;
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        eventLog.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
        scheduler.shutdown(); // no interrupts: a task may be inside the host's database
        try {
            if (!scheduler.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("chat-website scheduler did not stop within {}", STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            heartbeat.leave();
            lease.release();
        } catch (RuntimeException e) {
            LOG.debug("could not release the housekeeping lease", e);
        }
    }
}
