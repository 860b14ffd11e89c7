package com.chatwebsite.plugin.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void aNewBucketAdmitsABurstOfItsCapacityThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, 0.5, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), bucket.tryTake(), "token " + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(2)), bucket.tryTake(), "one token takes 1 / 0.5 s");
        assertEquals(Optional.of(Duration.ofSeconds(2)), bucket.tryTake(), "a refusal takes nothing");
    }

    @Test
    void tokensComeBackWithTimeAndNeverAboveTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1, clock);
        bucket.tryTake();
        bucket.tryTake();
        clock.advance(Duration.ofMillis(500));
        assertEquals(Optional.of(Duration.ofMillis(500)), bucket.tryTake());
        clock.advance(Duration.ofMillis(500));
        assertEquals(Optional.empty(), bucket.tryTake());
        clock.advance(Duration.ofHours(5));
        assertEquals(2.0, bucket.available(), 1e-9, "an idle bucket fills up to its capacity only");
        bucket.giveBack();
        assertEquals(2.0, bucket.available(), 1e-9, "a token given back never overfills it");
    }

    @Test
    void aGivenBackTokenCanBeTakenAgain() {
        TokenBucket bucket = new TokenBucket(1, 1.0 / 60, clock);
        assertEquals(Optional.empty(), bucket.tryTake());
        assertTrue(bucket.tryTake().isPresent());
        bucket.giveBack();
        assertEquals(Optional.empty(), bucket.tryTake());
    }

    @Test
    void aClockThatStepsBackGivesNoTokensAndTakesNone() {
        TokenBucket bucket = new TokenBucket(1, 1, clock);
        bucket.tryTake();
        clock.advance(Duration.ofSeconds(-30));
        assertEquals(0.0, bucket.available(), 1e-9);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1.0, bucket.available(), 1e-9, "refill counts on from the clock's new time");
    }

    @Test
    void theConfigurationIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, clock));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, clock));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, Double.NaN, clock));
        assertThrows(NullPointerException.class, () -> new TokenBucket(1, 1, null));
    }

    @Test
    void parallelTakersGetExactlyTheCapacity() throws Exception {
        TokenBucket bucket = new TokenBucket(100, 1e-6, clock);
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    if (bucket.tryTake().isEmpty()) {
                        admitted.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(100, admitted.get());
    }
}
