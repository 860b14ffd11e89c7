package com.chatwebsite.plugin.website;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a website's chat can open now, and if not, why.
 *
 * @param online true if a session may open
 * @param reason {@code outside-working-hours} or {@code max-sessions} when offline
 * @param nextChangeAt when the working hours next switch, if within two weeks
 */
public record OnlineStatus(boolean online, Optional<String> reason, Optional<Instant> nextChangeAt) {

    public static final String OUTSIDE_WORKING_HOURS = "outside-working-hours";
    public static final String MAX_SESSIONS = "max-sessions";

    /**
     * Computes the status.
     *
     * @param website the website
     * @param openSessions its waiting and active sessions
     * @param now the time
     * @return the status
     */
    public static OnlineStatus of(Website website, int openSessions, Instant now) {
        Optional<Instant> next = website.schedule().nextChange(now);
        if (!website.schedule().isOpen(now)) {
            return new OnlineStatus(false, Optional.of(OUTSIDE_WORKING_HOURS), next);
        }
        if (openSessions >= website.maxConcurrentSessions()) {
            return new OnlineStatus(false, Optional.of(MAX_SESSIONS), next);
        }
        return new OnlineStatus(true, Optional.empty(), next);
    }
}
