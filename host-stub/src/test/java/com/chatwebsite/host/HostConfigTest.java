package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.routing.Agent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostConfigTest {

    @Test
    void defaultsGenerateUnguessableTokensAndOneAgent() {
        HostConfig a = HostConfig.fromEnvironment(Map.of());
        HostConfig b = HostConfig.fromEnvironment(Map.of());
        assertEquals(8080, a.port());
        assertTrue(a.adminTokenGenerated());
        assertTrue(a.adminToken().length() >= 43, "256 bits, base64url");
        assertNotEquals(a.adminToken(), b.adminToken());
        assertEquals(1, a.agents().size());
        assertEquals("agent", a.agents().get(0).name());
        assertEquals(5, a.agents().get(0).capacity());
        assertTrue(a.db().isEmpty());
        assertTrue(a.smtp().isEmpty());
    }

    @Test
    void readsTheContractVariables() {
        HostConfig c = HostConfig.fromEnvironment(Map.of("HOST_PORT", "9000", "HOST_ADMIN_TOKEN", "adm",
                "HOST_AGENTS", "ann:t1:3,ben:t2", "HOST_SMTP_HOST", "mail.local", "HOST_SMTP_PORT", "2525",
                "HOST_SMTP_FROM", "chat@shop.example", "HOST_DB_URL", "jdbc:postgresql://db/x", "HOST_DB_USER", "u"));
        assertEquals(9000, c.port());
        assertEquals("adm", c.adminToken());
        assertFalse(c.adminTokenGenerated());
        assertEquals(List.of(new Agent("ann", "t1", 3), new Agent("ben", "t2", 5)), c.agents());
        assertEquals("mail.local", c.smtp().orElseThrow().host());
        assertEquals(2525, c.smtp().orElseThrow().port());
        assertEquals("chat@shop.example", c.smtp().orElseThrow().from());
        assertEquals("u", c.db().orElseThrow().user());
    }

    @Test
    void malformedVariablesNameTheVariable() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HostConfig.fromEnvironment(Map.of("HOST_PORT", "eighty"))).getMessage().contains("HOST_PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HostConfig.parseAgents("ann")).getMessage().contains("HOST_AGENTS"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HostConfig.parseAgents("ann:t:0")).getMessage().contains("capacity"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HostConfig.parseAgents("ann:t,ann:u")).getMessage().contains("twice"));
    }

    @Test
    void nodeIdIsGivenOrGeneratedPerProcess() {
        assertEquals("web-1", HostConfig.fromEnvironment(Map.of("HOST_NODE_ID", "web-1")).nodeId());
        String a = HostConfig.fromEnvironment(Map.of("HOSTNAME", "box.example")).nodeId();
        String b = HostConfig.fromEnvironment(Map.of("HOSTNAME", "box.example")).nodeId();
        assertTrue(a.startsWith("box.example-"), a);
        assertNotEquals(a, b, "two processes on one machine get different ids");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HostConfig.fromEnvironment(Map.of("HOST_NODE_ID", "a b"))).getMessage().contains("HOST_NODE_ID"));
    }
}
