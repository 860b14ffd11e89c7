package com.chatwebsite.host.web;

import com.chatwebsite.api.web.Caller;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.host.routing.Agent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks bearer tokens in constant time: the admin's and the agents'. An address that sent too
 * many wrong tokens is refused for a while, whatever token it sends.
 */
public final class Authenticator {

    private final byte[] adminDigest;
    private final List<Agent> agents;
    private final List<byte[]> agentDigests;
    private final FailedTokenAttempts failures;

    public Authenticator(String adminToken, List<Agent> agents) {
        this(adminToken, agents, Clock.systemUTC());
    }

    /**
     * The authenticator.
     *
     * @param clock the time that failed attempts are counted in
     */
    public Authenticator(String adminToken, List<Agent> agents, Clock clock) {
        this.adminDigest = digest(adminToken);
        this.agents = List.copyOf(agents);
        this.agentDigests = agents.stream().map(a -> digest(a.token())).toList();
        this.failures = new FailedTokenAttempts(clock);
    }

    /**
     * Authenticates a request for a route.
     *
     * @param access what the route needs
     * @param authorization the {@code Authorization} header
     * @param clientAddress where the request comes from, to count wrong tokens by
     * @return the caller, or empty on a public route
     * @throws HttpError 401 without a bearer token, 403 with one that does not grant the access,
     *     429 while the address is refused for too many wrong tokens
     */
    public Optional<Caller> authenticate(RouteAccess access, Optional<String> authorization, String clientAddress) {
        if (access == RouteAccess.PUBLIC) {
            return Optional.empty();
        }
        Optional<Duration> wait = failures.blocked(clientAddress);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new HttpError(429, "rate_limited", "Too many wrong tokens from this address; retry in " + seconds
                    + " seconds.").withHeader("Retry-After", Long.toString(seconds));
        }
        String token = authorization
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty())
                .orElseThrow(() -> new HttpError(401, "unauthorized",
                        "This route needs Authorization: Bearer <" + access.name().toLowerCase() + " token>."));
        byte[] given = digest(token);
        if (access == RouteAccess.ADMIN) {
            if (MessageDigest.isEqual(adminDigest, given)) {
                return Optional.of(new Caller(RouteAccess.ADMIN, "admin"));
            }
        } else {
            Agent found = null;
            for (int i = 0; i < agents.size(); i++) {
                if (MessageDigest.isEqual(agentDigests.get(i), given)) {
                    found = agents.get(i);
                }
            }
            if (found != null) {
                return Optional.of(new Caller(RouteAccess.AGENT, found.name()));
            }
        }
        failures.failed(clientAddress);
        throw new HttpError(403, "forbidden", "The token does not grant " + access.name().toLowerCase() + " access.");
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
