package com.chatwebsite.host.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo customer site: creates a demo website when the plugin has none, and pastes the first
 * website's snippet into {@code /demo/}, through the plugin's own admin API as an admin would.
 */
public final class DemoSite {

    /** Where the snippet goes in {@code web/demo/index.html}. */
    public static final String PLACEHOLDER = "<!--CHAT_SNIPPET-->";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);
    private static final String API = "/plugins/chat-website/api/websites";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI local;
    private final URI publicUrl;
    private final String adminToken;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public DemoSite(URI local, URI publicUrl, String adminToken) {
        this.local = local;
        this.publicUrl = publicUrl;
        this.adminToken = adminToken;
    }

    /** Creates the demo website unless a website exists. */
    public void seed() {
        try {
            HttpResponse<String> list = send(HttpRequest.newBuilder(local.resolve(API)).GET());
            if (list.statusCode() != 200 || MAPPER.readTree(list.body()).size() > 0) {
                return;
            }
            String origins = MAPPER.writeValueAsString(origins(publicUrl, local));
            String body = "{\"name\":\"Demo shop\",\"origins\":" + origins + ",\"maxConcurrentSessions\":10,"
                    + "\"unmanagedAfterSeconds\":120,"
                    + "\"offline\":{\"forwardTo\":\"support@shop.example.com\","
                    + "\"openInteraction\":{\"to\":\"inbox@shop.example.com\",\"subjectField\":\"message\"}},"
                    + "\"videoCall\":{\"enabled\":true,\"provider\":\"link\",\"linkTemplate\":\"https://meet.jit.si/{room}\"}}";
            HttpResponse<String> created = send(HttpRequest.newBuilder(local.resolve(API))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            if (created.statusCode() != 201) {
                LOG.warn("could not create the demo website: {} {}", created.statusCode(), created.body());
            }
        } catch (IOException e) {
            LOG.warn("could not create the demo website", e);
        }
    }

    /**
     * The first website's snippet.
     *
     * @return the HTML to paste, if there is a website
     */
    public Optional<String> snippet() {
        try {
            HttpResponse<String> list = send(HttpRequest.newBuilder(local.resolve(API)).GET());
            JsonNode sites = list.statusCode() == 200 ? MAPPER.readTree(list.body()) : null;
            if (sites == null || sites.isEmpty()) {
                return Optional.empty();
            }
            HttpResponse<String> snippet = send(HttpRequest.newBuilder(local.resolve(API + "/"
                    + sites.get(0).get("id").asText() + "/snippet")).GET());
            return snippet.statusCode() == 200 ? Optional.of(snippet.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * The demo website's origins: the public URL, the local one and localhost on the local port,
     * each once (they are often the same).
     */
    static List<String> origins(URI publicUrl, URI local) {
        return List.copyOf(new LinkedHashSet<>(List.of(origin(publicUrl), origin(local),
                "http://localhost:" + local.getPort())));
    }

    private static String origin(URI uri) {
        return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(java.util.Locale.ROOT);
    }
}
