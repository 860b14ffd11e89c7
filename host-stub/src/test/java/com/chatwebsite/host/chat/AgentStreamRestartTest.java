package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's routing and event stream outlive a host restart, with the same event ids. */
class AgentStreamRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void afterARestartTheAgentStillHoldsTheChatAndItsStreamResumesWithTheSameIds() {
        List<String> before = new ArrayList<>();
        String lastSeen;
        Session s;
        try (HostStub host = TestHost.start(dir)) {
            ChatApi api = new ChatApi(host);
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            Site site = api.createWebsite(ChatApi.website("Shop"));
            try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null)) {
                s = api.openSession(site.key());
                assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
                api.say(s, "before restart", null);
                lastSeen = untilMessage(agent, "before restart", before);
            }
        }
        try (HostStub host = TestHost.start(dir)) {
            ChatApi api = new ChatApi(host);
            try (SseClient resumed = api.agentStream(TestHost.AGENT_TOKEN, lastSeen)) {
                assertEquals(201, api.say(s, "after restart", null).status());
                SseClient.Event next = resumed.next(WAIT);
                assertTrue(next.data().contains("after restart"), next.toString());
                assertEquals(Long.toString(Long.parseLong(lastSeen) + 1), next.id(), "nothing missed, nothing twice");
            }
            assertEquals(201, api.agent("POST", "/interactions/" + s.id() + "/messages", "{\"text\":\"still here\"}")
                    .status(), "alice still holds the chat");
            List<String> replayed = new ArrayList<>();
            try (SseClient fresh = api.agentStream(TestHost.AGENT_TOKEN, null)) {
                untilMessage(fresh, "after restart", replayed);
            }
            assertEquals(before, replayed.subList(0, before.size()), "the same ids as before the restart");
        }
    }

    /** Reads events, collecting their ids, until a message with the text; returns its id. */
    private static String untilMessage(SseClient stream, String text, List<String> ids) {
        while (true) {
            SseClient.Event e = stream.next(WAIT);
            ids.add(e.id());
            if (e.event().equals("message") && e.data().contains(text)) {
                return e.id();
            }
        }
    }
}
