package com.chatwebsite.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The admin's plugin management calls, for tests. */
public final class PluginApi {

    private final Http http;

    public PluginApi(HostStub host) {
        this.http = new Http(host.baseUrl());
    }

    /** {@code GET /api/plugins}. */
    public JsonNode list() {
        Http.Reply r = http.get("/api/plugins", TestHost.ADMIN_TOKEN);
        if (r.status() != 200) {
            throw new AssertionError("GET /api/plugins: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** The entry of a plugin the host has (not a refused file). */
    public JsonNode plugin(String id) {
        return find(e -> id.equals(e.path("id").asText(null)) && !"REFUSED".equals(e.get("state").asText()))
                .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + list()));
    }

    /** The entry of a file in the plugins folder. */
    public Optional<JsonNode> file(String fileName) {
        return find(e -> fileName.equals(e.path("file").asText(null)));
    }

    private Optional<JsonNode> find(java.util.function.Predicate<JsonNode> which) {
        for (JsonNode e : list()) {
            if (which.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** {@code POST /api/plugins/{id}/{action}}. */
    public Http.Reply act(String id, String action) {
        return http.send("POST", "/api/plugins/" + id + "/" + action, TestHost.ADMIN_TOKEN, null);
    }

    /** {@code POST /api/plugins} with the jar in the part {@code file}. */
    public Http.Reply upload(Path jar, boolean replace) {
        try {
            String query = replace ? "?replace=true" : "";
            return upload("file", jar.getFileName().toString(), Files.readAllBytes(jar), query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /api/plugins} with one part. */
    public Http.Reply upload(String part, String fileName, byte[] content, String query) {
        String boundary = "----cwplugin" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(http.builder("/api/plugins" + query, TestHost.ADMIN_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
