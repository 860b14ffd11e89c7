package com.chatwebsite.host.events;

import com.chatwebsite.api.host.HostEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The JSON of the cluster's notifications: {@code {"node":"…","events":[{"topic","data","at"}…]}},
 * or {@code {"node":"…","resync":true}} when that node's events were dropped. Several events share
 * one notification, each under PostgreSQL's payload limit.
 */
final class NotifyPayloads {

    /** PostgreSQL refuses payloads of 8000 bytes or more; this leaves room to spare. */
    static final int MAX_BYTES = 7_900;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One node's notification.
     *
     * @param node the sender
     * @param resync whether the sender dropped events the others may have missed
     * @param events the events, in order
     */
    record Notification(String node, boolean resync, List<HostEvent> events) {
    }

    private NotifyPayloads() {
    }

    /**
     * Packs events into as few payloads as fit, in order.
     *
     * @param node this node's id
     * @param events the events
     * @param tooLarge told each event that fits no payload, or cannot be written as JSON
     * @return the payloads
     */
    static List<String> encode(String node, List<HostEvent> events, Consumer<HostEvent> tooLarge) {
        String head = "{\"node\":" + quote(node) + ",\"events\":[";
        String tail = "]}";
        int room = MAX_BYTES - bytes(head) - bytes(tail);
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int used = 0;
        for (HostEvent e : events) {
            String json;
            try {
                json = MAPPER.writeValueAsString(Map.of("topic", e.topic(), "data", e.data(), "at", e.at().toString()));
            } catch (JsonProcessingException ex) {
                tooLarge.accept(e);
                continue;
            }
            int size = bytes(json);
            if (size > room) {
                tooLarge.accept(e);
                continue;
            }
            int needed = used == 0 ? size : size + 1;
            if (used + needed > room) {
                out.add(head + current + tail);
                current.setLength(0);
                used = 0;
                needed = size;
            }
            if (used > 0) {
                current.append(',');
            }
            current.append(json);
            used += needed;
        }
        if (used > 0) {
            out.add(head + current + tail);
        }
        return out;
    }

    /**
     * The notification telling the other nodes to resync.
     *
     * @param node this node's id
     * @return the payload
     */
    static String resync(String node) {
        return "{\"node\":" + quote(node) + ",\"resync\":true}";
    }

    /**
     * Reads a payload.
     *
     * @param payload what {@link #encode} or {@link #resync} wrote
     * @return the notification
     * @throws IllegalArgumentException if it is not one
     */
    static Notification decode(String payload) {
        try {
            JsonNode root = MAPPER.readTree(payload);
            String node = root.path("node").asText();
            List<HostEvent> events = new ArrayList<>();
            for (JsonNode e : root.path("events")) {
                Map<String, Object> data = MAPPER.convertValue(e.path("data"), new TypeReference<Map<String, Object>>() { });
                events.add(new HostEvent(e.path("topic").asText(), data, Instant.parse(e.path("at").asText())));
            }
            return new Notification(node, root.path("resync").asBoolean(false), events);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a host_events payload: " + e.getMessage(), e);
        }
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
