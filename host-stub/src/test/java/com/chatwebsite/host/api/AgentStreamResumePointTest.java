package com.chatwebsite.host.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent's event stream resumes from a sequence number; anything else is a 400 naming Last-Event-ID. */
class AgentStreamResumePointTest {

    @TempDir
    static Path dir;
    static HostStub host;
    static Http http;
    static ChatApi api;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        http = new Http(host.baseUrl());
        api = new ChatApi(host);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "0x10", "12 13", "99999999999999999999", "lx3k2a-17"})
    void aMalformedLastEventIdIs400NamingIt(String id) {
        Http.Reply r = http.send(http.builder("/api/agent/events", TestHost.AGENT_TOKEN)
                .header("Last-Event-ID", id).GET());
        assertEquals(400, r.status(), id);
        JsonNode field = r.json().get("fields").get(0);
        assertEquals("Last-Event-ID", field.get("field").asText());
        assertEquals("validation_failed", r.json().get("error").asText());
    }

    @Test
    void theQueryFormIsCheckedTheSameWay() {
        Http.Reply r = http.get("/api/agent/events?lastEventId=first", TestHost.AGENT_TOKEN);
        assertEquals(400, r.status());
        assertEquals("Last-Event-ID", r.json().get("fields").get(0).get("field").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "42", " 7 "})
    void aWholeNumberOpensTheStream(String id) {
        try (SseClient stream = api.agentStream(TestHost.AGENT_TOKEN, id)) {
            assertEquals(200, stream.status());
        }
    }
}
