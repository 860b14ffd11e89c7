package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read receipts are durable: after a restart both streams give them back, and they still only move forward. */
class ReceiptsRestartTest {

    @TempDir
    Path dir;

    @Test
    void receiptsSurviveARestartAndComeBackInBothStreams() {
        Session s;
        long agentSeq;
        long customerSeq;
        try (HostStub host = TestHost.start(dir)) {
            ChatApi api = new ChatApi(host);
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            Site site = api.createWebsite(ChatApi.website("Shop"));
            s = api.openSession(site.key());
            assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
            agentSeq = api.agent("POST", "/interactions/" + s.id() + "/messages", "{\"text\":\"hello\"}")
                    .json().get("seq").asLong();
            customerSeq = api.say(s, "hi", null).json().get("seq").asLong();
            assertEquals(200, read(api, s, agentSeq).status());
            assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/read", "{\"seq\":" + customerSeq + "}")
                    .status());
        }
        try (HostStub host = TestHost.start(dir)) {
            ChatApi api = new ChatApi(host);
            try (SseClient customer = api.customerStream(s, Long.toString(customerSeq))) {
                SseClient.Event first = TypingAndReceiptsTest.collectUntil(customer,
                        e -> e.event().equals("read")).get(0);
                assertEquals("read", first.event(), "nothing else is new: the receipts come first");
                JsonNode d = ChatApi.json(first.data());
                assertEquals(agentSeq, d.get("customerReadSeq").asLong());
                assertEquals(customerSeq, d.get("agentReadSeq").asLong());
            }
            assertEquals(agentSeq, read(api, s, 1).json().get("customerReadSeq").asLong(),
                    "still only forward");
            try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null)) {
                SseClient.Event read = TypingAndReceiptsTest.collectUntil(agent,
                        e -> e.event().equals("read") && e.data().contains(s.id())).stream().reduce((a, b) -> b)
                        .orElseThrow();
                assertTrue(read.ownId());
                assertEquals(agentSeq, ChatApi.json(read.data()).get("customerReadSeq").asLong());
            }
        }
    }

    private static com.chatwebsite.host.Http.Reply read(ChatApi api, Session s, long seq) {
        return api.widget("POST", s.key(), "/sessions/" + s.id() + "/read", "{\"seq\":" + seq + "}", s.token());
    }
}
