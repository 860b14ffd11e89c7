package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code widget.js}: its bytes, its content hash and its caching. The snippet loads it as
 * {@code widget.js?v=<version>}; with the current version a response may be cached for a year
 * ({@code immutable}), since a new plugin gives new content a new URL. Without it, or with an old
 * version (a snippet pasted before an upgrade), it is cached briefly and revalidated with the
 * {@code ETag}, answered {@code 304} when unchanged.
 */
final class WidgetScript {

    /** The query parameter that carries the version. */
    static final String VERSION_PARAM = "v";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "public, max-age=300, must-revalidate";

    private static final WidgetScript INSTANCE = load();

    private final byte[] bytes;
    private final String version;
    private final String etag;

    private WidgetScript(byte[] bytes) {
        this.bytes = bytes;
        String sha256 = Hashing.sha256().hashBytes(bytes).toString();
        this.version = sha256.substring(0, 12);
        this.etag = "\"" + sha256 + "\"";
    }

    /** The script shipped in this plugin jar. */
    static WidgetScript get() {
        return INSTANCE;
    }

    private static WidgetScript load() {
        try (InputStream in = WidgetScript.class.getResourceAsStream("/widget/widget.js")) {
            if (in == null) {
                throw new IllegalStateException("widget/widget.js is missing from the plugin jar");
            }
            return new WidgetScript(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 12 hex digits of the content's SHA-256: the {@code v} of the snippet's URL. */
    String version() {
        return version;
    }

    /** The strong entity tag: the content's whole SHA-256 in hex, quoted. */
    String etag() {
        return etag;
    }

    /**
     * Answers {@code GET /widget.js}: {@code 304} when {@code If-None-Match} names this content,
     * else the script; long-lived only under the current version's URL.
     *
     * @param r the request
     * @return the response
     */
    WebResponse serve(WebRequest r) {
        String cacheControl = r.query(VERSION_PARAM).filter(version::equals).isPresent() ? IMMUTABLE : REVALIDATE;
        WebResponse out = notModified(r.header("If-None-Match"))
                ? WebResponse.empty(304)
                : WebResponse.of(200, "text/javascript; charset=utf-8", bytes);
        return out.withHeader("ETag", etag).withHeader("Cache-Control", cacheControl);
    }

    /** Whether an {@code If-None-Match} list holds this content's tag (weak comparison, as RFC 9110 says), or {@code *}. */
    private boolean notModified(Optional<String> ifNoneMatch) {
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        for (String tag : ifNoneMatch.get().split(",")) {
            String t = tag.strip();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
