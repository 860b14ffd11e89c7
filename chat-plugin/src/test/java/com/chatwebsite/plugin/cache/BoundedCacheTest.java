package com.chatwebsite.plugin.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void theLeastRecentlyUsedEntryGoesFirstWhenFull() {
        BoundedCache<String, Integer> cache = BoundedCache.bySize(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertEquals(Optional.of(1), cache.get("a")); // "b" is now the least recently used
        cache.put("c", 3);
        assertEquals(2, cache.size());
        assertEquals(Optional.empty(), cache.get("b"));
        assertEquals(Optional.of(1), cache.get("a"));
        assertEquals(Optional.of(3), cache.get("c"));
    }

    @Test
    void anEntryUnusedForTheIdleTimeIsForgottenAndAUseKeepsItAlive() {
        Instant[] now = {Instant.parse("2026-03-02T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        BoundedCache<String, Integer> cache = BoundedCache.bySizeAndIdle(10, Duration.ofMinutes(2), clock);
        cache.put("kept", 1);
        cache.put("idle", 2);
        now[0] = now[0].plusSeconds(90);
        assertEquals(Optional.of(1), cache.get("kept"));
        now[0] = now[0].plusSeconds(60); // "idle" unused for 150 s, "kept" for 60 s
        assertEquals(Optional.empty(), cache.get("idle"));
        assertEquals(Optional.of(1), cache.get("kept"));
        assertEquals(1, cache.size());
    }

    @Test
    void aValueIsMadeOnceWhileHeldEvenUnderConcurrentUse() throws InterruptedException {
        BoundedCache<String, Integer> cache = BoundedCache.bySize(100);
        AtomicInteger made = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    cache.get("k" + (i % 50), k -> made.incrementAndGet());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(50, made.get(), "each key made once");
        assertTrue(cache.size() <= 100);
    }
}
