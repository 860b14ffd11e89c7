package com.chatwebsite.host.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.PostgresSupport;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.durability.ChildHost.AgentAccount;
import com.chatwebsite.host.durability.ContractClient.Call;
import com.chatwebsite.host.durability.ContractClient.Outcome;
import com.chatwebsite.host.durability.ContractClient.Session;
import com.chatwebsite.host.durability.MessageLedger.Sent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two host-stub processes on one PostgreSQL ({@code HOST_DB_URL}, different {@code HOST_NODE_ID})
 * form one cluster: any request may reach any node, streams get events written on the other node,
 * the session cap is exact across nodes, and killing a node mid-load loses nothing acknowledged,
 * duplicates nothing, and mails each offline form once.
 */
class TwoNodeClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String FORWARD_TO = "support@shop.example.com";
    private static final AgentAccount ALICE = ChildHost.AGENTS.get(0);
    private static final AgentAccount BOB = ChildHost.AGENTS.get(1);

    static EmbeddedPostgres pg;
    static GreenMail smtp;
    static int smtpPort;

    @TempDir
    Path dir;
    ChildHost nodeA;
    ChildHost nodeB;
    ContractClient api;
    String database;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startDatabaseAndMail() throws IOException {
        pg = PostgresSupport.start();
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopDatabaseAndMail() throws IOException {
        if (smtp != null) {
            smtp.stop();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void startCluster() throws Exception {
        database = "cluster" + DATABASES.incrementAndGet();
        String url = PostgresSupport.createDatabase(pg, database);
        Map<String, String> env = Map.of(
                "HOST_DB_URL", url, "HOST_DB_USER", "postgres",
                "HOST_DB_PASSWORD", "",
                "HOST_SMTP_HOST", "127.0.0.1", "HOST_SMTP_PORT", Integer.toString(smtpPort),
                "HOST_SMTP_FROM", "chat@host.example");
        nodeA = ChildHost.start(new ChildHost.Setup("cluster-" + database + "-node-a", dir.resolve("a"), env));
        nodeB = ChildHost.start(new ChildHost.Setup("cluster-" + database + "-node-b", dir.resolve("b"), env));
        api = ContractClient.of(nodeA, nodeB);
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stopCluster() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private static final int A = 0;
    private static final int B = 1;

    private ChatApi.Site website(int cap, boolean forward) {
        ObjectNode json = ChatApi.website("Cluster " + run);
        json.put("maxConcurrentSessions", cap);
        if (forward) {
            json.set("offline", ChatApi.json("{\"forwardTo\":\"" + FORWARD_TO + "\"}"));
        }
        return api.createWebsite(json);
    }

    private Session open(int node, ChatApi.Site site, String who) {
        Outcome o = api.openOnce(node, site.key(), ContractClient.customerFields(who, who + "-" + run + "@example.com"));
        if (o.status() != 201) {
            throw new AssertionError("open a session for " + who + " on node " + node + ": " + o);
        }
        return new Session(site.key(), o.json().get("sessionId").asText(), o.json().get("token").asText());
    }

    /**
     * The agent accepts on the given node, polling while the offer reaches it (at most until the
     * deadline, but at least once); the last answer on failure.
     */
    private Outcome accept(int node, AgentAccount agent, Session s, long deadlineNanos) {
        return ContractClient.poll(() -> api.accept(node, agent, s.id()), 200, deadlineNanos);
    }

    private static long inFiveSeconds() {
        return System.nanoTime() + Duration.ofSeconds(5).toNanos();
    }

    @Test
    void aStreamOnOneNodeGetsMessagesPostedOnTheOther() {
        ChatApi.Site site = website(100, false);
        api.setAvailable(A, ALICE);
        SseClient aliceOnA = api.agentStream(A, ALICE, null);
        StreamTap aliceTap = new StreamTap("alice's agent stream on node A");
        aliceTap.attach(aliceOnA);
        Findings findings = new Findings("two nodes: cross-node delivery");
        String agentToCustomer = "agent on node B → customer stream on node A";
        String agentToCustomerBack = "agent on node A → customer stream on node B";
        String customerToAgent = "customer on node B → agent stream on node A";
        try {
            Session first = open(A, site, "ada");
            StreamTap customerOnA = new StreamTap("ada's customer stream on node A");
            customerOnA.attach(api.customerStream(A, first, null));
            deliver(findings, agentToCustomer, first, B, customerOnA, null);

            Session second = open(B, site, "grace");
            StreamTap customerOnB = new StreamTap("grace's customer stream on node B");
            customerOnB.attach(api.customerStream(B, second, null));
            deliver(findings, agentToCustomerBack, second, A, customerOnB, null);
            deliver(findings, customerToAgent, second, B, null, aliceTap);
            customerOnA.close();
            customerOnB.close();
        } finally {
            aliceTap.close();
        }
        findings.assertAllHeld();
    }

    /**
     * Alice accepts the session and a message is posted on {@code postNode}, by the agent when a
     * customer stream is to receive it, by the customer when alice's stream is.
     */
    private void deliver(Findings findings, String promise, Session s, int postNode, StreamTap customer,
            StreamTap agent) {
        findings.promise(promise);
        if (customer != null) {
            Outcome accepted = accept(postNode, ALICE, s, inFiveSeconds());
            if (accepted.status() != 200) {
                findings.broken(promise, "alice could not accept session " + s.id() + " on node " + postNode + ": "
                        + accepted);
                return;
            }
        }
        String id = run + "-" + promise.hashCode();
        Call call = customer != null ? Call.agentMessage(ALICE.token(), s.id(), "hello " + id, id)
                : Call.customerMessage(s, "hello " + id, id);
        Outcome posted = api.once(postNode, call);
        if (posted.status() != 201) {
            findings.broken(promise, "posting on node " + postNode + " answered " + posted);
            return;
        }
        long seq = posted.json().get("seq").asLong();
        StreamTap tap = customer != null ? customer : agent;
        boolean arrived = tap.awaitEvent(WAIT, e -> e.event().equals("message")
                && id.equals(ChatApi.json(e.data()).path("clientMessageId").asText(null))
                && ChatApi.json(e.data()).path("seq").asLong() == seq);
        if (!arrived) {
            findings.broken(promise, tap.name() + " did not get message seq " + seq + " of session " + s.id()
                    + " within " + WAIT + " (it got " + StreamCheck.messages(tap.events(), null).size()
                    + " message events)");
        }
    }

    @Test
    void aHundredParallelOpensOverTwoNodesAgainstACapOfTenGiveExactlyTenSessions() throws Exception {
        ChatApi.Site site = website(10, false);
        // Availability set on both nodes, so that this test is about the cap alone.
        for (int node : new int[] {A, B}) {
            api.setAvailable(node, ALICE);
            api.setAvailable(node, BOB);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.openOnce(n % 2, site.key(), ContractClient.customerFields("P" + n,
                            "p" + n + "-" + run + "@example.com"));
                }));
            }
            go.countDown();
            Map<String, Integer> byAnswer = new LinkedHashMap<>();
            for (Future<Outcome> f : answers) {
                Outcome o = f.get(60, TimeUnit.SECONDS);
                String kind = o.status() == 201 ? "201 session"
                        : o.status() == 200 ? "200 " + o.json().path("state").asText() + "/"
                                + o.json().path("reason").asText() : o.toString();
                byAnswer.merge(kind, 1, Integer::sum);
            }
            int open = api.supervisor(site, "waiting").size() + api.supervisor(site, "active").size();
            assertEquals(10, byAnswer.getOrDefault("201 session", 0),
                    "sessions opened of 100 parallel opens over two nodes with a cap of 10; answers: " + byAnswer);
            assertEquals(Map.of("201 session", 10, "200 offline/max-sessions", 90), byAnswer,
                    "answers of 100 parallel opens");
            assertEquals(10, open, "waiting and active sessions in the supervisor's list");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void killingOneNodeUnderLoadLosesNothingDuplicatesNothingAndMailsEachFormOnce() {
        Findings findings = new Findings("two nodes: node A killed under load");
        String setupPromise = "every chat is offered and accepted on any node";
        String ackedOnce = "0 acknowledged messages lost (each exactly once, with its seq)";
        String noDuplicates = "0 duplicates";
        String mailedOnce = "every accepted offline form mailed exactly once";
        findings.promise(setupPromise);
        ChatApi.Site site = website(1000, true);
        api.setAvailable(api.next(), ALICE);
        api.setAvailable(api.next(), BOB);
        List<Session> chats = new ArrayList<>();
        Map<Session, AgentAccount> holder = new HashMap<>();
        long acceptDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int i = 0; i < 12; i++) {
            Session s = open(api.next(), site, "customer" + i);
            chats.add(s);
            AgentAccount agent = i % 2 == 0 ? ALICE : BOB;
            Outcome accepted = accept(api.next(), agent, s, acceptDeadline);
            if (accepted.status() == 200) {
                holder.put(s, agent);
            } else {
                findings.broken(setupPromise, agent.name() + " could not accept chat " + i + " (session " + s.id()
                        + "): " + accepted);
            }
        }
        MessageLedger ledger = new MessageLedger();
        Map<String, String> ackedForms = new ConcurrentHashMap<>();
        Map<String, Outcome> unackedForms = new ConcurrentHashMap<>();
        SteadyLoad messages = SteadyLoad.start("cluster-messages", 4, 40, (t, n) -> {
            Session s = chats.get((int) ((t + 4 * (n / 2)) % chats.size()));
            AgentAccount agent = holder.get(s);
            boolean fromAgent = n % 2 == 1 && agent != null;
            String id = run + "-t" + t + "-" + n;
            Sent sent = new Sent("chat " + chats.indexOf(s) + " (session " + s.id() + ")", s.id(),
                    fromAgent ? "agent" : "customer", id, "message " + id);
            Call call = fromAgent ? Call.agentMessage(agent.token(), s.id(), sent.text(), id)
                    : Call.customerMessage(s, sent.text(), id);
            List<Outcome> tried = api.withRetry(call, 10);
            Outcome last = tried.get(tried.size() - 1);
            if (last.status() == 201) {
                ledger.acked(sent, last.json().get("seq").asLong(), "load");
            } else {
                ledger.unacked(sent, last);
            }
        });
        SteadyLoad forms = SteadyLoad.start("cluster-forms", 1, 15, (t, n) -> {
            String token = "form-" + run + "-" + n;
            ObjectNode fields = ContractClient.customerFields("Form " + token, "f" + n + "-" + run + "@example.com");
            fields.put("message", token);
            Outcome o = null;
            // Without an idempotency key a form is sent again only when it never reached a node.
            for (int attempt = 0; attempt < 4; attempt++) {
                o = api.once(api.next(), Call.offline(site.key(), fields));
                if (!o.ioError() || !o.body().contains("ConnectException")) {
                    break;
                }
            }
            if (o.status() == 202) {
                ackedForms.put(token, o.json().get("interactionId").asText());
            } else {
                unackedForms.put(token, o);
            }
        });
        String movesOn = "clients move to node B: the load goes on after node A is killed";
        findings.promise(movesOn);
        int atKill;
        Map<String, String> inFlightAtKill = Map.of();
        long loadStart = System.nanoTime();
        try {
            if (!reached(WAIT, () -> ledger.ackCount() >= 300)) {
                findings.broken(movesOn, "only " + ledger.ackCount() + " messages acknowledged within " + WAIT
                        + " before the kill");
            }
            atKill = ledger.ackCount();
            findings.fact(atKill + " messages acknowledged in " + millisSince(loadStart) + " ms before node A was "
                    + "killed");
            nodeA.kill();
            long killedAt = System.nanoTime();
            inFlightAtKill = claimedDeliveries();
            if (!reached(WAIT, () -> ledger.ackCount() >= atKill + 300)) {
                findings.broken(movesOn, "only " + (ledger.ackCount() - atKill) + " more messages acknowledged within "
                        + WAIT + " after the kill; unacknowledged so far: " + ledger.unacked().size() + ", e.g. "
                        + Findings.firstFew(ledger.unacked().stream().map(u -> u.outcome().toString()).toList(), 3));
            }
            findings.fact((ledger.ackCount() - atKill) + " messages acknowledged in " + millisSince(killedAt)
                    + " ms after the kill");
        } finally {
            messages.stop();
            forms.stop();
        }
        findings.fact(ledger.ackCount() + " messages acknowledged in all, " + ledger.unacked().size()
                + " unacknowledged after retries: " + Findings.firstFew(ledger.unacked().stream()
                        .map(u -> u.outcome().toString()).toList(), 3));
        findings.fact(ackedForms.size() + " offline forms accepted, " + unackedForms.size() + " not");

        Map<String, List<JsonNode>> stored = new LinkedHashMap<>();
        for (Session s : chats) {
            stored.put(s.id(), api.messages(s));
        }
        ledger.checkAcknowledgedStoredOnce(stored, findings, ackedOnce);
        ledger.checkNoSeqSharedByTwoMessages(stored, findings, noDuplicates);
        MessageLedger.checkNoDuplicates(stored, findings, noDuplicates);
        checkMails(site, ackedForms, unackedForms, inFlightAtKill, findings, mailedOnce);
        findings.assertAllHeld();
    }

    private static boolean reached(Duration deadline, java.util.function.BooleanSupplier condition) {
        try {
            Poll.until(deadline, "condition", condition);
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /**
     * Checks the mails: every accepted form mailed, each form under one Message-ID, and a mail sent
     * twice only when node A held its delivery at the kill (the SMTP server may have accepted it just
     * before, with A killed before it marked the row done: the one at-least-once window, closed by the
     * receiver, which sees the same Message-ID).
     */
    private void checkMails(ChatApi.Site site, Map<String, String> ackedForms, Map<String, Outcome> unackedForms,
            Map<String, String> inFlightAtKill, Findings findings, String promise) {
        findings.promise(promise);
        boolean allArrived = true;
        try {
            Poll.until(Duration.ofSeconds(30), "a mail for every accepted form", () -> {
                Map<String, Integer> byToken = mailsByToken();
                return ackedForms.keySet().stream().allMatch(byToken::containsKey) && allDelivered(site);
            });
        } catch (AssertionError timedOut) {
            allArrived = false;
        }
        Map<String, Integer> byToken = mailsByToken();
        Map<String, Integer> byMessageId = new HashMap<>();
        Map<String, Set<String>> idsByToken = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                String id = String.valueOf(m.getMessageID());
                byMessageId.merge(id, 1, Integer::sum);
                token(m).ifPresent(t -> idsByToken.computeIfAbsent(t, k -> new HashSet<>()).add(id));
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }
        Set<String> live = liveNodes();
        Set<String> heldByKilledNode = new HashSet<>();
        inFlightAtKill.forEach((offlineId, node) -> {
            if (!live.contains(node)) {
                heldByKilledNode.add("<offline-" + offlineId + ".forward@chat-website>");
            }
        });
        List<String> missing = ackedForms.entrySet().stream().filter(e -> !byToken.containsKey(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        List<String> severalIds = idsByToken.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        List<String> resent = byMessageId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        List<String> resentUnexplained = resent.stream().filter(id -> !heldByKilledNode.contains(id))
                .map(id -> id + " ×" + byMessageId.get(id)).toList();
        findings.fact(smtp.getReceivedMessages().length + " mails received for " + ackedForms.size()
                + " accepted forms (" + unackedForms.keySet().stream().filter(byToken::containsKey).count()
                + " of the " + unackedForms.size() + " unaccepted were mailed too)");
        findings.fact(heldByKilledNode.size() + " deliveries held by node A when it was killed; "
                + (resent.size() - resentUnexplained.size()) + " of them sent again under the same Message-ID");
        if (!missing.isEmpty()) {
            findings.broken(promise, missing.size() + " of " + ackedForms.size() + " accepted forms never mailed"
                    + (allArrived ? "" : " within 30 s") + ": " + Findings.firstFew(missing, 6));
        }
        if (!severalIds.isEmpty()) {
            findings.broken(promise, severalIds.size() + " forms mailed under more than one Message-ID: "
                    + Findings.firstFew(severalIds, 6));
        }
        if (!resentUnexplained.isEmpty()) {
            findings.broken(promise, resentUnexplained.size() + " Message-IDs received more than once that node A was "
                    + "not sending when killed: " + Findings.firstFew(resentUnexplained, 6));
        }
    }

    /** The outbox deliveries some node holds right now: offline id → the node holding it. */
    private Map<String, String> claimedDeliveries() {
        Map<String, String> out = new HashMap<>();
        query("SELECT offline_id, claimed_by FROM cw_outbox WHERE state = 'pending' AND claimed_by IS NOT NULL",
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    /** The plugin nodes whose heartbeat is fresh (node A's stopped with it). */
    private Set<String> liveNodes() {
        Set<String> out = new HashSet<>();
        Instant fresh = Instant.now().minusSeconds(5);
        query("SELECT node_id, seen_at FROM cw_node", rs -> {
            if (rs.getObject(2, OffsetDateTime.class).toInstant().isAfter(fresh)) {
                out.add(rs.getString(1));
            }
        });
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection c = pg.getDatabase("postgres", database).getConnection();
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** Mails received, counted by the form token in their subject. */
    private Map<String, Integer> mailsByToken() {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            token(m).ifPresent(t -> out.merge(t, 1, Integer::sum));
        }
        return out;
    }

    /** The form token in a mail's subject ("Offline message from Form <token> – …"). */
    private Optional<String> token(MimeMessage m) {
        try {
            String subject = m.getSubject();
            int at = subject == null ? -1 : subject.indexOf("form-" + run + "-");
            return at < 0 ? Optional.empty()
                    : Optional.of(subject.substring(at).split("[\\s–]")[0]);
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the supervisor's list shows every offline form's deliveries done (so no resend is due). */
    private boolean allDelivered(ChatApi.Site site) {
        for (JsonNode item : api.supervisor(site, "offline")) {
            for (JsonNode d : item.path("deliveries")) {
                if (!"delivered".equals(d.path("state").asText())) {
                    return false;
                }
            }
        }
        return true;
    }
}
