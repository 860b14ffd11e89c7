package com.chatwebsite.host.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent moves a chat to a video call through the host's agent API; the customer gets the link. */
class VideoCallTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static WireMockServer provider;

    @BeforeAll
    static void start() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        host.close();
        provider.stop();
    }

    @BeforeEach
    void reset() {
        provider.resetAll();
    }

    private static Site site(String videoJson) {
        ObjectNode json = ChatApi.website("Video");
        json.set("videoCall", ChatApi.json(videoJson));
        return api.createWebsite(json);
    }

    private static Session activeChat(Site site) {
        Session s = api.openSession(site.key());
        assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
        return s;
    }

    @Test
    void theLinkProviderSendsTheCustomerTheRoomLink() {
        Site site = site("{\"enabled\":true,\"provider\":\"link\",\"linkTemplate\":\"https://meet.example.org/{room}\"}");
        Session s = activeChat(site);
        try (SseClient customer = api.customerStream(s, null)) {
            Http.Reply r = api.agent("POST", "/interactions/" + s.id() + "/video-call", null);
            assertEquals(201, r.status(), r.body());
            String url = r.json().get("url").asText();
            assertTrue(url.matches("https://meet\\.example\\.org/chat-[0-9a-f]{32}"), url);
            List<SseClient.Event> events = customer.until("video-call", WAIT);
            assertEquals(url, ChatApi.json(events.get(events.size() - 1).data()).get("url").asText());
            SseClient.Event system = customer.next(WAIT);
            assertEquals("message", system.event());
            assertTrue(ChatApi.json(system.data()).get("text").asText().contains(url));
        }
    }

    @Test
    void theHttpProviderIsCalledWithTheExactRequestAndTheAgentGetsTheAgentLink() {
        provider.stubFor(post("/api/rooms").willReturn(aResponse().withStatus(201).withHeader("Content-Type",
                "application/json").withBody("{\"agentUrl\":\"https://video.example/r/7?role=host\","
                + "\"customerUrl\":\"https://video.example/r/7\"}")));
        Site site = site("{\"enabled\":true,\"provider\":\"http\",\"apiUrl\":\"" + provider.baseUrl() + "/api\","
                + "\"apiKey\":\"secret-key\"}");
        Session s = activeChat(site);
        Http.Reply r = api.agent("POST", "/interactions/" + s.id() + "/video-call", null);
        assertEquals(201, r.status(), r.body());
        assertEquals("https://video.example/r/7?role=host", r.json().get("url").asText());
        assertEquals("https://video.example/r/7", r.json().get("customerUrl").asText());
        provider.verify(1, postRequestedFor(urlEqualTo("/api/rooms"))
                .withHeader("Authorization", equalTo("Bearer secret-key"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.name", com.github.tomakehurst.wiremock.client.WireMock.matching(
                        "chat-[0-9a-f]{32}")))
                .withRequestBody(matchingJsonPath("$.externalId", equalTo(s.id()))));
        JsonNode messages = api.widget("GET", s.key(), "/sessions/" + s.id() + "/messages", null, s.token()).json();
        assertTrue(messages.toString().contains("https://video.example/r/7\""), "the customer link, not the host one");
        assertTrue(!messages.toString().contains("role=host"));
    }

    @Test
    void providerFaultsGiveTheAgentAClearErrorAndTheChatGoesOn() {
        Site site = site("{\"enabled\":true,\"provider\":\"http\",\"apiUrl\":\"" + provider.baseUrl() + "/api\","
                + "\"apiKey\":\"k\"}");
        Session s = activeChat(site);
        String[] bodies = {"5xx", "reset", "malformed"};
        for (String fault : bodies) {
            provider.resetAll();
            switch (fault) {
                case "5xx" -> provider.stubFor(post("/api/rooms").willReturn(aResponse().withStatus(502)));
                case "reset" -> provider.stubFor(post("/api/rooms").willReturn(
                        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
                default -> provider.stubFor(post("/api/rooms").willReturn(aResponse().withStatus(200)
                        .withBody("{\"agentUrl\":")));
            }
            Http.Reply r = api.agent("POST", "/interactions/" + s.id() + "/video-call", null);
            assertEquals(502, r.status(), fault + ": " + r.body());
            assertEquals("video_provider_failed", r.json().get("error").asText());
            assertTrue(r.json().get("message").asText().contains("The chat goes on"), r.body());
            provider.verify(postRequestedFor(urlEqualTo("/api/rooms")).withRequestBody(
                    matchingJsonPath("$.externalId", equalTo(s.id()))));
        }
        assertEquals(201, api.say(s, "still chatting", null).status());
        assertEquals(201, api.agent("POST", "/interactions/" + s.id() + "/messages", "{\"text\":\"yes\"}").status());
    }

    @Test
    void videoNeedsAnActiveChatOfAWebsiteWithVideoOn() {
        Site off = site("{\"enabled\":false}");
        Session s = activeChat(off);
        Http.Reply disabled = api.agent("POST", "/interactions/" + s.id() + "/video-call", null);
        assertEquals(409, disabled.status());
        assertEquals("video_disabled", disabled.json().get("error").asText());
        Site on = site("{\"enabled\":true,\"provider\":\"link\",\"linkTemplate\":\"https://meet.example.org/{room}\"}");
        Session waiting = api.openSession(on.key());
        assertEquals(409, api.agent("POST", "/interactions/" + waiting.id() + "/video-call", null).status(),
                "not accepted yet");
        provider.verify(0, postRequestedFor(urlEqualTo("/api/rooms")));
    }
}
