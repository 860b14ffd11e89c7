package com.chatwebsite.host.durability;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.SseClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Compares the messages a stream delivered with the messages the host stored. */
final class StreamCheck {

    private StreamCheck() {
    }

    /** The {@code message} events of a stream, as their data, optionally only those of one interaction. */
    static List<JsonNode> messages(List<SseClient.Event> events, String interactionId) {
        List<JsonNode> out = new ArrayList<>();
        for (SseClient.Event e : events) {
            if (!e.event().equals("message")) {
                continue;
            }
            JsonNode data = ChatApi.json(e.data());
            if (interactionId == null || interactionId.equals(data.path("interactionId").asText(null))) {
                out.add(data);
            }
        }
        return out;
    }

    /**
     * What is wrong with a delivery: every stored message exactly once, in seq order, with no gap,
     * and the same message (clientMessageId, text) under each seq.
     *
     * @param who the stream, for the message
     * @param delivered the message events' data, in order of arrival
     * @param stored the stored messages, in seq order
     * @return null when the delivery is exact, else a precise sentence
     */
    static String problem(String who, List<JsonNode> delivered, List<JsonNode> stored) {
        Map<Long, JsonNode> storedBySeq = new HashMap<>();
        stored.forEach(m -> storedBySeq.put(m.get("seq").asLong(), m));
        List<Long> deliveredSeqs = delivered.stream().map(m -> m.get("seq").asLong()).toList();
        List<Long> storedSeqs = stored.stream().map(m -> m.get("seq").asLong()).toList();
        if (deliveredSeqs.equals(storedSeqs) && delivered.stream().allMatch(m -> same(m, storedBySeq.get(
                m.get("seq").asLong())))) {
            return null;
        }
        Set<Long> seen = new LinkedHashSet<>();
        List<Long> repeated = new ArrayList<>();
        List<Long> notStored = new ArrayList<>();
        List<String> different = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (JsonNode m : delivered) {
            long seq = m.get("seq").asLong();
            if (!seen.add(seq)) {
                repeated.add(seq);
            }
            JsonNode s = storedBySeq.get(seq);
            if (s == null) {
                notStored.add(seq);
            } else if (!same(m, s)) {
                different.add(seq + " (delivered " + m.path("clientMessageId").asText(null) + ", stored "
                        + s.path("clientMessageId").asText(null) + ")");
            }
            if (seq <= previous) {
                outOfOrder.add(seq + " after " + previous);
            }
            previous = Math.max(previous, seq);
        }
        List<Long> missing = storedSeqs.stream().filter(s -> !seen.contains(s)).toList();
        StringBuilder out = new StringBuilder(who).append(" delivered ").append(delivered.size()).append(" of ")
                .append(stored.size()).append(" stored messages:");
        if (!missing.isEmpty()) {
            out.append(" missing seqs ").append(Findings.firstFew(missing, 12)).append(';');
        }
        if (!repeated.isEmpty()) {
            out.append(" repeated seqs ").append(Findings.firstFew(repeated, 12)).append(';');
        }
        if (!notStored.isEmpty()) {
            out.append(" seqs not stored ").append(Findings.firstFew(notStored, 12)).append(';');
        }
        if (!different.isEmpty()) {
            out.append(" another message than stored at ").append(Findings.firstFew(different, 6)).append(';');
        }
        if (!outOfOrder.isEmpty()) {
            out.append(" out of order: ").append(Findings.firstFew(outOfOrder, 6)).append(';');
        }
        return out.toString();
    }

    private static boolean same(JsonNode delivered, JsonNode stored) {
        return stored != null
                && Objects.equals(delivered.path("clientMessageId").asText(null),
                        stored.path("clientMessageId").asText(null))
                && Objects.equals(delivered.path("text").asText(null), stored.path("text").asText(null))
                && Objects.equals(delivered.path("from").asText(null), stored.path("from").asText(null));
    }

    /** The ids that more than one event of a stream carried. */
    static List<String> repeatedIds(List<SseClient.Event> events) {
        Set<String> seen = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        for (SseClient.Event e : events) {
            if (e.id() != null && !seen.add(e.id())) {
                out.add(e.id());
            }
        }
        return out;
    }
}
