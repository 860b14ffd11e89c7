package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.plugin.limit.ClientAddress;
import com.chatwebsite.plugin.limit.RateLimiter;
import com.chatwebsite.plugin.limit.RateLimiter.Quota;
import com.chatwebsite.plugin.limit.RateLimiter.Scope;
import com.chatwebsite.plugin.website.AbuseLimits;
import com.chatwebsite.plugin.website.Website;
import java.util.List;
import java.util.Optional;

/**
 * Admits a widget request against its website's abuse limits before it creates anything, or
 * refuses it with {@code 429 rate_limited} and {@code Retry-After}. The client is the socket's peer
 * unless the website names a trusted proxy header. Buckets are the node's own (see
 * {@link RateLimiter}).
 */
final class AbuseGuard {

    private final RateLimiter limiter;

    AbuseGuard(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** What a widget request does, with its limits' names. */
    enum Action {
        OPEN_SESSION("sessions", "chats opened"),
        OFFLINE_MESSAGE("offline", "offline messages"),
        UPLOAD("uploads", "uploads"),
        CUSTOMER_MESSAGE("messages", "messages"),
        SIGNAL("signals", "typing and read signals"),
        TRANSCRIPT("transcripts", "transcript requests");

        private final String name;
        private final String what;

        Action(String name, String what) {
            this.name = name;
            this.what = what;
        }
    }

    /**
     * Admits a request that opens a chat, sends an offline message or uploads a file.
     *
     * @param r the request
     * @param w its website
     * @param action what it does (not {@link Action#CUSTOMER_MESSAGE})
     * @throws Problem 429 when over a limit
     */
    void admit(WebRequest r, Website w, Action action) {
        AbuseLimits limits = w.abuseLimits();
        String address = ClientAddress.bucketKey(client(r, limits));
        int perAddress;
        int perWebsite;
        switch (action) {
            case OPEN_SESSION -> {
                perAddress = limits.sessionsPerAddress();
                perWebsite = limits.sessionsPerWebsite();
            }
            case OFFLINE_MESSAGE -> {
                perAddress = limits.offlinePerAddress();
                perWebsite = limits.offlinePerWebsite();
            }
            case UPLOAD -> {
                perAddress = limits.uploadsPerAddress();
                perWebsite = limits.uploadsPerWebsite();
            }
            default -> throw new IllegalArgumentException(action.name());
        }
        check(action, List.of(
                new Quota(Scope.CLIENT, action.name + ".perAddress", w.id() + ' ' + address, perAddress),
                new Quota(Scope.WEBSITE, action.name + ".perWebsite", w.id(), perWebsite)));
    }

    /**
     * Admits a customer's message to a chat whose token was checked.
     *
     * @param r the request
     * @param w its website
     * @param sessionId the chat
     * @throws Problem 429 when over a limit
     */
    void admitMessage(WebRequest r, Website w, String sessionId) {
        AbuseLimits limits = w.abuseLimits();
        String address = ClientAddress.bucketKey(client(r, limits));
        check(Action.CUSTOMER_MESSAGE, List.of(
                new Quota(Scope.CLIENT, "messages.perSession", sessionId, limits.messagesPerSession()),
                new Quota(Scope.CLIENT, "messages.perAddress", w.id() + ' ' + address, limits.messagesPerAddress())));
    }

    /** Typing and read signals one client address may send a minute, over all its chats (per node). */
    static final int SIGNALS_PER_ADDRESS = 300;

    /**
     * Admits a customer's typing or read signal to a chat whose token was checked: at most
     * {@link #SIGNALS_PER_ADDRESS} a minute from one address. (Typing is also thinned to one a
     * second per chat, without an error, by the typing service.)
     *
     * @param r the request
     * @param w its website
     * @throws Problem 429 when over the limit
     */
    void admitSignal(WebRequest r, Website w) {
        String address = ClientAddress.bucketKey(client(r, w.abuseLimits()));
        check(Action.SIGNAL, List.of(
                new Quota(Scope.CLIENT, "signals.perAddress", w.id() + ' ' + address, SIGNALS_PER_ADDRESS)));
    }

    /**
     * Admits a customer's request for a closed chat's transcript (a mail): at most
     * {@link #TRANSCRIPTS_PER_SESSION} a minute per chat, and within the website's offline-message
     * limits per address and per website, counted in buckets of their own.
     *
     * @param r the request
     * @param w its website
     * @param sessionId the chat, whose token was checked
     * @throws Problem 429 when over a limit
     */
    void admitTranscript(WebRequest r, Website w, String sessionId) {
        AbuseLimits limits = w.abuseLimits();
        String address = ClientAddress.bucketKey(client(r, limits));
        check(Action.TRANSCRIPT, List.of(
                new Quota(Scope.CLIENT, "transcripts.perSession", sessionId, TRANSCRIPTS_PER_SESSION),
                new Quota(Scope.CLIENT, "transcripts.perAddress", w.id() + ' ' + address, limits.offlinePerAddress()),
                new Quota(Scope.WEBSITE, "transcripts.perWebsite", w.id(), limits.offlinePerWebsite())));
    }

    /** Transcript requests one chat may make a minute. */
    static final int TRANSCRIPTS_PER_SESSION = 3;

    /**
     * The client's address for a website's requests.
     *
     * @param r the request
     * @param limits the website's limits, with its trusted proxy header
     * @return the address
     */
    static String client(WebRequest r, AbuseLimits limits) {
        Optional<String> forwarded = limits.trustedProxyHeader().flatMap(r::header);
        return ClientAddress.resolve(r.remoteAddress(), forwarded);
    }

    private void check(Action action, List<Quota> quotas) {
        Optional<RateLimiter.Refusal> refused = limiter.acquire(quotas);
        if (refused.isPresent()) {
            long seconds = refused.get().retryAfterSeconds();
            String whose = refused.get().quota().scope() == Scope.WEBSITE ? "for this website"
                    : refused.get().quota().name().endsWith("perSession") ? "in this chat" : "from your address";
            throw Problem.rateLimited("Too many " + action.what + " " + whose + "; try again in " + seconds
                    + (seconds == 1 ? " second." : " seconds."), seconds);
        }
    }
}
