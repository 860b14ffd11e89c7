package com.chatwebsite.host.durability;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.durability.ChildHost.AgentAccount;
import com.chatwebsite.host.durability.ContractClient.Call;
import com.chatwebsite.host.durability.ContractClient.Outcome;
import com.chatwebsite.host.durability.ContractClient.Session;
import com.chatwebsite.host.durability.MessageLedger.Sent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One host, chats and offline forms at a steady rate, {@code kill -9} mid-load, a restart on the
 * same data, then every promise of "acknowledged means durable" checked from outside: acknowledged
 * writes exist exactly once with their seq, no seq is reused, every customer and agent stream that
 * resumes with {@code Last-Event-ID} delivers every stored message exactly once, in order.
 */
final class CrashScenario {

    static final int CHATS = 30;
    static final int MESSAGE_THREADS = 4;
    static final int MESSAGES_PER_THREAD_PER_SECOND = 50;
    static final int FORMS_PER_SECOND = 15;
    static final int ACKS_BEFORE_KILL = 400;
    private static final Duration WAIT = Duration.ofSeconds(20);

    static final String ACKED_ONCE = "(a) every acknowledged message exists exactly once with its seq";
    static final String RETRY_ONCE = "(a) an unacknowledged message exists at most once, also after its retry";
    static final String NO_SEQ_REUSE = "(b) no seq is reused";
    static final String CUSTOMER_STREAMS = "(c) every resumed customer stream delivers every message once, in order";
    static final String AGENT_STREAMS = "(c) every resumed agent stream delivers its chats' messages once, in order";
    static final String FORMS_ONCE = "(d) every accepted offline form exists exactly once";

    /**
     * A chat of the scenario: its session, the agent who holds it, the last seq stored when the agent
     * accepted it (the agent's stream carries the messages after that), the customer's stream.
     */
    private record Chat(int index, Session session, AgentAccount agent, long acceptedAt, StreamTap customer) {
        String name() {
            return "chat " + index + " (session " + session.id() + ")";
        }
    }

    private final String label;
    private final ChildHost host;
    private final ContractClient api;
    private final Findings findings;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final MessageLedger ledger = new MessageLedger();
    private final Map<String, String> ackedForms = new ConcurrentHashMap<>();
    private final Map<String, Outcome> unackedForms = new ConcurrentHashMap<>();
    private final List<Chat> chats = new ArrayList<>();
    private final Map<AgentAccount, StreamTap> agentTaps = new LinkedHashMap<>();
    private final Map<StreamTap, Integer> preKillCounts = new HashMap<>();
    private ChatApi.Site site;

    CrashScenario(String label, ChildHost host) {
        this.label = label;
        this.host = host;
        this.api = ContractClient.of(host);
        this.findings = new Findings(label + ": kill -9 mid-load and restart");
    }

    void run() {
        try {
            arrange();
            loadAndKill();
            host.restart();
            verifyAfterRestart();
        } finally {
            chats.forEach(c -> c.customer().close());
            agentTaps.values().forEach(StreamTap::close);
        }
        findings.assertAllHeld();
    }

    private void arrange() {
        ObjectNode website = ChatApi.website("Crash " + label);
        website.put("maxConcurrentSessions", 1000);
        site = api.createWebsite(website);
        for (AgentAccount a : ChildHost.AGENTS) {
            StreamTap tap = new StreamTap(a.name() + "'s agent stream");
            tap.attach(api.agentStream(0, a, null));
            agentTaps.put(a, tap);
            api.setAvailable(0, a);
        }
        for (int i = 0; i < CHATS; i++) {
            Session s = api.open(site.key(), ContractClient.customerFields("Customer " + i, "c" + i + "-" + run
                    + "@example.com"));
            AgentAccount agent = ChildHost.AGENTS.get(i % ChildHost.AGENTS.size());
            Outcome[] last = new Outcome[1];
            Poll.until(WAIT, agent.name() + " accepts chat " + i + " (last: " + java.util.Arrays.toString(last) + ")",
                    () -> (last[0] = api.accept(0, agent, s.id())).status() == 200);
            long acceptedAt = lastSeq(api.messages(s));
            StreamTap customer = new StreamTap("chat " + i + "'s customer stream");
            customer.attach(api.customerStream(0, s, null));
            chats.add(new Chat(i, s, agent, acceptedAt, customer));
        }
    }

