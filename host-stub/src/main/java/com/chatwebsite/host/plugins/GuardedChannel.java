package com.chatwebsite.host.plugins;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.channel.ChatFileContent;
import com.chatwebsite.api.channel.ChatMessage;
import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.api.channel.ReadReceipts;
import com.chatwebsite.api.channel.VideoCallLink;
import com.chatwebsite.host.routing.HostInteractionRouter;
import com.chatwebsite.host.web.PluginGates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A plugin's chat channel as the host's agent endpoints and router call it: each call passes the
 * plugin's gate, so the plugin is not stopped under it, and a call that comes as it is being
 * stopped is refused as {@code channel_unavailable} ({@code 503 plugin_unavailable}), the offer
 * or message staying for a retry.
 */
final class GuardedChannel implements ChatChannel {

    private final String pluginId;
    private final ChatChannel delegate;
    private final PluginGates gates;

    GuardedChannel(String pluginId, ChatChannel delegate, PluginGates gates) {
        this.pluginId = pluginId;
        this.delegate = delegate;
        this.gates = gates;
    }

    private <T> T call(Supplier<T> body) {
        PluginGates.Pass pass = gates.enter(pluginId);
        if (pass == null) {
            throw new InteractionException(InteractionException.Reason.CONFLICT,
                    HostInteractionRouter.CHANNEL_UNAVAILABLE, "The channel " + delegate.channelId()
                    + " is being stopped or reloaded; retry in a moment.");
        }
        try {
            return body.get();
        } finally {
            pass.close();
        }
    }

    @Override
    public String channelId() {
        return delegate.channelId();
    }

    @Override
    public void accept(String interactionId, AgentRef agent) {
        call(() -> {
            delegate.accept(interactionId, agent);
            return null;
        });
    }

    @Override
    public List<ChatMessage> messages(String interactionId, long afterSeq) {
        return call(() -> delegate.messages(interactionId, afterSeq));
    }

    @Override
    public ChatMessage postMessage(String interactionId, AgentRef agent, String text,
            Optional<String> clientMessageId) {
        return call(() -> delegate.postMessage(interactionId, agent, text, clientMessageId));
    }

    @Override
    public void close(String interactionId, AgentRef agent, String disposition) {
        call(() -> {
            delegate.close(interactionId, agent, disposition);
            return null;
        });
    }

    @Override
    public VideoCallLink startVideoCall(String interactionId, AgentRef agent) {
        return call(() -> delegate.startVideoCall(interactionId, agent));
    }

    @Override
    public boolean typing(String interactionId, AgentRef agent, boolean typing) {
        return call(() -> delegate.typing(interactionId, agent, typing));
    }

    @Override
    public ReadReceipts markRead(String interactionId, AgentRef agent, long seq) {
        return call(() -> delegate.markRead(interactionId, agent, seq));
    }

    @Override
    public ChatMessage postFile(String interactionId, AgentRef agent, String fileName, InputStream content,
            Optional<String> clientMessageId) {
        return call(() -> delegate.postFile(interactionId, agent, fileName, content, clientMessageId));
    }

    /** Reads the file inside the gate, so the plugin is not stopped while its file is open. */
    @Override
    public Optional<ChatFileContent> file(String interactionId, AgentRef agent, String fileId) {
        return call(() -> delegate.file(interactionId, agent, fileId).map(found -> {
            try (InputStream content = found.content()) {
                return new ChatFileContent(found.file(), found.inline(),
                        new ByteArrayInputStream(content.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read chat file " + fileId, e);
            }
        }));
    }
}
