package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads nobody attaches are deleted after a day, by the host's clock. */
class UploadExpiryTest {

    @TempDir
    Path dir;

    @Test
    void unusedUploadsExpireAndUsedOnesStay() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (HostStub host = TestHost.start(dir, clock)) {
            ChatApi api = new ChatApi(host);
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            Site site = api.createWebsite(ChatApi.website("Expiry"));
            assertEquals(200, api.putForm(site, "online", "[{\"type\":\"input\",\"name\":\"email\",\"label\":\"E\","
                    + "\"inputType\":\"email\",\"required\":true},{\"type\":\"attachment\",\"name\":\"files\","
                    + "\"label\":\"Files\",\"accept\":\".txt\"}]").status());
            byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
            String unused = api.upload(site.key(), "online", "files", "a.txt", text).json().get("uploadId").asText();
            String used = api.upload(site.key(), "online", "files", "b.txt", text).json().get("uploadId").asText();
            Http.Reply open = api.open(site.key(), "{\"email\":\"ada@example.com\",\"files\":[\"" + used + "\"]}");
            assertEquals(201, open.status(), open.body());
            assertTrue(exists(unused) && exists(used));

            clock.advance(Duration.ofHours(25));
            Poll.until(Duration.ofSeconds(10), "the unused upload is deleted", () -> !exists(unused));
            assertTrue(exists(used), "an attached upload stays");
            Http.Reply late = api.open(site.key(), "{\"email\":\"ada@example.com\",\"files\":[\"" + unused + "\"]}");
            assertEquals(400, late.status());
            assertEquals(404, api.http.get(ChatApi.PLUGIN + "/api/uploads/" + unused, TestHost.ADMIN_TOKEN).status());
        }
    }

    private boolean exists(String uploadId) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().equals(uploadId));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
