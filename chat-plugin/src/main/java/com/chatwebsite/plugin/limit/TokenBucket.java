package com.chatwebsite.plugin.limit;

import com.google.common.base.Preconditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket: holds up to {@code capacity} tokens, starts full, and gains
 * {@code refillPerSecond} tokens a second by the injected clock; each admitted request takes one.
 * The configuration is fixed at construction; the tokens are guarded by the bucket's monitor, so
 * one bucket may be shared by any threads.
 */
public final class TokenBucket {

    private final int capacity;
    private final double refillPerSecond;
    private final Clock clock;
    private double tokens;
    private Instant refilledAt;

    /**
     * A full bucket.
     *
     * @param capacity the most tokens it holds, which is also the largest burst it admits
     * @param refillPerSecond the tokens it gains a second
     * @param clock where time comes from
     */
    public TokenBucket(int capacity, double refillPerSecond, Clock clock) {
        Preconditions.checkArgument(capacity >= 1, "capacity must be at least 1: %s", capacity);
        Preconditions.checkArgument(refillPerSecond > 0 && Double.isFinite(refillPerSecond),
                "refillPerSecond must be positive: %s", refillPerSecond);
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.clock = Preconditions.checkNotNull(clock, "clock");
        this.tokens = capacity;
        this.refilledAt = clock.instant();
    }

    public int capacity() {
        return capacity;
    }

    public double refillPerSecond() {
        return refillPerSecond;
    }

    /**
     * Takes a token if there is one.
     *
     * @return empty if a token was taken; otherwise how long until one is there (nothing taken)
     */
    public synchronized Optional<Duration> tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        double seconds = (1 - tokens) / refillPerSecond;
        return Optional.of(Duration.ofNanos((long) Math.ceil(seconds * 1_000_000_000d)));
    }

    /** Puts back a token taken by {@link #tryTake} for a request that went no further; never above the capacity. */
    public synchronized void giveBack() {
        refill();
        tokens = Math.min(capacity, tokens + 1);
    }

    /**
     * The tokens there now, for tests and metrics.
     *
     * @return whole and partial tokens
     */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / 1_000_000_000d;
            tokens = Math.min(capacity, tokens + seconds * refillPerSecond);
        }
        // a clock that steps back leaves the tokens as they are and counts on from its new time
        refilledAt = now;
    }
}
