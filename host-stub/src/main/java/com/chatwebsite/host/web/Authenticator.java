package com.chatwebsite.host.web;

import com.chatwebsite.api.web.Caller;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.host.routing.Agent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/** Checks bearer tokens in constant time: the admin's and the agents'. */
public final class Authenticator {

    private final byte[] adminDigest;
    private final List<Agent> agents;
    private final List<byte[]> agentDigests;

    public Authenticator(String adminToken, List<Agent> agents) {
        this.adminDigest = digest(adminToken);
        this.agents = List.copyOf(agents);
        this.agentDigests = agents.stream().map(a -> digest(a.token())).toList();
    }

    /**
     * Authenticates a request for a route.
     *
     * @param access what the route needs
     * @param authorization the {@code Authorization} header
     * @return the caller, or empty on a public route
     * @throws HttpError 401 without a bearer token, 403 with one that does not grant the access
     */
    public Optional<Caller> authenticate(RouteAccess access, Optional<String> authorization) {
        if (access == RouteAccess.PUBLIC) {
            return Optional.empty();
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
