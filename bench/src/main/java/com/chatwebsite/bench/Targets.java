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
import java.util.function.DoubleSupplier;

/** Setting up the two targets over their public HTTP APIs. */
final class Targets {

    static final String ORIGIN = "http://bench.local";

    private Targets() {
    }

    /** An agent of {@code HOST_AGENTS}. */
    record Agent(String name, String token) {
    }

    /** A host-stub process and where it listens. */
    record Node(Child child, URI base) {
    }

    /**
     * The host-stub with the plugin: one node, or several sharing one PostgreSQL database. Set-up and
     * admin calls go to the first node unless a node is named.
     */
    static final class Host implements Load.Target {
        final String name;
        final List<Node> nodes;
        final Child child;
        final URI base;
        final String adminToken;
        final List<Agent> agents;
        final List<Chat> chats = new ArrayList<>();
        final DoubleSupplier databaseCpu;
        String websiteKey;

        /**
         * @param databaseCpu the CPU seconds of the PostgreSQL server the bench started, or null
         */
        Host(String name, List<Node> nodes, String adminToken, List<Agent> agents, DoubleSupplier databaseCpu) {
            this.name = name;
            this.nodes = List.copyOf(nodes);
            this.child = nodes.get(0).child();
            this.base = nodes.get(0).base();
            this.adminToken = adminToken;
            this.agents = agents;
            this.databaseCpu = databaseCpu;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Child> processes() {
            return nodes.stream().map(Node::child).toList();
        }

        @Override
        public List<Chat> chats() {
            return chats;
        }

        @Override
        public List<InetSocketAddress> addresses() {
            return nodes.stream().map(n -> Http.address(n.base())).toList();
        }

        @Override
        public double databaseCpuSeconds() {
            return databaseCpu == null ? -1 : databaseCpu.getAsDouble();
        }

        /** The node agent {@code a} (an index of {@link #agents}) works on. */
        int agentNode(int a) {
            return a % nodes.size();
        }

        /** The node of a customer whose agent works on {@code agentNode}: another one when there are two or more. */
        int customerNode(int agentNode) {
            return (agentNode + 1) % nodes.size();
        }

        URI plugin(String path) {
            return plugin(0, path);
        }

        URI plugin(int node, String path) {
            return nodes.get(node).base().resolve("/plugins/chat-website" + path);
        }

        String[] admin() {
            return new String[] {"Authorization", "Bearer " + adminToken};
        }

        /** The load comes from one address: abuse limits at their highest. */
        private static final String UNLIMITED = "\"limits\":{\"sessions\":{\"perAddress\":1000000,\"perWebsite\":1000000},"
                + "\"offline\":{\"perAddress\":1000000,\"perWebsite\":1000000},"
                + "\"uploads\":{\"perAddress\":1000000,\"perWebsite\":1000000},"
                + "\"messages\":{\"perSession\":1000000,\"perAddress\":1000000}}";

        /** Global settings and one website whose chats neither time out nor become Unmanaged. */
        void createWebsite(Http http, String name, int maxSessions) throws IOException, InterruptedException {
            http.call("PUT", base.resolve("/api/settings"), "{\"chatTimeoutSeconds\":86400}", 200, admin());
            String body = "{\"name\":\"" + name + "\",\"origins\":[\"" + ORIGIN + "\"],\"maxConcurrentSessions\":"
                    + maxSessions + ",\"unmanagedAfterSeconds\":86400,\"messages\":{\"waitingAfterSeconds\":86400},"
                    + UNLIMITED + "}";
            JsonNode w = http.call("POST", plugin("/api/websites"), body, 201, admin());
            websiteKey = w.get("key").asText();
        }

        void available(Http http, Agent a) throws IOException, InterruptedException {
            available(http, a, 0);
        }

        void available(Http http, Agent a, int node) throws IOException, InterruptedException {
            http.call("PUT", nodes.get(node).base().resolve("/api/agent/status"), "{\"available\":true}", 200,
                    "Authorization", "Bearer " + a.token());
        }

        /** A customer opens a chat; answers {sessionId, token}. */
        String[] openSession(Http http, int n) throws IOException, InterruptedException {
            return openSession(http, n, 0);
        }

        String[] openSession(Http http, int n, int node) throws IOException, InterruptedException {
            String body = "{\"fields\":{\"name\":\"Bench " + n + "\",\"email\":\"bench" + n + "@example.com\"},"
                    + "\"page\":\"" + ORIGIN + "/page\"}";
            JsonNode s = http.call("POST", plugin(node, "/widget/" + websiteKey + "/sessions"), body, 201, "Origin",
                    ORIGIN);
            if (!s.hasNonNull("sessionId") || !"waiting".equals(s.path("state").asText())) {
                throw new IOException("the session did not open as waiting: " + s);
            }
            return new String[] {s.get("sessionId").asText(), s.get("token").asText()};
        }

        CompletableFuture<Integer> customerStream(Http http, String sessionId, String token, Http.LineListener l,
                Http.StreamCounts counts) {
            return customerStream(http, sessionId, token, l, counts, 0);
        }

        CompletableFuture<Integer> customerStream(Http http, String sessionId, String token, Http.LineListener l,
                Http.StreamCounts counts, int node) {
            return http.openStream(plugin(node, "/widget/" + websiteKey + "/sessions/" + sessionId + "/events?token=" + token),
                    l, counts, "Origin", ORIGIN);
        }

        /**
         * Load set-up: all agents available with their streams open (agent {@code a} on node
         * {@link #agentNode}), then n chats, each opened by a customer with its stream open and
         * accepted by agent {@code i % agents}. With two or more nodes the customer's session, stream
         * and posts are on another node than its agent's stream and posts, so every message crosses
         * nodes.
         */
        void setUpChats(Http http, int n, Load.Receiver receiver, Http.StreamCounts counts) throws Exception {
            createWebsite(http, "bench", 20_000);
            for (int j = 0; j < agents.size(); j++) {
                Agent a = agents.get(j);
                int node = agentNode(j);
                available(http, a, node);
                int status = http.openStream(nodes.get(node).base().resolve("/api/agent/events"),
                        receiver.listener(Side.AGENT), counts, "Authorization", "Bearer " + a.token())
                        .get(30, TimeUnit.SECONDS);
                if (status != 200) {
                    throw new IOException("the agent stream of " + a.name() + " answered " + status);
                }
            }
            List<Chat> made = parallel(n, 16, i -> {
                int agent = i % agents.size();
                int agentNode = agentNode(agent);
                int customerNode = customerNode(agentNode);
                String[] s = openSession(http, i, customerNode);
                int status = customerStream(http, s[0], s[1], receiver.listener(Side.CUSTOMER), counts, customerNode)
                        .get(30, TimeUnit.SECONDS);
                if (status != 200) {
                    throw new IOException("the customer stream answered " + status);
                }
                Agent a = agents.get(agent);
                http.call("POST", nodes.get(agentNode).base().resolve("/api/agent/interactions/" + s[0] + "/accept"),
                        null, 200, "Authorization", "Bearer " + a.token());
                return new Chat(customerNode,
                        "/plugins/chat-website/widget/" + websiteKey + "/sessions/" + s[0] + "/messages",
                        new String[] {"Origin", ORIGIN, "Authorization", "Bearer " + s[1]}, agentNode,
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
        public List<Child> processes() {
            return List.of(child);
        }

        @Override
        public List<Chat> chats() {
            return chats;
        }

        @Override
        public List<InetSocketAddress> addresses() {
            return List.of(Http.address(base));
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
                return new Chat(0, "/a/" + chat + "/messages", new String[0], 0, "/b/" + chat + "/messages",
                        new String[0]);
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
