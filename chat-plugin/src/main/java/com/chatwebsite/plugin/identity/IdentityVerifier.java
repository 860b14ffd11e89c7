package com.chatwebsite.plugin.identity;

import com.chatwebsite.plugin.json.JsonMappers;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the signed identity a page passes when it opens a chat, against the website's
 * {@code identity} settings: either {@code {"jwt": "…"}} (HS256 only, {@code sub} and {@code exp}
 * required, optional {@code email} and {@code name}) or {@code {"userId", "userHash"}} with
 * {@code userHash} = hex HMAC-SHA256(secret, userId). The current secret and, while set, the
 * previous one are accepted. Signatures are compared in constant time. Thread-safe.
 */
public final class IdentityVerifier {

    /** How far past {@code exp} a JWT is still taken, for clocks that differ a little. */
    static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final int MAX_JWT = 8192;
    private static final int MAX_VALUE = 1000;
    private static final Set<String> KEYS = Set.of("jwt", "userId", "userHash", "email", "name");
    private static final ObjectMapper JSON = JsonMappers.plain()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Clock clock;

    public IdentityVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * The verified identity, if the page passed one.
     *
     * @param settings the website's {@code identity} settings group ({@code mode}, {@code secret},
     *     {@code previousSecret})
     * @param passed the request's {@code identity} value, or null when absent
     * @return the identity; empty when the mode is off, or optional and nothing was passed
     * @throws IdentityRefused when the website requires one and none was passed, or the one passed
     *     is malformed, badly signed or expired
     */
    public Optional<VisitorIdentity> verify(Map<String, Object> settings, Object passed) {
        IdentityMode mode = IdentityMode.of(settings.get("mode"));
        if (mode == IdentityMode.OFF) {
            return Optional.empty();
        }
        if (passed == null) {
            if (mode == IdentityMode.REQUIRED) {
                throw new IdentityRefused("required", "This website opens chats only for signed-in visitors.");
            }
            return Optional.empty();
        }
        List<byte[]> secrets = secrets(settings);
        if (!(passed instanceof Map<?, ?> m) || secrets.isEmpty() || !KEYS.containsAll(m.keySet())) {
            throw bad();
        }
        return Optional.of(m.get("jwt") != null ? jwt(m, secrets) : hmac(m, secrets));
    }

    private VisitorIdentity jwt(Map<?, ?> m, List<byte[]> secrets) {
        if (m.size() != 1 || !(m.get("jwt") instanceof String token) || token.length() > MAX_JWT) {
            throw bad();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw bad();
        }
        JsonNode header = decodeJson(parts[0]);
        if (!"HS256".equals(header.path("alg").textValue())) {
            throw bad(); // exactly HS256: never "none", never another algorithm
        }
        byte[] signature = decode(parts[2]);
        if (!signedByAny(secrets, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature)) {
            throw bad();
        }
        JsonNode claims = decodeJson(parts[1]);
        String sub = text(claims.get("sub")).orElseThrow(IdentityVerifier::bad);
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw bad();
        }
        if (clock.instant().getEpochSecond() > exp.asLong() + LEEWAY.toSeconds()) {
            throw new IdentityRefused("expired", "The signed identity has expired.");
        }
        return new VisitorIdentity(sub, text(claims.get("email")), text(claims.get("name")));
    }

    private static VisitorIdentity hmac(Map<?, ?> m, List<byte[]> secrets) {
        Optional<String> userId = text(m.get("userId"));
        if (userId.isEmpty() || !(m.get("userHash") instanceof String hash) || hash.length() != 64
                || !hash.matches("[0-9a-fA-F]{64}")) {
            throw bad();
        }
        if (!signedByAny(secrets, ((String) m.get("userId")).getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hash))) {
            throw bad();
        }
        for (String key : List.of("email", "name")) {
            if (m.get(key) != null && text(m.get(key)).isEmpty()) {
                throw bad();
            }
        }
        return new VisitorIdentity(userId.get(), text(m.get("email")), text(m.get("name")));
    }

    /** Checks every secret, so the time taken does not tell which one matched. */
    private static boolean signedByAny(List<byte[]> secrets, byte[] data, byte[] signature) {
        boolean ok = false;
        for (byte[] secret : secrets) {
            ok |= MessageDigest.isEqual(hmacSha256(secret, data), signature);
        }
        return ok;
    }

    /**
     * HMAC-SHA256.
     *
     * @param secret the key
     * @param data the data
     * @return the 32-byte MAC
     */
    static byte[] hmacSha256(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static List<byte[]> secrets(Map<String, Object> settings) {
        List<byte[]> out = new ArrayList<>();
        for (String key : List.of("secret", "previousSecret")) {
            if (settings.get(key) instanceof String s && !s.isBlank()) {
                out.add(s.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static JsonNode decodeJson(String part) {
        try {
            JsonNode node = JSON.readTree(decode(part));
            if (node == null || !node.isObject()) {
                throw bad();
            }
            return node;
        } catch (java.io.IOException e) {
            throw bad();
        }
    }

    private static byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    private static Optional<String> text(Object value) {
        String s = value instanceof JsonNode n ? n.textValue() : value instanceof String v ? v : null;
        return s == null || s.isBlank() || s.length() > MAX_VALUE ? Optional.empty() : Optional.of(s.strip());
    }

    private static IdentityRefused bad() {
        return new IdentityRefused("signature", "The signed identity is malformed or its signature does not match.");
    }
}