    private void loadAndKill() {
        SteadyLoad messages = SteadyLoad.start("crash-messages", MESSAGE_THREADS, MESSAGES_PER_THREAD_PER_SECOND,
                this::sendMessage);
        SteadyLoad forms = SteadyLoad.start("crash-forms", 1, FORMS_PER_SECOND, (t, n) -> sendForm(n));
        try {
            Poll.until(WAIT, ACKS_BEFORE_KILL + " acknowledged messages before the kill",
                    () -> ledger.ackCount() >= ACKS_BEFORE_KILL);
            host.kill();
        } finally {
            messages.stop();
            forms.stop();
        }
        findings.fact("before the kill: " + ledger.ackCount() + " messages acknowledged, "
                + ledger.unacked().size() + " unacknowledged (" + describe(ledger.unacked().stream()
                        .map(MessageLedger.Unacked::outcome).toList()) + "); " + ackedForms.size()
                + " offline forms accepted, " + unackedForms.size() + " not");
        for (StreamTap tap : allTaps()) {
            tap.awaitEnd(WAIT);
            preKillCounts.put(tap, tap.events().size());
        }
    }

    private void sendMessage(int thread, long n) {
        List<Chat> mine = chats.stream().filter(c -> c.index() % MESSAGE_THREADS == thread).toList();
        Chat chat = mine.get((int) ((n / 2) % mine.size()));
        boolean fromAgent = n % 2 == 1;
        String id = run + "-t" + thread + "-" + n;
        Sent sent = new Sent(chat.name(), chat.session().id(), fromAgent ? "agent" : "customer", id, "message " + id);
        send(sent, chat, "load", 1);
    }

    private void send(Sent sent, Chat chat, String phase, int attempts) {
        Call call = sent.from().equals("agent")
                ? Call.agentMessage(chat.agent().token(), chat.session().id(), sent.text(), sent.clientMessageId())
                : Call.customerMessage(chat.session(), sent.text(), sent.clientMessageId());
        List<Outcome> tried = attempts == 1 ? List.of(api.once(0, call)) : api.withRetry(call, attempts);
        Outcome o = tried.get(tried.size() - 1);
        if (o.status() == 201) {
            ledger.acked(sent, o.json().get("seq").asLong(), phase);
        } else {
            ledger.unacked(sent, o);
        }
    }

    private void sendForm(long n) {
        String token = "form-" + run + "-" + n;
        ObjectNode fields = ContractClient.customerFields("Form " + n, "f" + n + "-" + run + "@example.com");
        fields.put("message", token);
        Outcome o = api.once(0, Call.offline(site.key(), fields));
        if (o.status() == 202) {
            ackedForms.put(token, o.json().get("interactionId").asText());
        } else {
            unackedForms.put(token, o);
        }
    }

    private void verifyAfterRestart() {
        for (AgentAccount a : ChildHost.AGENTS) {
            api.setAvailable(0, a);
        }
        Map<Chat, Long> lastSeenBeforeKill = new HashMap<>();
        for (Chat c : chats) {
            lastSeenBeforeKill.put(c, StreamCheck.messages(c.customer().events(), null).stream()
                    .mapToLong(m -> m.get("seq").asLong()).max().orElse(0));
        }
        agentTaps.forEach((a, tap) -> tap.attach(api.agentStream(0, a, tap.lastEventId())));
        for (Chat c : chats) {
            c.customer().attach(api.customerStream(0, c.session(), c.customer().lastEventId()));
        }

        List<MessageLedger.Unacked> unacked = ledger.takeUnacked();
        Map<String, List<JsonNode>> beforeRetry = storedMessages();
        long storedAnyway = unacked.stream().filter(u -> beforeRetry.getOrDefault(u.sent().sessionId(), List.of())
                .stream().anyMatch(m -> u.sent().clientMessageId().equals(m.path("clientMessageId").asText(null))))
                .count();
        findings.fact(unacked.size() + " unacknowledged messages: " + storedAnyway
                + " of them were stored anyway; each is retried with its clientMessageId");
        findings.promise(RETRY_ONCE);
        Map<String, Chat> bySession = new HashMap<>();
        chats.forEach(c -> bySession.put(c.session().id(), c));
        for (MessageLedger.Unacked u : unacked) {
            send(u.sent(), bySession.get(u.sent().sessionId()), "retry", 20);
        }
        for (MessageLedger.Unacked u : ledger.takeUnacked()) {
            findings.broken(RETRY_ONCE, u.sent().chat() + ": retry of " + u.sent().clientMessageId() + " answered "
                    + u.outcome());
        }
        Map<Chat, Long> afterRestartSeq = new HashMap<>();
        for (Chat c : chats) {
            String id = run + "-after-" + c.index();
            Sent sent = new Sent(c.name(), c.session().id(), "customer", id, "after the restart " + id);
            int before = ledger.ackCount();
            send(sent, c, "after-restart", 20);
            if (ledger.ackCount() > before) {
                afterRestartSeq.put(c, ledger.acks().stream().filter(a -> a.sent().equals(sent)).findFirst()
                        .orElseThrow().seq());
            }
        }
        for (MessageLedger.Unacked u : ledger.takeUnacked()) {
            findings.broken(NO_SEQ_REUSE, u.sent().chat() + ": a message after the restart answered " + u.outcome());
        }

        Map<String, List<JsonNode>> stored = storedMessages();
        awaitStreams(stored);

        ledger.checkAcknowledgedStoredOnce(stored, findings, ACKED_ONCE);
        MessageLedger.checkNoDuplicates(stored, findings, RETRY_ONCE);
        checkNoSeqReuse(stored, lastSeenBeforeKill, afterRestartSeq);
        checkCustomerStreams(stored);
        checkAgentStreams(stored);
        checkForms();
        findings.fact("after the restart: " + ledger.ackCount() + " messages acknowledged in all, "
                + stored.values().stream().mapToInt(List::size).sum() + " stored in " + chats.size() + " chats");
    }

