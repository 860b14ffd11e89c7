package com.chatwebsite.bench;

import com.chatwebsite.bench.Load.Chat;
import com.chatwebsite.bench.Load.Side;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Setting up the two targets over their public HTTP APIs. */
final class Targets {

    static final String ORIGIN = "http://bench.local";

    private Targets() {
    }

    /** An agent of {@code HOST_AGENTS}. */
    record Agent(String name, String token) {
    }

    /** The host-stub with the plugin. */
    static final class Host implements Load.Target {
        final Child child;
        final URI base;
        final String adminToken;
        final List<Agent> agents;
        final List<Chat> chats = new ArrayList<>();
        String websiteKey;

        Host(Child child, URI base, String adminToken, List<Agent> agents) {
            this.child = child;
            this.base = base;
            this.adminToken = adminToken;
            this.agents = agents;
        }

        @Override
        public String name() {
            return "ours";
        }

        @Override
        public Child process() {
            return child;
        }

        @Override
        public List<Chat> chats() {
            return chats;
        }

        @Override
        public InetSocketAddress address() {
            return Http.address(base);
        }

        URI plugin(String path) {
            return base.resolve("/plugins/chat-website" + path);
        }

        String[] admin() {
            return new String[] {"Authorization", "Bearer " + adminToken};
        }

        /** Global settings and one website whose chats neither time out nor become Unmanaged. */
        void createWebsite(Http http, String name, int maxSessions) throws IOException, InterruptedException {
            http.call("PUT", base.resolve("/api/settings"), "{\"chatTimeoutSeconds\":86400}", 200, admin());
            String body = "{\"name\":\"" + name + "\",\"origins\":[\"" + ORIGIN + "\"],\"maxConcurrentSessions\":"
                    + maxSessions + ",\"unmanagedAfterSeconds\":86400,\"messages\":{\"waitingAfterSeconds\":86400}}";
            JsonNode w = http.call("POST", plugin("/api/websites"), body, 201, admin());
            websiteKey = w.get("key").asText();
        }

        void available(Http http, Agent a) throws IOException, InterruptedException {
            http.call("PUT", base.resolve("/api/agent/status"), "{\"available\":true}", 200,
                    "Authorization", "Bearer " + a.token());
        }

        /** A customer opens a chat; answers {sessionId, token}. */
        String[] openSession(Http http, int n) throws IOException, InterruptedException {
            String body = "{\"fields\":{\"name\":\"Bench " + n + "\",\"email\":\"bench" + n + "@example.com\"},"
                    + "\"page\":\"" + ORIGIN + "/page\"}";
            JsonNode s = http.call("POST", plugin("/widget/" + websiteKey + "/sessions"), body, 201, "Origin", ORIGIN);
            if (!s.hasNonNull("sessionId") || !"waiting".equals(s.path("state").asText())) {
                throw new IOException("the session did not open as waiting: " + s);
            }
            return new String[] {s.get("sessionId").asText(), s.get("token").asText()};
        }

        CompletableFuture<Integer> customerStream(Http http, String sessionId, String token, Http.LineListener l,
                Http.StreamCounts counts) {
            return http.openStream(plugin("/widget/" + websiteKey + "/sessions/" + sessionId + "/events?token=" + token),
                    l, counts, "Origin", ORIGIN);
        }

        /**
         * Load set-up: all agents available with their streams open, then n chats, each opened by a
         * customer with its stream open and accepted by agent {@code i % agents}.
         */
        void setUpChats(Http http, int n, Load.Receiver receiver, Http.StreamCounts counts) throws Exception {
            createWebsite(http, "bench", 20_000);
            for (Agent a : agents) {
                available(http, a);
                int status = http.openStream(base.resolve("/api/agent/events"), receiver.listener(Side.AGENT), counts,
                        "Authorization", "Bearer " + a.token()).get(30, TimeUnit.SECONDS);
                if (status != 200) {
                    throw new IOException("the agent stream of " + a.name() + " answered " + status);
                }
            }
            List<Chat> made = parallel(n, 16, i -> {
                String[] s = openSession(http, i);
                int status = customerStream(http, s[0], s[1], receiver.listener(Side.CUSTOMER), counts)
                        .get(30, TimeUnit.SECONDS);
                if (status != 200) {
                    throw new IOException("the customer stream answered " + status);
                }
                Agent a = agents.get(i % agents.size());
                http.call("POST", base.resolve("/api/agent/interactions/" + s[0] + "/accept"), null, 200,
                        "Authorization", "Bearer " + a.token());
                return new Chat("/plugins/chat-website/widget/" + websiteKey + "/sessions/" + s[0] + "/messages",
                        new String[] {"Origin", ORIGIN, "Authorization", "Bearer " + s[1]},
                        "/api/agent/interactions/" + s[0] + "/messages",
                        new String[] {"Authorization", "Bearer " + a.token()});
            });
            chats.addAll(made);
        }
    }

    /** The bare Jetty relay. */
    static final class Baseline implements Load.Target {
        final Child child;
        final URI base;
        final List<Chat> chats = new ArrayList<>();

        Baseline(Child child, URI base) {
            this.child = child;
            this.base = base;
        }

        @Override
        public String name() {
            return "baseline";
        }

        @Override
        public Child process() {
            return child;
        }

        @Override
        public List<Chat> chats() {
            return chats;
        }

        @Override
        public InetSocketAddress address() {
            return Http.address(base);
        }

        void setUpChats(Http http, int n, Load.Receiver receiver, Http.StreamCounts counts) throws Exception {
            chats.addAll(parallel(n, 16, i -> {
                String chat = "c" + i;
                for (String side : List.of("a", "b")) {
                    int status = http.openStream(base.resolve("/" + side + "/" + chat + "/events"),
                            receiver.listener(side.equals("a") ? Side.CUSTOMER : Side.AGENT), counts)
                            .get(30, TimeUnit.SECONDS);
                    if (status != 200) {
                        throw new IOException("the baseline stream answered " + status);
                    }
                }
                return new Chat("/a/" + chat + "/messages", new String[0], "/b/" + chat + "/messages", new String[0]);
            }));
        }
    }

    /** A step that may fail. */
    interface Step<T> {
        T run(int i) throws Exception;
    }

    /** Runs n steps on a small pool, in order of i in the result; the first failure fails all. */
    static <T> List<T> parallel(int n, int threads, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> step.run(k)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get(120, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs n steps on a small pool and counts failures instead of stopping; answers the failures' samples. */
    static List<String> tolerant(int n, int threads, Step<?> step, AtomicInteger ok, long deadlineNanos)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                pool.submit(() -> {
                    if (System.nanoTime() > deadlineNanos) {
                        failed.incrementAndGet();
                        return;
                    }
                    try {
                        step.run(k);
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 5) {
                            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(Math.max(1, deadlineNanos - System.nanoTime()) + TimeUnit.SECONDS.toNanos(60),
                    TimeUnit.NANOSECONDS)) {
                failures.add("timed out");
            }
        } finally {
            pool.shutdownNow();
        }
        if (failed.get() > 0) {
            failures.add(0, failed.get() + " failed");
        }
        return failures;
    }

    static void await(CompletableFuture<Integer> f, long seconds) throws IOException, InterruptedException {
        try {
            int status = f.get(seconds, TimeUnit.SECONDS);
            if (status != 200) {
                throw new IOException("the stream answered " + status);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the stream did not open: " + e, e);
        }
    }
}
