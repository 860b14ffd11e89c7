package com.chatwebsite.plugin.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.plugin.limit.RateLimiter.Quota;
import com.chatwebsite.plugin.limit.RateLimiter.Refusal;
import com.chatwebsite.plugin.limit.RateLimiter.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(clock);

    private static List<Quota> open(String address, int perAddress, int perWebsite) {
        return List.of(new Quota(Scope.CLIENT, "sessions.perAddress", "w1 " + address, perAddress),
                new Quota(Scope.WEBSITE, "sessions.perWebsite", "w1", perWebsite));
    }

    @Test
    void aMinutesAllowanceIsABurstThenOneTokenPerSixtiethOfAMinute() {
        for (int i = 0; i < 6; i++) {
            assertEquals(Optional.empty(), limiter.acquire(open("a", 6, 100)));
        }
        Refusal r = limiter.acquire(open("a", 6, 100)).orElseThrow();
        assertEquals("sessions.perAddress", r.quota().name());
        assertEquals(10, r.retryAfterSeconds(), "6 a minute: one every 10 s");
        clock.advance(Duration.ofSeconds(9));
        assertEquals(1, limiter.acquire(open("a", 6, 100)).orElseThrow().retryAfterSeconds());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), limiter.acquire(open("a", 6, 100)));
    }

    @Test
    void addressesAreCountedApartAndTheWebsiteTogether() {
        assertEquals(Optional.empty(), limiter.acquire(open("a", 2, 3)));
        assertEquals(Optional.empty(), limiter.acquire(open("a", 2, 3)));
        assertEquals("sessions.perAddress", limiter.acquire(open("a", 2, 3)).orElseThrow().quota().name());
        assertEquals(Optional.empty(), limiter.acquire(open("b", 2, 3)), "another address has its own bucket");
        Refusal website = limiter.acquire(open("c", 2, 3)).orElseThrow();
        assertEquals(Scope.WEBSITE, website.quota().scope());
        assertEquals(20, website.retryAfterSeconds(), "3 a minute: one every 20 s");
    }

    @Test
    void aClientOverItsOwnLimitUsesNothingOfItsWebsites() {
        for (int i = 0; i < 50; i++) {
            limiter.acquire(open("greedy", 1, 5));
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), limiter.acquire(open("other" + i, 1, 5)), "other " + i);
        }
    }

    @Test
    void aRefusalByTheWebsiteGivesTheClientsTokenBack() {
        limiter.acquire(open("a", 5, 1));
        for (int i = 0; i < 10; i++) {
            assertEquals(Scope.WEBSITE, limiter.acquire(open("b", 2, 1)).orElseThrow().quota().scope());
        }
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), limiter.acquire(open("b", 2, 1)));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), limiter.acquire(open("b", 2, 1)),
                "b's own bucket still had both tokens: refusals by the website took none");
    }

    @Test
    void aChangedAllowanceStartsAFreshBucket() {
        limiter.acquire(open("a", 1, 100));
        assertTrue(limiter.acquire(open("a", 1, 100)).isPresent());
        assertEquals(Optional.empty(), limiter.acquire(open("a", 5, 100)), "the admin raised the limit");
    }

    @Test
    void clientBucketsAreBoundedAndNeverEvictAWebsites() {
        RateLimiter small = new RateLimiter(clock, 100, 10);
        assertEquals(Optional.empty(), small.acquire(open("first", 1, 1000)));
        for (int i = 0; i < 1000; i++) {
            small.acquire(open("addr" + i, 1, 1000));
        }
        assertTrue(small.size(Scope.CLIENT) <= 100, "client buckets: " + small.size(Scope.CLIENT));
        assertEquals(1, small.size(Scope.WEBSITE));
        assertEquals(Scope.WEBSITE, small.acquire(open("late", 1, 1000)).orElseThrow().quota().scope(),
                "the website's bucket kept its count through the flood of addresses");
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsAtLeastOne() {
        Quota q = new Quota(Scope.CLIENT, "x", "k", 1);
        assertEquals(1, new Refusal(q, Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(2, new Refusal(q, Duration.ofMillis(1001)).retryAfterSeconds());
        assertEquals(60, new Refusal(q, Duration.ofSeconds(60)).retryAfterSeconds());
    }
}