    private Map<String, List<JsonNode>> storedMessages() {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (Chat c : chats) {
            out.put(c.session().id(), api.messages(c.session()));
        }
        return out;
    }

    private static long lastSeq(List<JsonNode> messages) {
        return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).get("seq").asLong();
    }

    /** Waits (bounded) until each resumed stream has delivered the last stored message of its chats. */
    private void awaitStreams(Map<String, List<JsonNode>> stored) {
        long end = System.nanoTime() + WAIT.toNanos();
        for (Chat c : chats) {
            long last = lastSeq(stored.get(c.session().id()));
            c.customer().awaitEvent(remaining(end), e -> e.event().equals("message")
                    && ChatApi.json(e.data()).path("seq").asLong() == last);
        }
        agentTaps.forEach((agent, tap) -> {
            for (Chat c : chats) {
                if (c.agent().equals(agent)) {
                    long last = lastSeq(stored.get(c.session().id()));
                    tap.awaitEvent(remaining(end), e -> e.event().equals("message")
                            && c.session().id().equals(ChatApi.json(e.data()).path("interactionId").asText())
                            && ChatApi.json(e.data()).path("seq").asLong() == last);
                }
            }
        });
    }

    private static Duration remaining(long end) {
        return Duration.ofNanos(Math.max(1, end - System.nanoTime()));
    }

    private void checkNoSeqReuse(Map<String, List<JsonNode>> stored, Map<Chat, Long> lastSeenBeforeKill,
            Map<Chat, Long> afterRestartSeq) {
        ledger.checkNoSeqSharedByTwoMessages(stored, findings, NO_SEQ_REUSE);
        List<String> lower = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        for (Chat c : chats) {
            long highestBefore = Math.max(lastSeenBeforeKill.get(c), ledger.acks().stream()
                    .filter(a -> a.sent().sessionId().equals(c.session().id()) && a.phase().equals("load"))
                    .mapToLong(MessageLedger.Ack::seq).max().orElse(0));
            Long after = afterRestartSeq.get(c);
            if (after != null && after <= highestBefore) {
                lower.add(c.name() + ": seq " + after + " after the restart, " + highestBefore + " before the kill");
            }
            Map<Long, JsonNode> bySeq = new HashMap<>();
            stored.get(c.session().id()).forEach(m -> bySeq.put(m.get("seq").asLong(), m));
            for (JsonNode seen : StreamCheck.messages(preKillEvents(c.customer()), null)) {
                JsonNode now = bySeq.get(seen.get("seq").asLong());
                String seenId = seen.path("clientMessageId").asText(null);
                if (now != null && !java.util.Objects.equals(seenId, now.path("clientMessageId").asText(null))) {
                    replaced.add(c.name() + " seq " + seen.get("seq").asLong() + ": streamed as " + seenId
                            + " before the kill, stored as " + now.path("clientMessageId").asText(null));
                }
            }
        }
        if (!lower.isEmpty()) {
            findings.broken(NO_SEQ_REUSE, lower.size() + " of " + chats.size()
                    + " chats gave a message after the restart a seq not above every seq before: "
                    + Findings.firstFew(lower, 6));
        }
        if (!replaced.isEmpty()) {
            findings.broken(NO_SEQ_REUSE, replaced.size() + " seqs streamed before the kill now name another message: "
                    + Findings.firstFew(replaced, 6));
        }
    }

    private List<SseClient.Event> preKillEvents(StreamTap tap) {
        // The events of the first connection: those the tap held when the stream ended at the kill.
        List<SseClient.Event> all = tap.events();
        return all.subList(0, Math.min(all.size(), preKillCounts.getOrDefault(tap, all.size())));
    }

    private void checkCustomerStreams(Map<String, List<JsonNode>> stored) {
        findings.promise(CUSTOMER_STREAMS);
        List<String> broken = new ArrayList<>();
        for (Chat c : chats) {
            List<SseClient.Event> events = c.customer().events();
            String problem = StreamCheck.problem(c.name() + "'s customer stream",
                    StreamCheck.messages(events, null), stored.get(c.session().id()));
            List<String> idMismatch = events.stream().filter(e -> e.event().equals("message")
                    && !String.valueOf(ChatApi.json(e.data()).path("seq").asLong()).equals(e.id()))
                    .map(e -> "id " + e.id() + " for seq " + ChatApi.json(e.data()).path("seq")).toList();
            if (problem != null) {
                broken.add(problem);
            }
            if (!idMismatch.isEmpty()) {
                broken.add(c.name() + "'s customer stream: event ids that are not the seq: "
                        + Findings.firstFew(idMismatch, 5));
            }
        }
        if (!broken.isEmpty()) {
            findings.broken(CUSTOMER_STREAMS, broken.size() + " problems in " + chats.size() + " customer streams: "
                    + Findings.firstFew(broken, 5));
        }
    }

    private void checkAgentStreams(Map<String, List<JsonNode>> stored) {
        findings.promise(AGENT_STREAMS);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<AgentAccount, StreamTap> e : agentTaps.entrySet()) {
            List<SseClient.Event> events = e.getValue().events();
            List<String> repeated = StreamCheck.repeatedIds(events);
            if (!repeated.isEmpty()) {
                broken.add(e.getValue().name() + " used " + repeated.size() + " ids for more than one event: "
                        + Findings.firstFew(repeated, 8));
            }
            for (Chat c : chats) {
                if (c.agent().equals(e.getKey())) {
                    checked++;
                    List<JsonNode> sinceAccept = stored.get(c.session().id()).stream()
                            .filter(m -> m.get("seq").asLong() > c.acceptedAt()).toList();
                    String problem = StreamCheck.problem(e.getValue().name() + " for " + c.name()
                            + " (messages after seq " + c.acceptedAt() + ", when it was accepted)",
                            StreamCheck.messages(events, c.session().id()).stream()
                                    .filter(m -> m.get("seq").asLong() > c.acceptedAt()).toList(), sinceAccept);
                    if (problem != null) {
                        broken.add(problem);
                    }
                }
            }
        }
        if (!broken.isEmpty()) {
            findings.broken(AGENT_STREAMS, broken.size() + " problems in " + checked + " agent-stream chats: "
                    + Findings.firstFew(broken, 5));
        }
    }

    private void checkForms() {
        findings.promise(FORMS_ONCE);
        Map<String, List<String>> idsByToken = new HashMap<>();
        for (JsonNode item : api.supervisor(site, "offline")) {
            idsByToken.computeIfAbsent(item.path("fields").path("message").asText(), k -> new ArrayList<>())
                    .add(item.path("id").asText());
        }
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        ackedForms.forEach((token, id) -> {
            List<String> found = idsByToken.getOrDefault(token, List.of());
            if (found.isEmpty()) {
                lost.add(id);
            } else if (found.size() > 1 || !found.get(0).equals(id)) {
                doubled.add(token + " accepted as " + id + ", listed as " + found);
            }
        });
        long unackedStored = unackedForms.keySet().stream().filter(idsByToken::containsKey).count();
        unackedForms.keySet().forEach(token -> {
            if (idsByToken.getOrDefault(token, List.of()).size() > 1) {
                doubled.add("unacknowledged " + token + " listed as " + idsByToken.get(token));
            }
        });
        findings.fact(ackedForms.size() + " offline forms accepted (202), " + unackedForms.size()
                + " not; of those " + unackedStored + " exist anyway");
        if (!lost.isEmpty()) {
            findings.broken(FORMS_ONCE, lost.size() + " of " + ackedForms.size()
                    + " accepted offline forms are missing: interactionIds " + Findings.firstFew(lost, 8));
        }
        if (!doubled.isEmpty()) {
            findings.broken(FORMS_ONCE, doubled.size() + " offline forms not listed exactly once: "
                    + Findings.firstFew(doubled, 6));
        }
    }

    private List<StreamTap> allTaps() {
        List<StreamTap> out = new ArrayList<>(agentTaps.values());
        chats.forEach(c -> out.add(c.customer()));
        return out;
    }

    private static String describe(List<Outcome> outcomes) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.ioError() ? "I/O error" : Integer.toString(o.status()), 1, Integer::sum));
        return counts.toString();
    }
}
