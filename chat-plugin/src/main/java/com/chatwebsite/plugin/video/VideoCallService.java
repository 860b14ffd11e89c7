package com.chatwebsite.plugin.video;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.api.channel.VideoCallLink;
import com.chatwebsite.api.host.ExtensionLookup;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionService;
import com.chatwebsite.plugin.session.SessionLookup;
import com.chatwebsite.plugin.session.SessionState;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteService;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Moves an active chat to a video call: the website's provider creates a room, the customer gets a
 * {@code video-call} event and a system message with the link, the agent gets the agent link. A
 * provider failure leaves the chat as it was.
 */
public final class VideoCallService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionService sessions;
    private final SessionLookup lookup;
    private final WebsiteService websites;
    private final ExtensionLookup extensions;

    public VideoCallService(SessionService sessions, SessionLookup lookup, WebsiteService websites,
            ExtensionLookup extensions) {
        this.sessions = sessions;
        this.lookup = lookup;
        this.websites = websites;
        this.extensions = extensions;
    }

    /**
     * Starts a call.
     *
     * @param sessionId the chat
     * @param agent the agent who holds it
     * @return the links
     * @throws ChatException {@code CONFLICT} if the chat is not active or video is off,
     *     {@code UPSTREAM_FAILED} if the provider failed
     */
    public VideoCallLink start(String sessionId, AgentRef agent) {
        ChatSession s = lookup.find(sessionId).orElseThrow(() -> new ChatException(Kind.NOT_FOUND,
                "session_not_found", "No such chat."));
        if (s.state() != SessionState.ACTIVE || !s.agent().orElse("").equals(agent.name())) {
            throw new ChatException(Kind.CONFLICT, "not_active", "Video calls start from an active chat.");
        }
        Website w = websites.byId(s.websiteId()).orElseThrow(() -> new ChatException(Kind.CONFLICT,
                "website_deleted", "The chat's website was deleted."));
        Map<String, Object> settings = w.group("videoCall");
        if (!Boolean.TRUE.equals(settings.get("enabled"))) {
            throw new ChatException(Kind.CONFLICT, "video_disabled",
                    "Video calls are not enabled for this website.");
        }
        String providerId = String.valueOf(settings.getOrDefault("provider", LinkVideoProvider.ID));
        VideoProvider provider = extensions.find(VideoProvider.class).stream().filter(p -> p.id().equals(providerId))
                .findFirst().orElseThrow(() -> new ChatException(Kind.CONFLICT, "video_provider_missing",
                        "The video provider " + providerId + " is not available."));
        VideoRoom room;
        try {
            room = provider.create(new VideoRequest(sessionId, newRoomName(), settings));
        } catch (VideoProviderException e) {
            throw new ChatException(Kind.UPSTREAM_FAILED, "video_provider_failed", e.getMessage()
                    + " The chat goes on; try again in a moment.");
        }
        sessions.videoCall(sessionId, agent, room.customerUrl().toString());
        return new VideoCallLink(room.agentUrl(), room.customerUrl());
    }

    private static String newRoomName() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "chat-" + HexFormat.of().formatHex(bytes);
    }
}
