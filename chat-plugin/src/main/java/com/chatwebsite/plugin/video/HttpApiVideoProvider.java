package com.chatwebsite.plugin.video;

import com.chatwebsite.plugin.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.pf4j.Extension;

/**
 * Rooms from a provider's HTTP API: {@code POST {apiUrl}/rooms} with
 * {@code Authorization: Bearer <apiKey>} and {@code {"name","externalId"}}, answered with
 * {@code {"agentUrl","customerUrl"}}. Bounded: the client's timeouts, and one retry (with the same
 * {@code Idempotency-Key}) after a connection failure or a 5xx.
 */
@Extension
public final class HttpApiVideoProvider implements VideoProvider {

    public static final String ID = "http";
    static final int ATTEMPTS = 2;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = JsonMappers.plain();
    private static final int MAX_RESPONSE = 64 * 1024;

    private final VideoContext context;

    public HttpApiVideoProvider(VideoContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public VideoRoom create(VideoRequest request) throws VideoProviderException {
        return create(context.http(), request);
    }

    /**
     * Creates a room through the API.
     *
     * @param client the HTTP client (its timeouts bound each attempt)
     * @param request the room
     * @return the links
     * @throws VideoProviderException with a sentence for the agent
     */
    public static VideoRoom create(OkHttpClient client, VideoRequest request) throws VideoProviderException {
        HttpUrl base = HttpUrl.parse(request.setting("apiUrl"));
        if (base == null || request.setting("apiKey").isBlank()) {
            throw new VideoProviderException("The video provider's API URL or key is not configured.");
        }
        String body;
        try {
            body = MAPPER.writeValueAsString(Map.of("name", request.roomName(), "externalId", request.sessionId()));
        } catch (IOException e) {
            throw new VideoProviderException("Could not write the request.", e);
        }
        Request http = new Request.Builder()
                .url(base.newBuilder().addPathSegment("rooms").build())
                .header("Authorization", "Bearer " + request.setting("apiKey"))
                .header("Accept", "application/json")
                .header("Idempotency-Key", request.roomName())
                .post(RequestBody.create(body, JSON))
                .build();
        VideoProviderException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Response response = client.newCall(http).execute()) {
                if (response.code() >= 500) {
                    last = new VideoProviderException("The video provider failed (HTTP " + response.code() + ").");
                    continue;
                }
                if (!response.isSuccessful()) {
                    throw new VideoProviderException("The video provider refused the room (HTTP " + response.code()
                            + ").");
                }
                return parse(response.body());
            } catch (IOException e) {
                last = new VideoProviderException("The video provider did not answer in time or dropped the "
                        + "connection.", e);
            }
        }
        throw last;
    }

    private static VideoRoom parse(ResponseBody body) throws VideoProviderException {
        try {
            byte[] bytes = body.byteStream().readNBytes(MAX_RESPONSE);
            JsonNode json = MAPPER.readTree(bytes);
            Optional<java.net.URI> agent = VideoUrls.httpUrl(json.path("agentUrl").asText(null));
            Optional<java.net.URI> customer = VideoUrls.httpUrl(json.path("customerUrl").asText(null));
            if (agent.isEmpty() || customer.isEmpty()) {
                throw new VideoProviderException("The video provider's answer has no valid agentUrl and customerUrl.");
            }
            return new VideoRoom(agent.get(), customer.get());
        } catch (IOException e) {
            throw new VideoProviderException("The video provider's answer is not valid JSON.", e);
        }
    }
}
