package com.chatwebsite.plugin.session;

import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.plugin.website.Website;
import com.chatwebsite.plugin.website.WebsiteService;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes sessions nobody handles, by the injected clock: a waiting session no agent accepted within
 * the website's {@code unmanagedAfterSeconds} as {@code Unmanaged}, and a session with no message
 * either way for the host's {@code chatTimeoutSeconds} as {@code Timeout}.
 */
public final class SessionSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);

    private final SessionService sessions;
    private final SessionLookup lookup;
    private final WebsiteService websites;
    private final HostServices host;

    public SessionSweeper(SessionService sessions, SessionLookup lookup, WebsiteService websites, HostServices host) {
        this.sessions = sessions;
        this.lookup = lookup;
        this.websites = websites;
        this.host = host;
    }

    /**
     * One pass over the open sessions.
     *
     * @return how many it closed
     */
    public int sweep() {
        return sweep(() -> false);
    }

    /**
     * One pass over the open sessions, ending early (between two sessions, never inside one's
     * transaction) once {@code stopRequested} says so. The next pass goes on where this one stopped:
     * what this one did is no longer due.
     *
     * @param stopRequested asked before each session (the plugin stopping, or the pass's time used up)
     * @return how many it closed
     */
    public int sweep(BooleanSupplier stopRequested) {
        Instant now = host.clock().instant();
        Duration timeout = Duration.ofSeconds(host.settings().chatTimeoutSeconds());
        int closed = 0;
        List<ChatSession> open = lookup.openSessions();
        Map<String, Optional<Website>> byId = new HashMap<>(); // one lookup per website per pass
        for (ChatSession s : open) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            Optional<Website> website = byId.computeIfAbsent(s.websiteId(), websites::byId);
            if (website.isEmpty()) {
                continue;
            }
            Website w = website.get();
            try {
                if (s.state() == SessionState.WAITING
                        && !now.isBefore(s.createdAt().plusSeconds(w.unmanagedAfterSeconds()))) {
                    host.router().withdraw(s.id());
                    sessions.closeQuietly(s.id(), Dispositions.UNMANAGED, w.text("messages.unmanaged"));
                    closed++;
                } else if (s.state() == SessionState.WAITING && !s.waitingNotified() && waitingDue(w, s, now)) {
                    sessions.waitingNotice(s.id(), w.text("messages.waiting"));
                } else if (!now.isBefore(s.lastActivityAt().plus(timeout))) {
                    sessions.closeQuietly(s.id(), Dispositions.TIMEOUT, "This chat was closed after "
                            + describe(timeout) + " without messages.");
                    closed++;
                }
            } catch (RuntimeException e) {
                LOG.warn("sweeping session {} failed", s.id(), e);
            }
        }
        return closed;
    }

    private static boolean waitingDue(Website w, ChatSession s, Instant now) {
        Object after = w.group("messages").get("waitingAfterSeconds");
        return !w.text("messages.waiting").isBlank() && after instanceof Number n
                && !now.isBefore(s.createdAt().plusSeconds(n.longValue()));
    }

    private static String describe(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 1 && d.toSecondsPart() == 0
                ? minutes + (minutes == 1 ? " minute" : " minutes") : d.toSeconds() + " seconds";
    }
}
