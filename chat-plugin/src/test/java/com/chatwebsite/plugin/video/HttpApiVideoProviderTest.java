package com.chatwebsite.plugin.video;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class HttpApiVideoProviderTest {

    private static final String ROOM = "chat-room1";
    private OkHttpClient client;
    private VideoRequest request;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        // generous, so that a loaded machine never turns an answer into a timeout (and a retry)
        client = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20)).retryOnConnectionFailure(false).build();
        request = new VideoRequest("session-1", ROOM, Map.of("enabled", true, "provider", "http",
                "apiUrl", wm.getHttpBaseUrl() + "/v1", "apiKey", "k3y"));
    }

    @AfterEach
    void tearDown() {
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }

    private static void verifyExactRequest(int times) {
        verify(times, postRequestedFor(urlEqualTo("/v1/rooms"))
                .withHeader("Authorization", equalTo("Bearer k3y"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo(ROOM))
                .withRequestBody(equalToJson("{\"name\":\"" + ROOM + "\",\"externalId\":\"session-1\"}")));
    }

    @Test
    void createsARoomAndReturnsBothLinks() throws Exception {
        stubFor(post("/v1/rooms").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"agentUrl\":\"https://video.example/r/1?host=1\",\"customerUrl\":\"https://video.example/r/1\"}")));
        VideoRoom room = HttpApiVideoProvider.create(client, request);
        assertEquals(URI.create("https://video.example/r/1?host=1"), room.agentUrl());
        assertEquals(URI.create("https://video.example/r/1"), room.customerUrl());
        verifyExactRequest(1);
    }

    @Test
    void aServerErrorIsRetriedOnceThenReported() {
        stubFor(post("/v1/rooms").willReturn(aResponse().withStatus(503)));
        VideoProviderException e = assertThrows(VideoProviderException.class,
                () -> HttpApiVideoProvider.create(client, request));
        assertTrue(e.getMessage().contains("503"), e.getMessage());
        verifyExactRequest(HttpApiVideoProvider.ATTEMPTS);
    }

    @Test
    void aTimeoutIsBoundedAndReported() {
        stubFor(post("/v1/rooms").willReturn(aResponse().withStatus(201).withFixedDelay(1500)
                .withBody("{\"agentUrl\":\"https://a.example\",\"customerUrl\":\"https://a.example\"}")));
        OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(500))
                .callTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        VideoProviderException e = assertThrows(VideoProviderException.class,
                () -> HttpApiVideoProvider.create(impatient, request));
        assertTrue(e.getMessage().contains("in time"), e.getMessage());
        verifyExactRequest(HttpApiVideoProvider.ATTEMPTS);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0,
                "each attempt is bounded by the client's timeouts");
    }

    @Test
    void aConnectionResetIsReported() {
        stubFor(post("/v1/rooms").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThrows(VideoProviderException.class, () -> HttpApiVideoProvider.create(client, request));
        verifyExactRequest(HttpApiVideoProvider.ATTEMPTS);
    }

    @Test
    void malformedOrUnsafeAnswersAreReported() {
        for (String body : new String[] {"not json", "{\"agentUrl\":\"https://a.example\"}",
            "{\"agentUrl\":\"https://a.example\",\"customerUrl\":\"javascript:alert(1)\"}", "[]"}) {
            stubFor(post("/v1/rooms").willReturn(aResponse().withStatus(200).withBody(body)));
            VideoProviderException e = assertThrows(VideoProviderException.class,
                    () -> HttpApiVideoProvider.create(client, request), body);
            assertTrue(e.getMessage().startsWith("The video provider's answer"), e.getMessage());
        }
    }

    @Test
    void aClientErrorIsNotRetried() {
        stubFor(post("/v1/rooms").willReturn(aResponse().withStatus(401)));
        VideoProviderException e = assertThrows(VideoProviderException.class,
                () -> HttpApiVideoProvider.create(client, request));
        assertTrue(e.getMessage().contains("401"));
        verifyExactRequest(1);
    }

    @Test
    void theLinkProviderFillsTheTemplateWithoutAnyCall() throws Exception {
        VideoRoom room = new LinkVideoProvider().create(new VideoRequest("s", "chat-abc",
                Map.of("linkTemplate", "https://meet.example.org/{room}")));
        assertEquals(URI.create("https://meet.example.org/chat-abc"), room.customerUrl());
        assertEquals(room.customerUrl(), room.agentUrl());
        assertThrows(VideoProviderException.class, () -> new LinkVideoProvider().create(new VideoRequest("s", "r",
                Map.of("linkTemplate", "javascript:alert('{room}')"))));
    }
}
