package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.TestHost;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** widget.js: a content-hash ETag, 304 on If-None-Match, and a year's caching under the snippet's versioned URL. */
class WidgetScriptCachingTest {

    private static final String JS = ChatApi.PLUGIN + "/widget.js";
    private static final Pattern SRC = Pattern.compile("src=\"([^\"]+)\"");

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** The SHA-256 of widget.js as packaged in the plugin jar. */
    private static String packagedSha256() throws Exception {
        try (ZipFile jar = new ZipFile(TestHost.packagedPluginJar().toFile());
                InputStream in = jar.getInputStream(jar.getEntry("widget/widget.js"))) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    private static Http.Reply get(String path, String ifNoneMatch) {
        var b = api.http.builder(path, null).GET();
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return api.http.send(b);
    }

    @Test
    void theSnippetLoadsTheScriptUnderItsContentVersionWhichIsCachedForAYear() throws Exception {
        String sha = packagedSha256();
        ChatApi.Site site = api.createWebsite(ChatApi.website("Cached"));
        String snippet = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/snippet", TestHost.ADMIN_TOKEN)
                .body();
        Matcher src = SRC.matcher(snippet);
        assertTrue(src.find(), snippet);
        assertEquals(host.baseUrl() + JS + "?v=" + sha.substring(0, 12), src.group(1));

        Http.Reply versioned = get(src.group(1).substring(host.baseUrl().toString().length()), null);
        assertEquals(200, versioned.status());
        assertEquals("public, max-age=31536000, immutable", versioned.header("Cache-Control"));
        assertEquals("\"" + sha + "\"", versioned.header("ETag"));
        assertTrue(versioned.header("Content-Type").startsWith("text/javascript"));
        assertTrue(versioned.body().contains("data-chat-website-key"));
    }

    @Test
    void withoutTheCurrentVersionTheScriptIsCachedBrieflyAndRevalidated() throws Exception {
        String etag = "\"" + packagedSha256() + "\"";
        for (String path : new String[] {JS, JS + "?v=000000000000", JS + "?v="}) {
            Http.Reply r = get(path, null);
            assertEquals(200, r.status(), path);
            assertEquals("public, max-age=300, must-revalidate", r.header("Cache-Control"), path);
            assertEquals(etag, r.header("ETag"), path);
        }
    }

    @Test
    void aMatchingIfNoneMatchGets304WithoutABodyAndAnotherGetsTheScript() throws Exception {
        String etag = "\"" + packagedSha256() + "\"";
        for (String header : new String[] {etag, "\"old\", " + etag, "W/" + etag, "*"}) {
            Http.Reply r = get(JS, header);
            assertEquals(304, r.status(), header);
            assertEquals("", r.body(), header);
            assertEquals(etag, r.header("ETag"), header);
            assertEquals("public, max-age=300, must-revalidate", r.header("Cache-Control"));
        }
        Http.Reply versioned = get(JS + "?v=" + etag.substring(1, 13), etag);
        assertEquals(304, versioned.status());
        assertEquals("public, max-age=31536000, immutable", versioned.header("Cache-Control"));

        Http.Reply stale = get(JS, "\"0123\"");
        assertEquals(200, stale.status());
        assertEquals(etag, stale.header("ETag"));
        assertTrue(stale.body().contains("data-chat-website-key"), "another tag gets the script");
    }
}
