package com.chatwebsite.plugin.video;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Accepts only absolute http and https URLs, so no {@code javascript:} link reaches a chat. */
final class VideoUrls {

    private VideoUrls() {
    }

    static Optional<URI> httpUrl(String value) {
        if (value == null || value.length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
