package com.chatwebsite.plugin.webhook;

import com.chatwebsite.plugin.json.JsonMappers;
import com.chatwebsite.plugin.offline.OutboxRelay;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook deliveries, each claimed by one node at a time ({@code SKIP LOCKED}), as the offline
 * outbox does: a 2xx marks it delivered; another status or an I/O error is retried with the same body and
 * idempotency id after 5 s doubling to 10 min, until {@link #GIVE_UP} after the event (then {@code failed}).
 * Before every attempt the host is resolved and checked ({@link TargetGuard}); a refused target ends the
 * delivery as {@code refused} with the reason. The connection goes only to the checked addresses (the
 * client's {@code Dns} answers with them), never through a proxy, and redirects are not followed.
 * Runs on the plugin's webhook thread; stops between two deliveries when asked.
 */
public final class WebhookRelay {

    /** After this long since the event a failing delivery is given up. */
    public static final Duration GIVE_UP = Duration.ofHours(24);
    /** Finished deliveries stay in the log this long. */
    public static final Duration KEEP = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRelay.class);
    private static final int BATCH = 10;
    private static final Duration CLAIM_HOLD = Duration.ofMinutes(2);
    private static final Duration PRUNE_PERIOD = Duration.ofMinutes(10);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = JsonMappers.plain();

    private final WebhookRepository store;
    private final OkHttpClient http;
    private final TargetGuard guard;
    private final Clock clock;
    private final String node;
    private Instant nextPrune;

    /**
     * @param store the outbox
     * @param http the plugin's client (its dispatcher and pool are shared; stopping the plugin cancels calls)
     * @param guard the target check
     * @param clock the host's clock
     * @param node this node's id
     */
    public WebhookRelay(WebhookRepository store, OkHttpClient http, TargetGuard guard, Clock clock, String node) {
        this.store = store;
        this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).proxy(Proxy.NO_PROXY)
                .retryOnConnectionFailure(false).build();
        this.guard = guard;
        this.clock = clock;
        this.node = node;
    }

    /**
     * One pass over the due deliveries, ending early (between two) once {@code stopRequested} says so.
     *
     * @param stopRequested asked before each delivery
     * @return how many were delivered
     */
    public int runOnce(BooleanSupplier stopRequested) {
        Instant now = clock.instant();
        if (nextPrune == null || !now.isBefore(nextPrune)) {
            nextPrune = now.plus(PRUNE_PERIOD);
            store.prune(now.minus(KEEP));
        }
        int sent = 0;
        for (List<String> key : store.claimDue(node, now, CLAIM_HOLD, now.minus(OutboxRelay.NODE_SILENCE), BATCH)) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            Optional<DueWebhook> due = store.due(key.get(0), key.get(1));
            if (due.isPresent() && attempt(due.get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean attempt(DueWebhook d) {
        String eventId = d.eventId();
        String endpointId = d.endpoint().id();
        Instant now = clock.instant();
        if (!d.endpoint().enabled()) {
            store.end(eventId, endpointId, "failed", Optional.empty(), "the endpoint is disabled", now);
            return false;
        }
        HttpUrl url = HttpUrl.parse(d.endpoint().url());
        if (url == null) {
            store.end(eventId, endpointId, "failed", Optional.empty(), "the endpoint's URL is not valid", now);
            return false;
        }
        List<InetAddress> vetted;
        try {
            vetted = guard.resolve(url.host(), d.endpoint().allowPrivateTargets());
        } catch (TargetGuard.Refused e) {
            store.end(eventId, endpointId, "refused", Optional.empty(), e.getMessage(), now);
            LOG.warn("webhook {} to endpoint {}: {}", eventId, endpointId, e.getMessage());
            return false;
        } catch (UnknownHostException e) {
            failed(d, Optional.empty(), "DNS: " + url.host() + " does not resolve", now);
            return false;
        }
        byte[] body = body(d);
        OkHttpClient client = http.newBuilder().dns(host -> {
            if (host.equalsIgnoreCase(url.host())) {
                return vetted;
            }
            throw new UnknownHostException(host + " was not checked"); // only the checked host is reached
        }).build();
        Request request = new Request.Builder().url(url)
                .header("User-Agent", "ChatWebsite-Webhooks/1.0")
                .header(WebhookSignature.EVENT_HEADER, d.type())
                .header(WebhookSignature.DELIVERY_HEADER, eventId)
                .header(WebhookSignature.HEADER, WebhookSignature.header(d.endpoint().secret(), now.getEpochSecond(), body))
                .post(RequestBody.create(body, JSON))
                .build();
        int status;
        try (Response response = client.newCall(request).execute()) {
            status = response.code();
        } catch (IOException e) {
            failed(d, Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage(), now);
            return false;
        }
        if (status >= 200 && status < 300) {
            store.delivered(eventId, endpointId, status, clock.instant());
            return true;
        }
        failed(d, Optional.of(status), "HTTP " + status + (status >= 300 && status < 400
                ? " (redirects are not followed)" : ""), now);
        return false;
    }

    private void failed(DueWebhook d, Optional<Integer> status, String error, Instant now) {
        int attempts = d.attempts() + 1;
        if (!now.isBefore(d.createdAt().plus(GIVE_UP))) {
            store.end(d.eventId(), d.endpoint().id(), "failed", status, error + "; gave up after " + attempts
                    + " attempts", now);
            LOG.warn("webhook {} to endpoint {} given up after {} attempts: {}", d.eventId(), d.endpoint().id(),
                    attempts, error);
            return;
        }
        Instant next = now.plus(OutboxRelay.backoff(attempts));
        store.retry(d.eventId(), d.endpoint().id(), status, error, now, next);
        LOG.info("webhook {} to endpoint {} failed (attempt {}), next at {}: {}", d.eventId(), d.endpoint().id(),
                attempts, next, error);
    }

    /** The body: the same bytes on every attempt, as it is built from the stored event only. */
    static byte[] body(DueWebhook d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.eventId());
        out.put("type", d.type());
        out.put("createdAt", d.createdAt().toString());
        out.put("websiteId", d.websiteId());
        out.put("data", d.data());
        try {
            return MAPPER.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
