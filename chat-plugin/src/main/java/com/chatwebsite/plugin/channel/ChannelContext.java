package com.chatwebsite.plugin.channel;

import com.chatwebsite.plugin.presence.ReceiptService;
import com.chatwebsite.plugin.presence.TypingSignals;
import com.chatwebsite.plugin.chatfile.ChatFileService;
import com.chatwebsite.plugin.session.SessionLookup;
import com.chatwebsite.plugin.session.SessionService;
import com.chatwebsite.plugin.video.VideoCallService;
import com.chatwebsite.plugin.website.WebsiteService;

/**
 * The services the chat channel uses, as the running plugin gives them (the plugin
 * implements this; the host passes the plugin to the channel's constructor).
 */
public interface ChannelContext {

    SessionService sessions();

    SessionLookup lookup();

    WebsiteService websites();

    VideoCallService video();

    ReceiptService receipts();

    TypingSignals typing();

    ChatFileService files();
}
