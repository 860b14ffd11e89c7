package com.chatwebsite.host.web;

import com.chatwebsite.api.web.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The host-stub's own pages, from the {@code web/} resources: admin page, agent console, demo site.
 * They answer {@code GET} and {@code HEAD}, with a Content-Security-Policy that allows no inline
 * script. The site's icon is served at {@code /favicon.ico} and {@code /favicon.svg}.
 */
final class StaticPages {

    /** The methods a page answers, as the {@code Allow} header of a 405. */
    static final String ALLOWED = "GET, HEAD";

    private static final List<String> SECTIONS = List.of("admin", "agent", "demo");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml");
    /** The site's icons at the root, which browsers ask for on every page. */
    private static final Map<String, String> ICONS = Map.of(
            "favicon.ico", "image/x-icon",
            "favicon.svg", "image/svg+xml");
    private static final String COMMON_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";
    /**
     * The form builder's preview is a sandboxed srcdoc frame, which inherits this policy: its style
     * element needs 'unsafe-inline'.
     */
    private static final String ADMIN_POLICY = COMMON_POLICY
            + "; style-src 'self' 'unsafe-inline'; frame-src 'self'; frame-ancestors 'none'";
    private static final String AGENT_POLICY = COMMON_POLICY + "; style-src 'self'; frame-ancestors 'none'";

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private volatile Supplier<Optional<String>> demoSnippet = Optional::empty;
    private volatile String demoPolicy = demoPolicy("");

    /**
     * Sets where the demo page's chat snippet comes from and where its widget is served.
     *
     * @param source the snippet, if there is a website
     * @param widgetBase the host's public URL, which the snippet loads the widget from
     */
    void demoSnippet(Supplier<Optional<String>> source, URI widgetBase) {
        this.demoSnippet = source;
        String origin = widgetBase.getScheme() + "://" + widgetBase.getRawAuthority();
        this.demoPolicy = demoPolicy(" " + origin);
    }

    /**
     * The demo shop stands for a customer's site: the widget script and its requests may come from
     * the host's public URL, and the widget adds its own style element (hence inline styles) and
     * may show a logo from any https address.
     */
    private static String demoPolicy(String widgetOrigin) {
        return "default-src 'self'; script-src 'self'" + widgetOrigin + "; connect-src 'self'" + widgetOrigin
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    }

    /**
     * Whether a path is one of the pages (or the root redirect), without rendering it.
     *
     * @param segments the decoded path segments
     * @return whether {@link #serve} answers it
     */
    boolean exists(List<String> segments) {
        if (isRoot(segments) || isSection(segments) || isIcon(segments)) {
            return true;
        }
        return file(segments).filter(f -> resource(segments.get(0) + "/" + f).isPresent()).isPresent();
    }

    /**
     * The page at a path, if it is one of ours.
     *
     * @param segments the decoded path segments
     * @return the response, or empty if the path is not a page
     */
    Optional<WebResponse> serve(List<String> segments) {
        if (isRoot(segments)) {
            return Optional.of(WebResponse.empty(302).withHeader("Location", "/demo/"));
        }
        if (isSection(segments)) {
            return Optional.of(WebResponse.empty(301).withHeader("Location", "/" + segments.get(0) + "/"));
        }
        if (isIcon(segments)) {
            String name = segments.get(0);
            return resource(name).map(b -> WebResponse.of(200, ICONS.get(name), b)
                    .withHeader("Cache-Control", "public, max-age=86400"));
        }
        Optional<String> file = file(segments);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String section = segments.get(0);
        String name = file.get();
        Optional<byte[]> bytes = resource(section + "/" + name);
        if (bytes.isPresent() && section.equals("demo") && name.equals("index.html")) {
            String html = new String(bytes.get(), StandardCharsets.UTF_8);
            String snippet = demoSnippet.get().orElse("<!-- no chat website yet: create one on /admin/ -->");
            bytes = Optional.of(html.replace("<!--CHAT_SNIPPET-->", snippet).getBytes(StandardCharsets.UTF_8));
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        return bytes.map(b -> WebResponse.of(200, type, b).withHeaders(Map.of(
                "Cache-Control", "no-cache",
                "Content-Security-Policy", policy(section),
                "X-Frame-Options", section.equals("demo") ? "SAMEORIGIN" : "DENY",
                "Referrer-Policy", section.equals("demo") ? "strict-origin-when-cross-origin" : "same-origin")));
    }

    private String policy(String section) {
        return switch (section) {
            case "admin" -> ADMIN_POLICY;
            case "agent" -> AGENT_POLICY;
            default -> demoPolicy;
        };
    }

    private static boolean isRoot(List<String> segments) {
        return segments.size() == 1 && segments.get(0).isEmpty();
    }

    private static boolean isIcon(List<String> segments) {
        return segments.size() == 1 && ICONS.containsKey(segments.get(0));
    }

    private static boolean isSection(List<String> segments) {
        return segments.size() == 1 && SECTIONS.contains(segments.get(0));
    }

    /** The file a page path names, such as {@code index.html} for {@code /admin/}. */
    private static Optional<String> file(List<String> segments) {
        if (segments.size() != 2 || !SECTIONS.contains(segments.get(0))
                || segments.get(1).contains("..") || segments.get(1).contains("\\")) {
            return Optional.empty();
        }
        String file = segments.get(1).isEmpty() ? "index.html" : segments.get(1);
        return TYPES.containsKey(file.substring(file.lastIndexOf('.') + 1)) ? Optional.of(file) : Optional.empty();
    }

    /** A resource's bytes; only found ones are cached, so probing names costs no memory. */
    private Optional<byte[]> resource(String path) {
        byte[] cached = cache.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = StaticPages.class.getResourceAsStream("/web/" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            cache.put(path, bytes);
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
