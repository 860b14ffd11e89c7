package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.TestHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page names an icon the host serves, and {@code /favicon.ico}, which browsers ask for anyway, is there. */
class FaviconTest {

    private static final Pattern ICON_LINK = Pattern.compile("<link rel=\"icon\" href=\"([^\"]+)\"");

    @TempDir
    static Path dir;
    static HostStub host;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        new ChatApi(host).createWebsite(ChatApi.website("Shop"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUrl().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void faviconIcoIsAnIconFile() throws Exception {
        HttpResponse<byte[]> r = get("/favicon.ico");
        assertEquals(200, r.statusCode());
        assertEquals("image/x-icon", r.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(r.body(), 4), "an ICO header");
        assertEquals(405, CLIENT.send(HttpRequest.newBuilder(host.baseUrl().resolve("/favicon.ico"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void everyPageLinksAnIconThatIsServed() throws Exception {
        for (String page : List.of("/admin/", "/agent/", "/demo/")) {
            String html = new String(get(page).body(), java.nio.charset.StandardCharsets.UTF_8);
            Matcher m = ICON_LINK.matcher(html);
            assertTrue(m.find(), page + " links an icon");
            HttpResponse<byte[]> icon = get(URI.create(page).resolve(m.group(1)).toString());
            assertEquals(200, icon.statusCode(), page + " icon " + m.group(1));
            assertEquals("image/svg+xml", icon.headers().firstValue("Content-Type").orElse(""));
            assertTrue(new String(icon.body(), java.nio.charset.StandardCharsets.UTF_8).startsWith("<svg"));
        }
    }
}
