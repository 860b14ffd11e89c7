package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import com.chatwebsite.plugin.upload.StoredUpload;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Predicate;

/**
 * Serves stored uploads to the admin and to the agent who holds their chat: raster images and PDF
 * inline, everything else (SVG, HTML, text, office files) only as a download, never sniffed, in a
 * sandbox.
 */
final class UploadDownloads {

    private final ChatWebsitePlugin plugin;

    UploadDownloads(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    WebResponse download(String id, Predicate<StoredUpload> mayRead) throws IOException {
        StoredUpload u = plugin.runtime().uploads().find(id).filter(mayRead)
                .orElseThrow(() -> new Problem(404, "not_found", "No upload " + id + " for you."));
        return serve(u, u.inlineSafe());
    }

    /**
     * Serves an upload found and allowed by the caller.
     *
     * @param u the upload
     * @param inline whether it may be shown in the page; else a download as {@code application/octet-stream}
     * @return the answer
     * @throws IOException if its file cannot be read
     */
    WebResponse serve(StoredUpload u, boolean inline) throws IOException {
        byte[] bytes = Files.readAllBytes(plugin.runtime().uploads().file(u));
        String encoded = URLEncoder.encode(u.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = u.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return WebResponse.of(200, inline ? u.contentType() : "application/octet-stream", bytes)
                .withHeader("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\""
                        + ascii + "\"; filename*=UTF-8''" + encoded)
                .withHeader("Content-Security-Policy", "sandbox; default-src 'none'")
                .withHeader("Cache-Control", "private, no-store");
    }
}
