package com.chatwebsite.plugin.transcript;

import java.time.Instant;

/**
 * A chat transcript to e-mail, and how its delivery stands.
 *
 * @param id the id, also the mail's Message-ID part
 * @param sessionId the closed chat
 * @param email where it goes
 * @param origin {@code customer} (asked in the widget) or {@code auto} (the website's setting)
 * @param state {@code pending} or {@code done}
 * @param attempts failed attempts so far
 * @param createdAt when it was asked for
 */
public record TranscriptRecord(String id, String sessionId, String email, String origin, String state, int attempts,
        Instant createdAt) {

    public static final String CUSTOMER = "customer";
    public static final String AUTO = "auto";
}
