package com.chatwebsite.host.web;

import com.chatwebsite.api.web.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The host-stub's own pages, from the {@code web/} resources: admin page, agent console, demo site. */
final class StaticPages {

    private static final List<String> SECTIONS = List.of("admin", "agent", "demo");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();
    private volatile java.util.function.Supplier<Optional<String>> demoSnippet = Optional::empty;

    /** Sets where the demo page's chat snippet comes from. */
    void demoSnippet(java.util.function.Supplier<Optional<String>> source) {
        this.demoSnippet = source;
    }

    /**
     * The page at a path, if it is one of ours.
     *
     * @param segments the decoded path segments
     * @return the response, or empty if the path is not a page
     */
    Optional<WebResponse> serve(List<String> segments) {
        if (segments.size() == 1 && segments.get(0).isEmpty()) {
            return Optional.of(WebResponse.empty(302).withHeader("Location", "/demo/"));
        }
        if (segments.isEmpty() || !SECTIONS.contains(segments.get(0))) {
            return Optional.empty();
        }
        if (segments.size() == 1) {
            return Optional.of(WebResponse.empty(301).withHeader("Location", "/" + segments.get(0) + "/"));
        }
        if (segments.size() != 2 || segments.get(1).contains("..") || segments.get(1).contains("\\")) {
            return Optional.empty();
        }
        String file = segments.get(1).isEmpty() ? "index.html" : segments.get(1);
        String ext = file.substring(file.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = resource(segments.get(0) + "/" + file);
        if (bytes.isPresent() && segments.get(0).equals("demo") && file.equals("index.html")) {
            String html = new String(bytes.get(), java.nio.charset.StandardCharsets.UTF_8);
            String snippet = demoSnippet.get().orElse("<!-- no chat website yet: create one on /admin/ -->");
            bytes = Optional.of(html.replace("<!--CHAT_SNIPPET-->", snippet)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.map(b -> WebResponse.of(200, type, b).withHeader("Cache-Control", "no-cache"));
    }

    private Optional<byte[]> resource(String path) {
        return cache.computeIfAbsent(path, p -> {
            try (InputStream in = StaticPages.class.getResourceAsStream("/web/" + p)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
