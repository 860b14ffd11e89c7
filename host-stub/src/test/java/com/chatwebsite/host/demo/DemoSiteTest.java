package com.chatwebsite.host.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeded demo website lists each of its origins once. */
class DemoSiteTest {

    @TempDir
    Path dir;

    @Test
    void theSeededDemoWebsiteListsEachOriginOnce() {
        HostConfig test = TestHost.config(dir, Optional.empty(), Optional.empty());
        HostConfig config = new HostConfig(test.port(), test.dataDir(), test.pluginsDir(), test.db(), test.smtp(),
                test.adminToken(), false, test.agents(), false, Optional.empty(), true);
        try (HostStub host = HostStub.start(config, Clock.systemUTC())) {
            ChatApi api = new ChatApi(host);
            Poll.until(Duration.ofSeconds(20), "the demo website is seeded",
                    () -> api.http.get(ChatApi.PLUGIN + "/api/websites", TestHost.ADMIN_TOKEN).json().size() == 1);
            JsonNode site = api.http.get(ChatApi.PLUGIN + "/api/websites", TestHost.ADMIN_TOKEN).json().get(0);
            List<String> origins = new ArrayList<>();
            site.get("origins").forEach(o -> origins.add(o.asText()));
            int port = host.baseUrl().getPort();
            assertEquals(List.of("http://localhost:" + port, "http://127.0.0.1:" + port), origins);
        }
    }

    @Test
    void aPublicUrlElsewhereComesFirstAndTheLocalOnesFollowOnce() {
        assertEquals(List.of("https://chat.example.com", "http://127.0.0.1:8080", "http://localhost:8080"),
                DemoSite.origins(URI.create("https://Chat.Example.com/"), URI.create("http://127.0.0.1:8080")));
        assertEquals(List.of("http://localhost:8080", "http://127.0.0.1:8080"),
                DemoSite.origins(URI.create("http://localhost:8080"), URI.create("http://127.0.0.1:8080")));
    }
}
