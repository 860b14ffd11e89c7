package com.chatwebsite.plugin.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-ChatWebsite-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC's key is the endpoint's secret (its UTF-8 bytes, as shown to the admin) and its message is
 * {@code t + "." + the raw body bytes}. A receiver recomputes it over the bytes it received, compares in
 * constant time, and refuses a {@code t} too far from its clock (replays).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-ChatWebsite-Signature";
    public static final String EVENT_HEADER = "X-ChatWebsite-Event";
    public static final String DELIVERY_HEADER = "X-ChatWebsite-Delivery";

    private WebhookSignature() {
    }

    /**
     * The header's value.
     *
     * @param secret the endpoint's secret
     * @param unixSeconds the signing time
     * @param body the exact body bytes sent
     * @return {@code t=…,v1=…}
     */
    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    /**
     * Checks a header against a body, in constant time over the signature.
     *
     * @param secret the endpoint's secret
     * @param header the received header
     * @param body the received body bytes
     * @return the header's {@code t} if the signature matches, else -1
     */
    public static long verify(String secret, String header, byte[] body) {
        long t = -1;
        byte[] given = null;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            try {
                if (k.equals("t")) {
                    t = Long.parseLong(v);
                } else if (k.equals("v1")) {
                    given = HexFormat.of().parseHex(v);
                }
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }
        if (t < 0 || given == null) {
            return -1;
        }
        return MessageDigest.isEqual(hmac(secret, t, body), given) ? t : -1;
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
