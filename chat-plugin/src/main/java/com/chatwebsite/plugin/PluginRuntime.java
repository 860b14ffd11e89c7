package com.chatwebsite.plugin;

import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.plugin.store.PluginMigrations;
import com.chatwebsite.plugin.website.WebsiteSettingsSchema;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Duration;

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

    private final HostServices host;
    private final ScheduledExecutorService scheduler;
    private final WebsiteSettingsSchema websiteSchema;

    private PluginRuntime(HostServices host, ScheduledExecutorService scheduler) {
        this.host = host;
        this.scheduler = scheduler;
        this.websiteSchema = new WebsiteSettingsSchema(host.contacts());
    }

    static PluginRuntime start(HostServices host, ClassLoader pluginClassLoader) {
        long begin = System.nanoTime();
        int applied = new PluginMigrations(host.dataSource(), pluginClassLoader).migrate();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                new ThreadFactoryBuilder().setNameFormat(THREAD_PREFIX + "scheduler-%d").setDaemon(true).build());
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.prestartAllCoreThreads();
        LOG.info("chat-website started: {} migration(s) applied in {} ms", applied,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return new PluginRuntime(host, scheduler);
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

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("chat-website scheduler did not stop within {}", STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
