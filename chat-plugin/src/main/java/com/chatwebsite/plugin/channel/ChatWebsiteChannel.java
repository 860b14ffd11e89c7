package com.chatwebsite.plugin.channel;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.channel.ChatFile;
import com.chatwebsite.api.channel.ChatFileContent;
import com.chatwebsite.api.channel.ChatMessage;
import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.api.channel.ReadReceipts;
import com.chatwebsite.plugin.presence.Receipts;
import com.chatwebsite.plugin.presence.Side;
import com.chatwebsite.plugin.error.ChatException;
import java.util.function.Supplier;
import com.chatwebsite.api.channel.VideoCallLink;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionEvent;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.chatfile.ChatFileService;
import com.chatwebsite.plugin.upload.StoredUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/** The chat channel the host calls for its agents' actions on website chats. */
@Extension
public final class ChatWebsiteChannel implements ChatChannel {

    /** The channel's id in the host's offers: the plugin's id. */
    public static final String CHANNEL_ID = "chat-website";

    private final ChannelContext context;

    public ChatWebsiteChannel(ChannelContext context) {
        this.context = context;
    }

    @Override
    public String channelId() {
        return CHANNEL_ID;
    }

    @Override
    public void accept(String interactionId, AgentRef agent) {
        spi(() -> {
            context.sessions().accept(interactionId, agent);
            return null;
        });
    }

    @Override
    public List<ChatMessage> messages(String interactionId, long afterSeq) {
        return spi(() -> {
            context.lookup().websiteIdOf(interactionId); // NOT_FOUND for an unknown chat, from the identity cache
            return context.lookup().eventsAfter(interactionId, afterSeq, true).stream()
                    .map(ChatWebsiteChannel::message).toList();
        });
    }

    @Override
    public ChatMessage postMessage(String interactionId, AgentRef agent, String text, Optional<String> clientMessageId) {
        return spi(() -> message(context.sessions().postAgentMessage(websiteOf(interactionId), interactionId, agent,
                text, clientMessageId)));
    }

    @Override
    public void close(String interactionId, AgentRef agent, String disposition) {
        spi(() -> {
            context.sessions().close(interactionId, disposition,
                    List.of(websiteOf(interactionId).text("messages.closing")));
            return null;
        });
    }

    @Override
    public VideoCallLink startVideoCall(String interactionId, AgentRef agent) {
        return spi(() -> context.video().start(interactionId, agent));
    }

    @Override
    public boolean typing(String interactionId, AgentRef agent, boolean typing) {
        return spi(() -> {
            context.lookup().websiteIdOf(interactionId); // NOT_FOUND for an unknown chat
            return context.typing().agent(interactionId, agent.displayName(), typing);
        });
    }

    @Override
    public ReadReceipts markRead(String interactionId, AgentRef agent, long seq) {
        return spi(() -> {
            Receipts r = context.receipts().markRead(interactionId, Side.AGENT, seq);
            return new ReadReceipts(r.customerReadSeq(), r.agentReadSeq());
        });
    }

    @Override
    public ChatMessage postFile(String interactionId, AgentRef agent, String fileName, InputStream content,
            Optional<String> clientMessageId) {
        return spi(() -> {
            try {
                return message(context.files().postAgentFile(websiteOf(interactionId), interactionId, agent,
                        Optional.ofNullable(fileName), content, clientMessageId));
            } catch (IOException e) {
                throw new UncheckedIOException("could not store the agent's file", e);
            }
        });
    }

    @Override
    public Optional<ChatFileContent> file(String interactionId, AgentRef agent, String fileId) {
        return spi(() -> {
            context.lookup().websiteIdOf(interactionId); // NOT_FOUND for an unknown chat
            Optional<StoredUpload> found = context.files().find(interactionId, fileId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredUpload u = found.get();
            try {
                return Optional.of(new ChatFileContent(chatFile(u.id(), u.fileName(), u.size(), u.contentType()),
                        ChatFileService.inlineImage(u), context.files().open(u)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read chat file " + u.id(), e);
            }
        });
    }

    private Website websiteOf(String interactionId) {
        String websiteId = context.lookup().websiteIdOf(interactionId);
        return context.websites().byId(websiteId).orElseThrow(() -> new InteractionException(
                InteractionException.Reason.CONFLICT, "website_deleted", "The chat's website was deleted."));
    }

    /** The SPI's edge: the plugin's refusals become the host's {@link InteractionException}s. */
    private static <T> T spi(Supplier<T> action) {
        try {
            return action.get();
        } catch (ChatException e) {
            throw new InteractionException(switch (e.kind()) {
                case NOT_FOUND -> InteractionException.Reason.NOT_FOUND;
                case CONFLICT, UNAVAILABLE -> InteractionException.Reason.CONFLICT;
                case INVALID -> InteractionException.Reason.INVALID;
                case TOO_LARGE -> InteractionException.Reason.TOO_LARGE;
                case UPSTREAM_FAILED -> InteractionException.Reason.UPSTREAM_FAILED;
                case UNSUPPORTED_TYPE -> InteractionException.Reason.UNSUPPORTED_TYPE;
            }, e.code(), e.getMessage());
        }
    }

    static ChatMessage message(SessionEvent e) {
        Optional<ChatFile> file = e.data().get("file") instanceof Map<?, ?> f
                ? Optional.of(chatFile((String) f.get("id"), (String) f.get("name"), ((Number) f.get("size")).longValue(),
                        (String) f.get("contentType")))
                : Optional.empty();
        return new ChatMessage(e.seq(), e.from().orElse("system"), (String) e.data().get("text"),
                Instant.parse((String) e.data().get("at")),
                Optional.ofNullable((String) e.data().get("clientMessageId")), file);
    }

    private static ChatFile chatFile(String id, String name, long size, String contentType) {
        return new ChatFile(id, name, size, contentType);
    }
}
