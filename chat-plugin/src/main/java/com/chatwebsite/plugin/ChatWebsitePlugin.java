package com.chatwebsite.plugin;

import com.chatwebsite.plugin.channel.ChannelContext;
import com.chatwebsite.plugin.chatfile.ChatFileService;
import com.chatwebsite.plugin.channel.ChatWebsiteChannel;
import com.chatwebsite.plugin.session.SessionService;
import com.chatwebsite.plugin.session.SessionLookup;
import com.chatwebsite.plugin.video.VideoCallService;
import com.chatwebsite.plugin.video.VideoContext;
import com.chatwebsite.plugin.website.WebsiteService;
import okhttp3.OkHttpClient;
import com.chatwebsite.api.host.HostServices;
import org.pf4j.Plugin;

/**
 * The chat-website plugin. The host constructs it with its services, calls {@link #start()} once
 * loaded and {@link #stop()} before unloading it.
 */
public final class ChatWebsitePlugin extends Plugin implements ChannelContext, VideoContext {

    /** The plugin id, as in {@code plugin.properties}. */
    public static final String ID = ChatWebsiteChannel.CHANNEL_ID;

    private final HostServices host;
    private volatile PluginRuntime runtime;

    public ChatWebsitePlugin(HostServices host) {
        this.host = host;
    }

    /** Migrates the plugin's tables and starts its background work. */
    @Override
    public void start() {
        runtime = PluginRuntime.start(host, ChatWebsitePlugin.class.getClassLoader());
    }

    /** Stops every thread and pool the plugin started. */
    @Override
    public void stop() {
        PluginRuntime current = runtime;
        runtime = null;
        if (current != null) {
            current.close();
        }
    }

    /**
     * The running plugin's components.
     *
     * @return the runtime
     * @throws IllegalStateException if the plugin is not started
     */
    public PluginRuntime runtime() {
        PluginRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("the chat-website plugin is not started");
        }
        return current;
    }

    @Override
    public SessionService sessions() {
        return runtime().sessions();
    }

    @Override
    public SessionLookup lookup() {
        return runtime().lookup();
    }

    @Override
    public WebsiteService websites() {
        return runtime().websites();
    }

    @Override
    public VideoCallService video() {
        return runtime().video();
    }

    @Override
    public com.chatwebsite.plugin.presence.ReceiptService receipts() {
        return runtime().receipts();
    }

    @Override
    public com.chatwebsite.plugin.presence.TypingSignals typing() {
        return runtime().typing();
    }

    @Override
    public ChatFileService files() {
        return runtime().files();
    }

    @Override
    public OkHttpClient http() {
        return runtime().http();
    }
}
