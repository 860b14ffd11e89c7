package com.chatwebsite.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.MutableClock;
import com.chatwebsite.host.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong admin or agent tokens are limited per client address: after ten in a minute that address
 * gets 429 with Retry-After, even with a right token, until its minute is over.
 */
class TokenFailureLimitTest {

    @TempDir
    Path dir;

    private static Http.Reply get(Http http, String path, String token, String forwardedFor) {
        var b = http.builder(path, token);
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(b.GET());
    }

    @Test
    void tenWrongTokensBlockTheAddressUntilItsMinuteIsOver() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (HostStub host = TestHost.start(dir, clock)) {
            Http http = new Http(host.baseUrl());
            for (int i = 0; i < FailedTokenAttempts.LIMIT; i++) {
                assertEquals(403, http.get("/api/settings", "guess-" + i).status(), "attempt " + i);
                clock.advance(Duration.ofSeconds(1));
            }
            Http.Reply blocked = http.get("/api/settings", TestHost.ADMIN_TOKEN);
            assertEquals(429, blocked.status(), blocked.body());
            assertEquals("rate_limited", blocked.json().get("error").asText());
            long retryAfter = Long.parseLong(blocked.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(429, http.get("/api/agent/status", TestHost.AGENT_TOKEN).status(), "agent routes too");
            assertEquals(200, http.get("/health", null).status(), "public routes are not limited");

            clock.advance(Duration.ofSeconds(retryAfter - 1));
            assertEquals(429, http.get("/api/settings", TestHost.ADMIN_TOKEN).status(), "not over yet");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(200, http.get("/api/settings", TestHost.ADMIN_TOKEN).status(), "the minute is over");
        }
    }

    @Test
    void aMissingTokenIsNotCountedAsAWrongOne() {
        try (HostStub host = TestHost.start(dir)) {
            Http http = new Http(host.baseUrl());
            for (int i = 0; i < FailedTokenAttempts.LIMIT * 2; i++) {
                assertEquals(401, http.get("/api/settings", null).status());
            }
            assertEquals(200, http.get("/api/settings", TestHost.ADMIN_TOKEN).status());
        }
    }

    @Test
    void behindATrustedProxyTheLastForwardedAddressIsCounted() {
        HostConfig c = TestHost.config(dir, Optional.empty(), Optional.empty());
        HostConfig proxied = new HostConfig(c.port(), c.dataDir(), c.pluginsDir(), c.db(), c.smtp(), c.adminToken(),
                c.adminTokenGenerated(), c.agents(), c.agentsGenerated(), c.publicUrl(), c.demo(), c.nodeId(),
                c.dispositions(), Optional.of("X-Forwarded-For"));
        try (HostStub host = HostStub.start(proxied, java.time.Clock.systemUTC())) {
            Http http = new Http(host.baseUrl());
            for (int i = 0; i < FailedTokenAttempts.LIMIT; i++) {
                // a client forging earlier entries still counts as the address the proxy added
                assertEquals(403, get(http, "/api/settings", "guess-" + i, "10.0.0." + i + ", 203.0.113.9").status());
            }
            assertEquals(429, get(http, "/api/settings", TestHost.ADMIN_TOKEN, "203.0.113.9").status());
            assertEquals(200, get(http, "/api/settings", TestHost.ADMIN_TOKEN, "203.0.113.9, 198.51.100.7").status());
            assertEquals(200, get(http, "/api/settings", TestHost.ADMIN_TOKEN, null).status(), "the socket's address");
        }
    }

    @Test
    void theLeastRecentlySeenAddressIsForgottenBeyondTheBound() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        FailedTokenAttempts attempts = new FailedTokenAttempts(clock);
        for (int i = 0; i < FailedTokenAttempts.LIMIT; i++) {
            attempts.failed("198.51.100.1");
        }
        assertTrue(attempts.blocked("198.51.100.1").isPresent());
        for (int i = 0; i < FailedTokenAttempts.MAX_ADDRESSES; i++) {
            attempts.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertTrue(attempts.blocked("198.51.100.1").isEmpty(), "forgotten, so memory stays bounded");
        assertTrue(attempts.blocked("10.0.0.0").isEmpty(), "one failure does not block");
    }
}
