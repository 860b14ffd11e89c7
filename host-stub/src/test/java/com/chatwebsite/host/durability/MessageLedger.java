package com.chatwebsite.host.durability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every chat message a test sent, with what the host answered: acknowledged ({@code 201} with a
 * seq) or not (an I/O error or another answer). Checks the acknowledgements against the messages
 * the host has stored.
 */
final class MessageLedger {

    /**
     * A message as sent.
     *
     * @param chat the chat's name in the test ("chat 7 (session …)")
     * @param sessionId the session
     * @param from customer or agent
     * @param clientMessageId unique for every message
     * @param text the text
     */
    record Sent(String chat, String sessionId, String from, String clientMessageId, String text) {
    }

    /** A {@code 201} and its seq; {@code phase} says when it was sent. */
    record Ack(Sent sent, long seq, String phase) {
    }

    /** A request that got no {@code 201}. */
    record Unacked(Sent sent, ContractClient.Outcome outcome) {
    }

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Unacked> unacked = new ConcurrentLinkedQueue<>();

    void acked(Sent sent, long seq, String phase) {
        acks.add(new Ack(sent, seq, phase));
    }

    void unacked(Sent sent, ContractClient.Outcome outcome) {
        unacked.add(new Unacked(sent, outcome));
    }

    int ackCount() {
        return acks.size();
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    List<Unacked> unacked() {
        return List.copyOf(unacked);
    }

    /** Forgets the unacknowledged requests (after they were retried). */
    List<Unacked> takeUnacked() {
        List<Unacked> out = new ArrayList<>();
        for (Unacked u; (u = unacked.poll()) != null; ) {
            out.add(u);
        }
        return out;
    }

    /**
     * Checks that every acknowledged message is stored exactly once with the seq it was
     * acknowledged with.
     *
     * @param stored each session's stored messages, in seq order
     */
    void checkAcknowledgedStoredOnce(Map<String, List<JsonNode>> stored, Findings findings, String promise) {
        findings.promise(promise);
        Map<String, List<Long>> lost = new TreeMap<>();
        Map<String, List<String>> moved = new TreeMap<>();
        Map<String, List<String>> doubled = new TreeMap<>();
        int lostCount = 0;
        int movedCount = 0;
        int doubledCount = 0;
        for (Ack a : acks) {
            List<JsonNode> found = stored.getOrDefault(a.sent().sessionId(), List.of()).stream()
                    .filter(m -> a.sent().clientMessageId().equals(m.path("clientMessageId").asText(null))).toList();
            if (found.isEmpty()) {
                lost.computeIfAbsent(a.sent().chat(), k -> new ArrayList<>()).add(a.seq());
                lostCount++;
            } else if (found.size() > 1) {
                doubled.computeIfAbsent(a.sent().chat(), k -> new ArrayList<>()).add(a.sent().clientMessageId()
                        + " at seqs " + found.stream().map(m -> m.get("seq").asLong()).toList());
                doubledCount++;
            } else if (found.get(0).get("seq").asLong() != a.seq()) {
                moved.computeIfAbsent(a.sent().chat(), k -> new ArrayList<>()).add("acknowledged seq " + a.seq()
                        + ", stored at " + found.get(0).get("seq").asLong());
                movedCount++;
            }
        }
        int total = acks.size();
        if (lostCount > 0) {
            findings.broken(promise, lostCount + " of " + total + " acknowledged messages lost (acknowledged seqs "
                    + "by chat: " + Findings.firstFew(lost.entrySet().stream().map(e -> e.getKey() + " "
                            + e.getValue()).toList(), 8) + ")");
        }
        if (doubledCount > 0) {
            findings.broken(promise, doubledCount + " of " + total + " acknowledged messages stored more than once: "
                    + Findings.firstFew(doubled.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .toList(), 8));
        }
        if (movedCount > 0) {
            findings.broken(promise, movedCount + " of " + total + " acknowledged messages stored under another seq: "
                    + Findings.firstFew(moved.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .toList(), 8));
        }
    }

    /**
     * Checks that no seq names two messages: not in the store, and not between two acknowledgements.
     *
     * @param stored each session's stored messages, in seq order
     */
    void checkNoSeqSharedByTwoMessages(Map<String, List<JsonNode>> stored, Findings findings, String promise) {
        findings.promise(promise);
        stored.forEach((session, messages) -> {
            Map<Long, Integer> seen = new HashMap<>();
            messages.forEach(m -> seen.merge(m.get("seq").asLong(), 1, Integer::sum));
            List<Long> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted()
                    .toList();
            if (!twice.isEmpty()) {
                findings.broken(promise, "session " + session + " stores several messages at seqs "
                        + Findings.firstFew(twice, 10));
            }
        });
        Map<String, Map<Long, String>> bySeq = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Ack a : acks) {
            String other = bySeq.computeIfAbsent(a.sent().chat(), k -> new HashMap<>())
                    .putIfAbsent(a.seq(), a.sent().clientMessageId());
            if (other != null && !other.equals(a.sent().clientMessageId())) {
                conflicts.add(a.sent().chat() + " seq " + a.seq() + " acknowledged for " + other + " and for "
                        + a.sent().clientMessageId() + " (" + a.phase() + ")");
            }
        }
        if (!conflicts.isEmpty()) {
            findings.broken(promise, conflicts.size() + " seqs acknowledged for two different messages: "
                    + Findings.firstFew(conflicts, 8));
        }
    }

    /**
     * Checks that no message (by clientMessageId) is stored twice, acknowledged or not.
     *
     * @param stored each session's stored messages
     */
    static void checkNoDuplicates(Map<String, List<JsonNode>> stored, Findings findings, String promise) {
        findings.promise(promise);
        stored.forEach((session, messages) -> {
            Map<String, List<Long>> byId = new LinkedHashMap<>();
            for (JsonNode m : messages) {
                String id = m.path("clientMessageId").asText(null);
                if (id != null) {
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(m.get("seq").asLong());
                }
            }
            List<String> twice = byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(e -> e.getKey() + " at seqs " + e.getValue()).toList();
            if (!twice.isEmpty()) {
                findings.broken(promise, "session " + session + ": " + twice.size()
                        + " messages stored more than once: " + Findings.firstFew(twice, 5));
            }
        });
    }
}
