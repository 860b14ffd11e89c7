package com.chatwebsite.plugin;

import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.plugin.consent.ConsentRepository;
import com.chatwebsite.plugin.contact.ContactLinker;
import com.chatwebsite.plugin.identity.IdentityVerifier;
import com.chatwebsite.plugin.form.FieldTypes;
import com.chatwebsite.plugin.form.FormService;
import com.chatwebsite.plugin.offline.OfflineMessages;
import com.chatwebsite.plugin.offline.OfflineService;
import com.chatwebsite.plugin.offline.OutboxRelay;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.Dispositions;
import com.chatwebsite.plugin.session.EventLog;
import com.chatwebsite.plugin.session.SessionFeeds;
import com.chatwebsite.plugin.session.SessionPublisher;
import com.chatwebsite.plugin.presence.LiveSignals;
import com.chatwebsite.plugin.presence.ReceiptService;
import com.chatwebsite.plugin.presence.TypingSignals;
import com.chatwebsite.plugin.store.ReceiptStore;
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
import com.chatwebsite.plugin.session.OfferForm;
import com.chatwebsite.plugin.session.SessionOpener;
import com.chatwebsite.plugin.session.SessionState;
import com.chatwebsite.plugin.session.SessionSweeper;
import com.chatwebsite.plugin.store.Db;
import com.chatwebsite.plugin.store.PluginMigrations;
import com.chatwebsite.plugin.store.FormStore;
import com.chatwebsite.plugin.store.OfflineStore;
import com.chatwebsite.plugin.store.SessionStore;
import com.chatwebsite.plugin.store.UploadStore;
import com.chatwebsite.plugin.chatfile.ChatFileService;
import com.chatwebsite.plugin.upload.FileTypeGuard;
import com.chatwebsite.plugin.upload.UploadService;
import com.chatwebsite.plugin.store.WebsiteStore;
import com.chatwebsite.plugin.store.WebhookStore;
import com.chatwebsite.plugin.webhook.TargetGuard;
import com.chatwebsite.plugin.webhook.WebhookRelay;
import com.chatwebsite.plugin.webhook.WebhookService;
import com.chatwebsite.plugin.store.TranscriptStore;
import com.chatwebsite.plugin.transcript.TranscriptRelay;
import com.chatwebsite.plugin.transcript.TranscriptService;
import com.chatwebsite.plugin.website.StatusWatch;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteService;
import com.chatwebsite.plugin.website.WebsiteSettingsSchema;
import com.chatwebsite.plugin.video.VideoCallService;
import com.chatwebsite.plugin.queue.QueueWatch;
import com.chatwebsite.plugin.queue.WaitingQueue;
import com.chatwebsite.plugin.rating.RatingService;
import com.chatwebsite.plugin.store.QueueStore;
import com.chatwebsite.plugin.store.RatingStore;
import com.chatwebsite.plugin.store.ConsentStore;
import com.chatwebsite.plugin.store.ContactDataStore;
import com.chatwebsite.plugin.privacy.ContactPrivacy;
import com.chatwebsite.plugin.privacy.RetentionSweep;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import okhttp3.OkHttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
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
    /** How long a stop waits in all for the plugin's threads to finish what they are doing. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** Cluster doorbell: a website was changed or deleted on some node. Data: {@code websiteId}. */
    public static final String WEBSITE_CHANGED = "chat-website.website-changed";
    /** Cluster doorbell: a website's open sessions changed on some node. Data: {@code websiteId}. */
    public static final String SESSIONS_CHANGED = "chat-website.sessions-changed";
    /** Cluster doorbell: a chat of a website left its queue (accepted or closed). Data: {@code websiteId}. */
    public static final String QUEUE_CHANGED = "chat-website.queue-changed";

    private static final long SWEEP_MILLIS = 1000;
    /** Writers committing in parallel, each for its share of the sessions. */
    private static final int WRITER_LANES = Integer.getInteger("chat-website.writer-lanes", 2);
    private static final Duration LEASE_TTL = Duration.ofSeconds(10);
    private static final Duration OPENING_GRACE = Duration.ofSeconds(30);
    private static final Duration REPAIR_PERIOD = Duration.ofSeconds(30);
    /**
     * The parts of each housekeeping pass that routing open chats again and the sweeper may take: with
     * thousands of open chats the next pass goes on where this one stopped, and the heartbeat and the
     * lease (renewed at the start of each pass) stay well within {@link #LEASE_TTL}.
     */
    private static final Duration REPAIR_SLICE = Duration.ofMillis(500);
    private static final Duration SWEEP_SLICE = Duration.ofSeconds(2);
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
    private final ChatFileService files;
    private final ContactLinker contacts;
    private final IdentityVerifier identities;
    private final OutboxRelay outbox;
    private final OfflineService offline;
    private final TranscriptService transcripts;
    private final TranscriptRelay transcriptRelay;
    private Instant nextTranscriptCatchUp;
    private static final Duration TRANSCRIPT_CATCH_UP_PERIOD = Duration.ofMinutes(1);
    private final OkHttpClient http;
    private final VideoCallService video;
    private Instant nextUploadExpiry;
    private boolean leaseHeld;
    private Instant nextRepair;
    /** Ids of open chats still to route again, and whether to give active ones back (scheduler thread only). */
    private final Deque<String> toRoute = new ArrayDeque<>();
    private boolean routeActiveToo;
    private RepairTally repairTally;
    /** Set first thing by {@link #close()}: every loop of the plugin's threads ends at its next item. */
    private volatile boolean stopping;
    private final ThrottledWarning relayFailed = new ThrottledWarning(LOG, "the outbox relay", WARN_PERIOD);
    private final ThrottledWarning feedCheckFailed = new ThrottledWarning(LOG, "checking open streams", WARN_PERIOD);
    private final ThrottledWarning housekeepingFailed = new ThrottledWarning(LOG, "housekeeping", WARN_PERIOD);
    private final StatusWatch statusWatch;
    private final SessionSweeper sweeper;
    private final RateLimiter limiter;
    private final WaitingQueue queue;
    private final QueueWatch queueWatch;
    private final RatingService ratings;
    private final LiveSignals live = new LiveSignals();
    private final ReceiptService receipts;
    private final TypingSignals typing;
    private final WebhookService webhooks;
    private final WebhookRelay webhookRelay;
    /** Webhook deliveries run on their own thread: a slow endpoint must not hold up the housekeeping pass. */
    private final ScheduledExecutorService webhookThread;
    private final ThrottledWarning webhookRelayFailed = new ThrottledWarning(LOG, "the webhook relay", WARN_PERIOD);
    private static final long WEBHOOK_MILLIS = 1000;
    private final ContactPrivacy privacy;
    private final ConsentStore consents;
    private final RetentionSweep retention;
    private Instant nextRetention;
    private static final Duration RETENTION_PERIOD = Duration.ofMinutes(1);

    private PluginRuntime(HostServices host, ScheduledExecutorService scheduler,
            ScheduledExecutorService webhookThread) {
        this.host = host;
        this.scheduler = scheduler;
        this.webhookThread = webhookThread;
        Db db = new Db(host.dataSource());
        this.websiteSchema = new WebsiteSettingsSchema(host.contacts());
        this.websites = new WebsiteService(new WebsiteStore(db), websiteSchema, host.clock());
        this.forms = new FormService(new FormStore(db), host.contacts(), new FieldTypes(host.extensions()), host.clock());
        UploadStore uploadStore = new UploadStore(db);
        java.nio.file.Path uploadDir = host.info().pluginDirectory(ChatWebsitePlugin.ID).resolve("uploads");
        this.uploads = new UploadService(uploadStore, new FileTypeGuard(), uploadDir, host.clock());
        this.contacts = new ContactLinker(host.contacts());
        this.identities = new IdentityVerifier(host.clock());
        JdbcEventLogStore logStore = new JdbcEventLogStore(db, host.events());
        this.feeds = new SessionFeeds(logStore);
        this.publisher = new SessionPublisher(feeds, host.events(), host.clock());
        this.eventLog = new EventLog(logStore, host.clock(), publisher, THREAD_PREFIX + "log-writer", WRITER_LANES);
        SessionStore sessionStore = new SessionStore(db, uploadStore);
        this.lookup = new SessionLookup(sessionStore, logStore, feeds);
        this.sessions = new SessionService(eventLog, lookup, host.router());
        this.files = new ChatFileService(uploads, sessions);
        this.opener = new SessionOpener(sessionStore, sessions, lookup, host, ChatWebsitePlugin.ID,
                new OfferForm(forms, uploads));
        this.lease = new Lease(db, "housekeeping", nodeId, LEASE_TTL);
        this.heartbeat = new NodeHeartbeat(db, nodeId);
        OfflineStore offlineStore = new OfflineStore(db, uploadStore);
        OfflineMessages offlineMessages = new OfflineMessages(uploads);
        this.outbox = new OutboxRelay(offlineStore, websites, forms, offlineMessages, host, nodeId);
        this.offline = new OfflineService(offlineStore, forms, uploads, contacts, offlineMessages, host,
                () -> background(this::relay));
        TranscriptStore transcriptStore = new TranscriptStore(db);
        this.transcripts = new TranscriptService(transcriptStore, lookup, websites, forms, host.clock(),
                () -> background(this::relay));
        this.transcriptRelay = new TranscriptRelay(transcriptStore, lookup, websites, forms, host.mail(), host.clock(),
                nodeId);
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
        this.queue = new WaitingQueue(new QueueStore(db), host.clock());
        this.queueWatch = new QueueWatch(queue, this::background);
        this.ratings = new RatingService(new RatingStore(db), lookup, host.clock());
        this.receipts = new ReceiptService(new ReceiptStore(db, host.events()), live, host.events(), host.clock());
        this.typing = new TypingSignals(host.events(), live, host.clock());
        WebhookStore webhookStore = new WebhookStore(db);
        this.webhooks = new WebhookService(webhookStore, host.clock());
        this.webhookRelay = new WebhookRelay(webhookStore, http, TargetGuard.system(), host.clock(), nodeId);
        ContactDataStore contactData = new ContactDataStore(db);
        this.privacy = new ContactPrivacy(contactData, lookup, sessions, uploadDir, host.clock(), host.router(),
                host.contacts());
        this.retention = new RetentionSweep(contactData, websites::list, uploadDir, host.clock());
        this.consents = new ConsentStore(db);
        websites.onChange(w -> announce(WEBSITE_CHANGED, w.id()));
        websites.onDelete(w -> {
            closeSessionsOf(w);
            announce(WEBSITE_CHANGED, w.id());
        });
        sessions.onCountChange(id -> announce(SESSIONS_CHANGED, id));
        sessions.onQueueChange(id -> announce(QUEUE_CHANGED, id));
        sessions.onClosed(id -> background(() -> autoTranscript(id)));
        this.subscriptions = List.of(
                host.events().subscribe(SessionPublisher.APPENDED, publisher::onAppended),
                host.events().subscribe(TypingSignals.TOPIC, typing::onEvent),
                host.events().subscribe(ReceiptService.READ_TOPIC, receipts::onDoorbell),
                host.events().subscribe(EventBus.RESYNC, e -> background(receipts::resync)),
                host.events().subscribe(EventBus.RESYNC, e -> background(this::resync)),
                host.events().subscribe(WEBSITE_CHANGED, e -> {
                    String id = String.valueOf(e.data().get("websiteId"));
                    websites.forget(id);
                    statusWatch.recheck(id);
                }),
                host.events().subscribe(SESSIONS_CHANGED,
                        e -> statusWatch.recheck(String.valueOf(e.data().get("websiteId")))),
                host.events().subscribe(QUEUE_CHANGED,
                        e -> queueWatch.changed(String.valueOf(e.data().get("websiteId")))));
    }

    /**
     * Migrates the plugin's tables (refusing a schema newer than this plugin), then builds the
     * components and starts the background work. Reads none of the open chats: the first
     * housekeeping pass routes them again, in the background. If a step after the migrations fails,
     * what was started is stopped again before the failure is thrown.
     */
    static PluginRuntime start(HostServices host, ClassLoader pluginClassLoader) {
        long begin = System.nanoTime();
        int applied = new PluginMigrations(host.dataSource(), pluginClassLoader).migrate();
        long migrated = System.nanoTime();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                new ThreadFactoryBuilder().setNameFormat(THREAD_PREFIX + "scheduler-%d").setDaemon(true).build());
        scheduler.setRemoveOnCancelPolicy(true);
        ScheduledThreadPoolExecutor webhookThread = new ScheduledThreadPoolExecutor(1,
                new ThreadFactoryBuilder().setNameFormat(THREAD_PREFIX + "webhooks-%d").setDaemon(true).build());
        webhookThread.setRemoveOnCancelPolicy(true);
        PluginRuntime runtime;
        try {
            runtime = new PluginRuntime(host, scheduler, webhookThread);
        } catch (RuntimeException | Error e) {
            scheduler.shutdown();
            webhookThread.shutdown();
            throw e;
        }
        try {
            runtime.heartbeat.beat(host.clock().instant());
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
        scheduler.scheduleWithFixedDelay(runtime::housekeeping, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(runtime::checkFeeds, FEED_CHECK_MILLIS, FEED_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
        webhookThread.scheduleWithFixedDelay(runtime::relayWebhooks, WEBHOOK_MILLIS, WEBHOOK_MILLIS,
                TimeUnit.MILLISECONDS);
        long end = System.nanoTime();
        LOG.info("chat-website started: {} migration(s) applied, ready in {} ms (schema check and migrations {} ms, "
                + "components and threads {} ms)", applied, TimeUnit.NANOSECONDS.toMillis(end - begin),
                TimeUnit.NANOSECONDS.toMillis(migrated - begin), TimeUnit.NANOSECONDS.toMillis(end - migrated));
        return runtime;
    }

    /**
     * Queues the open sessions to route again: the waiting ones are offered and the active ones given
     * back to their agents where the host's routing lacks them (a node died between storing a session
     * and offering it, or this node just took over). Offering a routed interaction again changes
     * nothing, so a chat already routed is the expected case, not an error.
     */
    private void queueOpenSessions(boolean alsoActive, Instant now) {
        Instant settled = now.minus(OPENING_GRACE);
        toRoute.clear();
        for (ChatSession s : lookup.openSessions()) {
            if (!s.createdAt().isAfter(settled)) { // a session opening now is offered by the request opening it
                toRoute.add(s.id());
            }
        }
        routeActiveToo = alsoActive;
        repairTally = new RepairTally(System.nanoTime());
    }

    /**
     * Routes queued sessions for at most {@link #REPAIR_SLICE}, so that after a start with thousands of
     * open chats the heartbeat, the lease and the sweeper keep their pace; the next pass goes on. Each
     * session is read again first: the sweeper or an agent may have closed it since it was queued.
     */
    private void routeQueued() {
        long sliceEnd = System.nanoTime() + REPAIR_SLICE.toNanos();
        while (!toRoute.isEmpty() && !stopping && System.nanoTime() < sliceEnd) {
            String id = toRoute.poll();
            try {
                Optional<ChatSession> session = lookup.find(id);
                Optional<Website> w = session.flatMap(s -> websites.byId(s.websiteId()));
                if (w.isEmpty()) {
                    continue;
                }
                ChatSession s = session.get();
                if (routeActiveToo && s.state() == SessionState.ACTIVE && s.agent().isPresent()) {
                    host.router().resume(opener.offer(w.get(), s), s.agent().get());
                    repairTally.active++;
                } else if (s.state() == SessionState.WAITING) {
                    host.router().offer(opener.offer(w.get(), s));
                    repairTally.waiting++;
                }
            } catch (RuntimeException e) {
                repairTally.failed(id, e);
            }
        }
        if (toRoute.isEmpty() && repairTally != null) {
            repairTally.report();
            repairTally = null;
        }
    }

    /** What one round of routing open chats again did, logged once at its end. */
    private static final class RepairTally {
        private final long began;
        private int waiting;
        private int active;
        private int failed;
        private String firstFailure;

        RepairTally(long began) {
            this.began = began;
        }

        void failed(String sessionId, RuntimeException e) {
            if (failed++ == 0) {
                firstFailure = sessionId + ": " + e;
            }
        }

        void report() {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            if (failed > 0) {
                LOG.warn("routing open chats again: {} waiting and {} active routed, {} failed (first {}), in {} ms",
                        waiting, active, failed, firstFailure, ms);
            } else {
                LOG.debug("routing open chats again: {} waiting and {} active routed in {} ms", waiting, active, ms);
            }
        }
    }

    /** Runs a task on the scheduler, unless the plugin is stopping. */
    private void background(Runnable task) {
        if (stopping) {
            return;
        }
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("not run: the plugin is stopping");
        }
    }

    private void relay() {
        try {
            outbox.runOnce(() -> stopping);
        } catch (RuntimeException e) {
            relayFailed.warn(e);
        }
        try {
            transcriptRelay.runOnce(() -> stopping);
        } catch (RuntimeException e) {
            relayFailed.warn(e);
        }
    }

    /** Sends due webhook deliveries (any node; each claimed by one at a time). */
    private void relayWebhooks() {
        if (stopping) {
            return;
        }
        try {
            webhookRelay.runOnce(() -> stopping);
        } catch (RuntimeException e) {
            webhookRelayFailed.warn(e);
        }
    }

    private void autoTranscript(String sessionId) {
        try {
            transcripts.autoSend(sessionId);
        } catch (RuntimeException e) {
            relayFailed.warn(e); // the lease holder's catch-up stores it later
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
        queueWatch.changedAll();
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
        if (stopping) {
            return;
        }
        try {
            heartbeat.beat(host.clock().instant());
        } catch (RuntimeException e) {
            housekeepingFailed.warn(e);
        }
        relay();
        try {
            statusWatch.tick();
            Instant now = host.clock().instant();
            if (stopping || !lease.holdOrTake(now)) {
                leaseHeld = false;
                toRoute.clear(); // the holder routes
                return; // another node sweeps
            }
            if (!leaseHeld || toRoute.isEmpty() && (nextRepair == null || !now.isBefore(nextRepair))) {
                // A node may have died between storing a chat and offering it; one that just took over
                // also gives the active chats back.
                queueOpenSessions(!leaseHeld, now);
                leaseHeld = true;
                nextRepair = now.plus(REPAIR_PERIOD);
            }
            routeQueued();
            long sweepEnd = System.nanoTime() + SWEEP_SLICE.toNanos();
            sweeper.sweep(() -> stopping || System.nanoTime() > sweepEnd);
            if (!stopping && (nextTranscriptCatchUp == null || !now.isBefore(nextTranscriptCatchUp))) {
                transcripts.catchUp();
                nextTranscriptCatchUp = now.plus(TRANSCRIPT_CATCH_UP_PERIOD);
            }
            if (!stopping && (nextUploadExpiry == null || !now.isBefore(nextUploadExpiry))) {
                uploads.expireUnused(UNUSED_UPLOAD_AGE);
                nextUploadExpiry = now.plus(UPLOAD_EXPIRY_PERIOD);
            }
            if (!stopping && (nextRetention == null || !now.isBefore(nextRetention))) {
                long retentionEnd = System.nanoTime() + SWEEP_SLICE.toNanos();
                RetentionSweep.Pass pass = retention.sweep(() -> stopping || System.nanoTime() > retentionEnd);
                nextRetention = pass.finished() ? now.plus(RETENTION_PERIOD) : now; // unfinished: go on next pass
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

    public ChatFileService files() {
        return files;
    }

    public IdentityVerifier identities() {
        return identities;
    }

    public ContactLinker contacts() {
        return contacts;
    }

    public OfflineService offline() {
        return offline;
    }

    public TranscriptService transcripts() {
        return transcripts;
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

    /** Queue positions and estimated waits, from the database. */
    public WaitingQueue queue() {
        return queue;
    }

    /** The waiting customers' streams on this node that are told their queue position. */
    public QueueWatch queueWatch() {
        return queueWatch;
    }

    public RatingService ratings() {
        return ratings;
    }

    /** This node's abuse-limit buckets. */
    /** This node's customer streams that take live signals (typing, receipts). */
    public LiveSignals live() {
        return live;
    }

    public ReceiptService receipts() {
        return receipts;
    }

    public TypingSignals typing() {
        return typing;
    }

    /** The websites' webhook endpoints and delivery log. */
    public WebhookService webhooks() {
        return webhooks;
    }

    /** Erasure and export of a contact's data. */
    public ContactPrivacy privacy() {
        return privacy;
    }

    /** The consents recorded with chats and offline messages. */
    public ConsentRepository consents() {
        return consents;
    }

    public RateLimiter limiter() {
        return limiter;
    }

    /**
     * Stops the plugin's work without interrupting any of it: a thread of the plugin may be inside
     * the host's database (an interrupt there can close the host's H2 file or a pooled connection).
     * First a stop flag, which every loop (sweeper, routing open chats again, outbox relay) checks
     * between two items, so the running pass ends after the item at hand; then the scheduler, the
     * event log's writers and publishers and the HTTP client's dispatcher are shut down and awaited,
     * {@link #STOP_GRACE} in all. What is still running then is named in a warning and left to end
     * by itself. Outbound HTTP calls are cancelled (their sockets closed), not interrupted.
     */
    @Override
    public void close() {
        stopping = true;
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        subscriptions.forEach(EventBus.Subscription::close);
        scheduler.shutdown();
        webhookThread.shutdown();
        http.dispatcher().cancelAll(); // webhook calls too: their clients share this dispatcher
        ExecutorService dispatcher = http.dispatcher().executorService();
        dispatcher.shutdown();
        List<String> late = new ArrayList<>();
        if (!awaitUntil(scheduler, deadline)) {
            late.add(THREAD_PREFIX + "scheduler (housekeeping: sweeper, outbox relay, routing open chats)");
        }
        if (!awaitUntil(webhookThread, deadline)) {
            late.add(THREAD_PREFIX + "webhooks (a webhook delivery)");
        }
        // After the scheduler: the sweeper's last close still reaches the log.
        late.addAll(eventLog.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        if (!awaitUntil(dispatcher, deadline)) {
            late.add("the HTTP client's dispatcher");
        }
        http.connectionPool().evictAll();
        try {
            heartbeat.leave();
            lease.release();
        } catch (RuntimeException e) {
            LOG.debug("could not release the housekeeping lease", e);
        }
        if (!late.isEmpty()) {
            LOG.warn("chat-website stopped, but after {} these were still running (not interrupted; they end by "
                    + "themselves): {}", STOP_GRACE, late);
        }
    }

    private static boolean awaitUntil(ExecutorService executor, long deadline) {
        try {
            return executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return executor.isTerminated();
        }
    }
}
