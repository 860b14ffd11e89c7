package com.chatwebsite.plugin.session;

import com.google.common.hash.Hashing;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** Customer session tokens: 256 random bits; only their SHA-256 is stored; compared in constant time. */
public final class SessionTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Hashing.sha256().hashString(token, StandardCharsets.UTF_8).toString();
    }

    /**
     * Whether a presented token is the one whose hash is stored.
     *
     * @param presented the token the client sent
     * @param storedHash the stored hash
     * @return true if they match, compared in constant time
     */
    public static boolean matches(String presented, String storedHash) {
        byte[] a = hash(presented).getBytes(StandardCharsets.US_ASCII);
        byte[] b = storedHash.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(a, b);
    }
}
