package com.chatwebsite.api.channel;

import java.io.InputStream;
import java.util.Objects;

/**
 * A chat file's bytes, for a download.
 *
 * <p>Returned by {@link ChatChannel#file} on the agent's request thread; the host reads {@code content} to the end
 * on that thread and closes it, and answers with {@code X-Content-Type-Options: nosniff}, no shared caching, and
 * {@code Content-Disposition: inline} only when {@code inline} is true (else {@code attachment}).
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay and fill new components with
 * defaults (see "How the API grows" in plugin-api/README.md).
 *
 * @param file the file
 * @param inline whether a browser may show it in the page (raster images only); otherwise it is a download, served
 *     as {@code application/octet-stream}
 * @param content its bytes; the host closes it
 * @since 1.2
 */
public record ChatFileContent(ChatFile file, boolean inline, InputStream content) {

    /** Checks the components. */
    public ChatFileContent {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(content, "content");
    }
}
