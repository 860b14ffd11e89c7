package com.chatwebsite.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.HostEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyPayloadsTest {

    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void packsEventsUnderTheLimitInOrderAndReadsThemBack() {
        List<HostEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(new HostEvent("interaction.message", Map.of("seq", i, "sessionId", "é-" + i), AT));
        }
        List<String> payloads = NotifyPayloads.encode("node-1", events, e -> {
            throw new AssertionError("fits");
        });
        assertTrue(payloads.size() > 1 && payloads.size() < 30, "several events per notification: " + payloads.size());
        List<HostEvent> back = new ArrayList<>();
        for (String p : payloads) {
            assertTrue(p.getBytes(StandardCharsets.UTF_8).length <= NotifyPayloads.MAX_BYTES);
            NotifyPayloads.Notification n = NotifyPayloads.decode(p);
            assertEquals("node-1", n.node());
            assertFalse(n.resync());
            back.addAll(n.events());
        }
        assertEquals(300, back.size());
        for (int i = 0; i < 300; i++) {
            assertEquals(i, ((Number) back.get(i).data().get("seq")).intValue());
            assertEquals("é-" + i, back.get(i).data().get("sessionId"));
            assertEquals(AT, back.get(i).at());
        }
    }

    @Test
    void anEventTooLargeForOneNotificationIsLeftOutAndTold() {
        HostEvent big = new HostEvent("big", Map.of("text", "x".repeat(NotifyPayloads.MAX_BYTES)), AT);
        HostEvent small = new HostEvent("small", Map.of(), AT);
        List<HostEvent> left = new ArrayList<>();
        List<String> payloads = NotifyPayloads.encode("n", List.of(small, big, small), left::add);
        assertEquals(List.of(big), left);
        assertEquals(1, payloads.size());
        assertEquals(List.of("small", "small"),
                NotifyPayloads.decode(payloads.get(0)).events().stream().map(HostEvent::topic).toList());
    }

    @Test
    void theResyncNoticeNamesItsNode() {
        NotifyPayloads.Notification n = NotifyPayloads.decode(NotifyPayloads.resync("node-2"));
        assertEquals("node-2", n.node());
        assertTrue(n.resync());
        assertTrue(n.events().isEmpty());
    }
}
