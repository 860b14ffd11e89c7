package com.chatwebsite.plugin.limit;

import com.google.common.base.Preconditions;
import com.chatwebsite.plugin.cache.BoundedCache;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Token buckets by name and key, in memory: each {@link Quota} is "so many a minute", a bucket
 * that holds a minute's allowance and refills evenly. Buckets live in two bounded caches that
 * forget a bucket unused for {@link #IDLE} (by then it would be full again): one for clients
 * (addresses, sessions), which an attack may make numerous, and one for websites, so that a flood
 * of client buckets never evicts a website's.
 *
 * <p>Buckets are per node: a cluster of n nodes admits up to n times a quota in the worst case.
 * Thread-safe.
 */
public final class RateLimiter {

    /** How long an unused bucket is kept; at least a minute, the time a bucket takes to refill. */
    public static final Duration IDLE = Duration.ofMinutes(2);
    private static final int CLIENT_BUCKETS = 50_000;
    private static final int WEBSITE_BUCKETS = 10_000;

    private final Clock clock;
    private final BoundedCache<BucketKey, TokenBucket> clients;
    private final BoundedCache<BucketKey, TokenBucket> websites;

    /**
     * A limiter with the default bounds.
     *
     * @param clock where time comes from
     */
    public RateLimiter(Clock clock) {
        this(clock, CLIENT_BUCKETS, WEBSITE_BUCKETS);
    }

    /**
     * A limiter with given bounds.
     *
     * @param clock where time comes from
     * @param clientBuckets the most client buckets kept
     * @param websiteBuckets the most website buckets kept
     */
    public RateLimiter(Clock clock, int clientBuckets, int websiteBuckets) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = BoundedCache.bySizeAndIdle(clientBuckets, IDLE, clock);
        this.websites = BoundedCache.bySizeAndIdle(websiteBuckets, IDLE, clock);
    }

    /** Whose requests a quota counts. */
    public enum Scope {
        /** One client: an address or a session. */
        CLIENT,
        /** A whole website. */
        WEBSITE
    }

    /**
     * One allowance: {@code perMinute} requests of kind {@code name} for {@code key}.
     *
     * @param scope whose requests it counts
     * @param name what it counts, such as {@code sessions.perAddress}
     * @param key whom it counts, such as a website id and an address
     * @param perMinute the allowance, also the largest burst
     */
    public record Quota(Scope scope, String name, String key, int perMinute) {
        public Quota {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
            Preconditions.checkArgument(perMinute >= 1, "perMinute must be at least 1: %s", perMinute);
        }
    }

    /**
     * Why a request was not admitted.
     *
     * @param quota the quota it was over
     * @param retryAfter how long until that quota has a token again
     */
    public record Refusal(Quota quota, Duration retryAfter) {
        /**
         * The wait in whole seconds, rounded up, at least 1: the HTTP {@code Retry-After}.
         *
         * @return seconds
         */
        public long retryAfterSeconds() {
            long whole = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
            return Math.max(1, whole);
        }
    }

    /**
     * Takes one token from each quota, in order, or none: when a quota refuses, the tokens already
     * taken are given back, so a client over its own quota does not use up its website's.
     *
     * @param quotas the quotas the request counts against
     * @return empty if admitted, else the first quota that refused
     */
    public Optional<Refusal> acquire(List<Quota> quotas) {
        List<TokenBucket> taken = new ArrayList<>(quotas.size());
        for (Quota q : quotas) {
            TokenBucket bucket = bucket(q);
            Optional<Duration> wait = bucket.tryTake();
            if (wait.isPresent()) {
                taken.forEach(TokenBucket::giveBack);
                return Optional.of(new Refusal(q, wait.get()));
            }
            taken.add(bucket);
        }
        return Optional.empty();
    }

    /**
     * The buckets held, for tests and metrics.
     *
     * @param scope which cache
     * @return how many buckets it holds
     */
    public long size(Scope scope) {
        return (scope == Scope.CLIENT ? clients : websites).size();
    }

    private TokenBucket bucket(Quota q) {
        BucketKey key = new BucketKey(q.name(), q.key(), q.perMinute());
        return (q.scope() == Scope.CLIENT ? clients : websites)
                .get(key, k -> new TokenBucket(q.perMinute(), q.perMinute() / 60d, clock));
    }

    /** The allowance is part of the key: a changed setting starts a fresh bucket, the old one expires. */
    private record BucketKey(String name, String key, int perMinute) {
    }
}
