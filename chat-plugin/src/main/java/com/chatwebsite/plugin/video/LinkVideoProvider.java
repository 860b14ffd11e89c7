package com.chatwebsite.plugin.video;

import java.net.URI;
import org.pf4j.Extension;

/**
 * Rooms from a URL template, such as {@code https://meet.jit.si/{room}}: no API call; agent and
 * customer get the same link with a random, unguessable room name.
 */
@Extension
public final class LinkVideoProvider implements VideoProvider {

    public static final String ID = "link";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public VideoRoom create(VideoRequest request) throws VideoProviderException {
        String template = request.setting("linkTemplate");
        if (!template.contains("{room}")) {
            throw new VideoProviderException("The room URL template must contain {room}.");
        }
        URI url = VideoUrls.httpUrl(template.replace("{room}", request.roomName()))
                .orElseThrow(() -> new VideoProviderException("The room URL template is not an http(s) URL."));
        return new VideoRoom(url, url);
    }
}
