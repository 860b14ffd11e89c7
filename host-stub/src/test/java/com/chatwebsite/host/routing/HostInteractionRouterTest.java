package com.chatwebsite.host.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.channel.ChatMessage;
import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.api.channel.VideoCallLink;
import com.chatwebsite.api.host.InteractionOffer;
import com.chatwebsite.api.host.OfferOutcome;
import com.chatwebsite.host.contact.JdbcContactManager;
import com.chatwebsite.host.db.Database;
import com.chatwebsite.host.db.Jdbc;
import com.chatwebsite.host.events.HostEventBus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostInteractionRouterTest {

    /** A channel that records accepts and can refuse them. */
    static final class RecordingChannel implements ChatChannel {
        final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        volatile boolean refuse;

        @Override
        public String channelId() {
            return "chat";
        }

        @Override
        public void accept(String interactionId, AgentRef agent) {
            if (refuse) {
                throw new InteractionException(InteractionException.Reason.CONFLICT, "closed", "closed");
            }
            accepted.add(interactionId + "@" + agent.name());
        }

        @Override
        public List<ChatMessage> messages(String interactionId, long afterSeq) {
            return List.of();
        }

        @Override
        public ChatMessage postMessage(String id, AgentRef agent, String text, Optional<String> clientMessageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close(String interactionId, AgentRef agent, String disposition) {
        }

        @Override
        public VideoCallLink startVideoCall(String interactionId, AgentRef agent) {
            throw new UnsupportedOperationException();
        }
    }

    final RecordingChannel channel = new RecordingChannel();
    @TempDir
    Path dir;
    Database db;
    HostInteractionRouter router;

    @BeforeEach
    void start() {
        db = Database.open(Optional.empty(), dir);
        Jdbc jdbc = new Jdbc(db.dataSource());
        router = new HostInteractionRouter(jdbc, List.of(new Agent("ann", "t1", 1), new Agent("ben", "t2", 2)),
                id -> id.equals("chat") ? Optional.of(channel) : Optional.empty(), new HostEventBus(),
                new JdbcContactManager(jdbc, Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    static InteractionOffer offer(String id) {
        return new InteractionOffer(id, "chat", Map.of("websiteId", "w1"), Map.of("topic", "billing"),
                Map.of("email", "ada@example.com"), Optional.empty(), Instant.now());
    }

    @Test
    void nobodyAvailableMeansNoOffer() {
        assertFalse(router.anyAgentAvailable());
        assertEquals(OfferOutcome.NO_AGENT_AVAILABLE, router.offer(offer("i1")));
        router.setAvailable("ann", true);
        assertEquals(List.of(), router.interactionsOf("ann"), "nothing was kept of the refused offer");
    }

    @Test
    void firstAgentToAcceptHoldsItAndCapacityIsEnforced() {
        router.setAvailable("ann", true);
        router.setAvailable("ben", true);
        assertEquals(OfferOutcome.OFFERED, router.offer(offer("i1")));
        assertEquals(1, router.interactionsOf("ben").size());
        router.accept("ann", "i1");
        assertEquals(List.of("i1@ann"), channel.accepted);
        assertEquals(Optional.of("ann"), router.assignedAgent("i1"));
        assertThrows(InteractionException.class, () -> router.accept("ben", "i1"), "already taken");
        assertFalse(router.access("ben", "i1").isPresent());

        assertEquals(OfferOutcome.OFFERED, router.offer(offer("i2")));
        InteractionException full = assertThrows(InteractionException.class, () -> router.accept("ann", "i2"));
        assertEquals(InteractionException.Reason.CONFLICT, full.reason(), "ann's capacity is 1");
        router.accept("ben", "i2");

        router.setAvailable("ben", false);
        assertFalse(router.anyAgentAvailable(), "ann is full and ben unavailable");
        router.finish("i1", "Solved");
        assertTrue(router.anyAgentAvailable(), "finishing frees ann's capacity");
        assertTrue(router.assignedAgent("i1").isEmpty());
    }

    @Test
    void anAcceptWhileTheChannelIsNotRunningKeepsTheOffer() {
        router.setAvailable("ann", true);
        InteractionOffer stopped = new InteractionOffer("i9", "stopped", Map.of(), Map.of(), Map.of(),
                Optional.empty(), Instant.now());
        assertEquals(OfferOutcome.OFFERED, router.offer(stopped));
        InteractionException e = assertThrows(InteractionException.class, () -> router.accept("ann", "i9"));
        assertEquals(HostInteractionRouter.CHANNEL_UNAVAILABLE, e.code());
        assertEquals(List.of("i9"), router.openOffers().stream().map(InteractionOffer::interactionId).toList(),
                "still offered: the agent tries again once the channel runs");
        assertEquals(Optional.empty(), router.assignedAgent("i9"));
    }

    @Test
    void aRefusedAcceptLeavesTheAgentFree() {
        router.setAvailable("ann", true);
        router.offer(offer("i1"));
        channel.refuse = true;
        assertThrows(InteractionException.class, () -> router.accept("ann", "i1"));
        assertTrue(router.assignedAgent("i1").isEmpty());
        assertTrue(router.anyAgentAvailable());
    }

    @Test
    void withdrawnOffersDisappear() {
        router.setAvailable("ann", true);
        router.offer(offer("i1"));
        router.withdraw("i1");
        assertEquals(List.of(), router.interactionsOf("ann"));
        assertThrows(InteractionException.class, () -> router.accept("ann", "i1"));
    }

    @Test
    void offeringARoutedInteractionAgainChangesNothing() {
        router.setAvailable("ann", true);
        assertEquals(OfferOutcome.OFFERED, router.offer(offer("i1")));
        router.accept("ann", "i1");
        assertEquals(OfferOutcome.OFFERED, router.offer(offer("i1")));
        assertEquals(Optional.of("ann"), router.assignedAgent("i1"));
        assertEquals(List.of(), router.openOffers());
    }
}
