package com.chatwebsite.plugin.offline;

import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.offline.OfflineHandler;
import com.chatwebsite.api.offline.OfflineMessage;
import com.chatwebsite.plugin.form.FormKind;
import com.chatwebsite.plugin.form.FormService;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: calls each pending delivery's handler, marks it done, or records the error
 * and tries again later with exponential backoff (5 s doubling to 10 min, by the host's clock). A
 * delivery is never dropped; ones that keep failing stay visible to the supervisor. Every node runs
 * the relay; each delivery is claimed by one node at a time, so with N nodes a mail is sent once.
 */
public final class OutboxRelay {

    /** The first retry's delay. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    /** The longest delay between retries. */
    public static final Duration MAX_RETRY = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 50;
    /** How long a claimed delivery stays away from other nodes while this one sends it. */
    private static final Duration CLAIM_HOLD = Duration.ofMinutes(2);
    /** A node whose heartbeat is this old is dead: its claims are free. */
    public static final Duration NODE_SILENCE = Duration.ofSeconds(15);

    private final OfflineRepository store;
    private final WebsiteService websites;
    private final FormService forms;
    private final OfflineMessages messages;
    private final HostServices host;
    private final String node;

    public OutboxRelay(OfflineRepository store, WebsiteService websites, FormService forms, OfflineMessages messages,
            HostServices host, String node) {
        this.node = node;
        this.store = store;
        this.websites = websites;
        this.forms = forms;
        this.messages = messages;
        this.host = host;
    }

    /**
     * One pass over the due deliveries; runs on the plugin's scheduler thread only.
     *
     * @return how many it delivered
     */
    public int runOnce() {
        return runOnce(() -> false);
    }

    /**
     * One pass over the due deliveries, ending early (between two deliveries) once
     * {@code stopRequested} says so; what this node claimed and did not send is freed when it leaves
     * the cluster, or when its claim runs out.
     *
     * @param stopRequested asked before each delivery
     * @return how many it delivered
     */
    public int runOnce(BooleanSupplier stopRequested) {
        int delivered = 0;
        List<OfflineHandler> handlers = host.extensions().find(OfflineHandler.class);
        for (DueDelivery due : store.claimDue(node, host.clock().instant(), CLAIM_HOLD,
                host.clock().instant().minus(NODE_SILENCE), BATCH)) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            String offlineId = due.offlineId();
            String handlerId = due.handlerId();
            // The SMTP server may have taken it just before that node stopped: at least once, same Message-ID.
            due.heldBefore().ifPresent(n -> LOG.info("offline {} via {}: node {} held it and did not finish; "
                    + "sending it again", offlineId, handlerId, n));
            try {
                OfflineHandler handler = handlers.stream().filter(h -> h.id().equals(handlerId)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no offline handler " + handlerId + " is running"));
                handler.handle(message(offlineId));
                store.delivered(offlineId, handlerId, host.clock().instant());
                delivered++;
            } catch (Exception e) {
                int attempts = store.attempts(offlineId, handlerId) + 1;
                Instant next = host.clock().instant().plus(backoff(attempts));
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                store.failed(offlineId, handlerId, error, next);
                LOG.info("offline {} via {} failed (attempt {}), next at {}: {}", offlineId, handlerId, attempts, next,
                        error);
            }
        }
        return delivered;
    }

    private OfflineMessage message(String offlineId) {
        OfflineRecord r = store.find(offlineId).orElseThrow();
        Website w = websites.byIdIncludingDeleted(r.websiteId())
                .orElseThrow(() -> new IllegalStateException("website " + r.websiteId() + " is gone"));
        return messages.build(r.id(), w, forms.get(w.id(), FormKind.OFFLINE), r.fields(), r.contactId(),
                r.createdAt());
    }

    /**
     * The delay before the next attempt.
     *
     * @param attempts failed attempts so far (at least 1)
     * @return 5 s, 10 s, 20 s, … up to 10 min
     */
    public static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = FIRST_RETRY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    /** For the supervisor: a delivery is failing after this many attempts. */
    public static boolean failing(int attempts) {
        return attempts >= 3;
    }

}
