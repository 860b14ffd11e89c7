package com.chatwebsite.host.openapi;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.plugins.PluginHost;
import com.chatwebsite.host.web.HostJson;
import com.chatwebsite.host.web.RouteTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of the host's routes and of every mounted
 * plugin's, public and cacheable ({@code ETag}, {@code If-None-Match}). A plugin that is stopped
 * has no paths in it. Built again only when the mounted routes changed.
 */
public final class OpenApiEndpoint {

    private static final String CACHE_CONTROL = "public, max-age=60";

    private final OpenApiDocument document;
    private final RouteTable routes;
    private final PluginHost plugins;
    private final AtomicReference<Built> last = new AtomicReference<>();

    private record Built(List<Object> key, byte[] body, String etag) {
    }

    public OpenApiEndpoint(OpenApiDocument document, RouteTable routes, PluginHost plugins) {
        this.document = document;
        this.routes = routes;
        this.plugins = plugins;
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.of("GET", "/openapi.json", RouteAccess.PUBLIC, this::serve));
    }

    private WebResponse serve(WebRequest request) {
        Built built = current();
        boolean unchanged = request.header("If-None-Match").map(v -> v.contains(built.etag())).orElse(false);
        WebResponse answer = unchanged ? WebResponse.empty(304)
                : WebResponse.of(200, "application/json; charset=utf-8", built.body());
        return answer.withHeader("ETag", built.etag())
                .withHeader("Cache-Control", CACHE_CONTROL)
                .withHeader("Access-Control-Allow-Origin", "*");
    }

    /**
     * The document as now served.
     *
     * @return its JSON bytes
     */
    public byte[] json() {
        return current().body();
    }

    private Built current() {
        List<RouteTable.Entry> own = routes.routesOf("host");
        List<MountedRoutes> mounted = new ArrayList<>();
        for (String id : new TreeSet<>(plugins.list().stream().flatMap(s -> s.id().stream()).toList())) {
            if (routes.mounted(id)) {
                mounted.add(new MountedRoutes(id, routes.routesOf(id), plugins.openApiDocuments(id)));
            }
        }
        List<Object> key = new ArrayList<>(own);
        key.addAll(mounted);
        Built before = last.get();
        if (before != null && before.key().equals(key)) {
            return before;
        }
        byte[] body;
        try {
            body = HostJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(document.merged(own, mounted)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Built now = new Built(key, body, etag(body));
        last.set(now);
        return now;
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
