package com.chatwebsite.plugin.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityVerifierTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");
    static final Map<String, Object> REQUIRED = Map.of("mode", "required", "secret", SECRET);

    final IdentityVerifier verifier = new IdentityVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void expiryIsCheckedAgainstTheInjectedClockWithASmallLeeway() {
        long exp = NOW.getEpochSecond() - IdentityVerifier.LEEWAY.toSeconds();
        VisitorIdentity id = verifier.verify(REQUIRED, Map.of("jwt", jwt("{\"sub\":\"u1\",\"exp\":" + exp
                + ",\"email\":\"a@b.example\"}"))).orElseThrow();
        assertEquals("u1", id.userId());
        assertEquals(Optional.of("a@b.example"), id.email());
        IdentityRefused late = assertThrows(IdentityRefused.class, () -> verifier.verify(REQUIRED,
                Map.of("jwt", jwt("{\"sub\":\"u1\",\"exp\":" + (exp - 1) + "}"))));
        assertEquals("expired", late.rule());
    }

    @Test
    void offIgnoresAndOptionalAcceptsNothing() {
        assertTrue(verifier.verify(Map.of("mode", "off"), "anything").isEmpty());
        assertTrue(verifier.verify(Map.of("mode", "optional", "secret", SECRET), null).isEmpty());
        assertEquals("required", assertThrows(IdentityRefused.class, () -> verifier.verify(REQUIRED, null)).rule());
        assertEquals("signature", assertThrows(IdentityRefused.class, () -> verifier.verify(REQUIRED, "jwt")).rule());
        assertEquals("signature", assertThrows(IdentityRefused.class, () -> verifier.verify(
                Map.of("mode", "required"), Map.of("jwt", jwt("{\"sub\":\"u1\",\"exp\":9999999999}")))).rule(),
                "no secret configured: nothing verifies");
    }

    static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + b64.encodeToString(IdentityVerifier.hmacSha256(SECRET.getBytes(StandardCharsets.UTF_8),
                signed.getBytes(StandardCharsets.US_ASCII)));
    }
}
