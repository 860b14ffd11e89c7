package com.chatwebsite.plugin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    private static TargetGuard resolvingTo(String... addresses) {
        return new TargetGuard(host -> java.util.Arrays.stream(addresses).map(InetAddresses::forString).toList());
    }

    @Test
    void privateLoopbackLinkLocalAndMappedFormsAreRefusedAfterResolution() {
        for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1",
                "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
                "64:ff9b::a00:1", "2002:c0a8:101::1"}) {
            TargetGuard.Refused e = assertThrows(TargetGuard.Refused.class,
                    () -> resolvingTo("93.184.215.14", a).resolve("hooks.example.com", false), a);
            assertTrue(e.getMessage().contains("hooks.example.com resolves to"), e.getMessage());
        }
    }

    @Test
    void publicAddressesPassAndPrivateOnesOnlyWhenAllowed() throws Exception {
        List<InetAddress> ok = resolvingTo("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "100.128.0.1",
                "172.32.0.1").resolve("hooks.example.com", false);
        assertEquals(4, ok.size());
        assertEquals(InetAddresses.forString("127.0.0.1"),
                resolvingTo("127.0.0.1").resolve("hooks.example.com", true).get(0));
    }

    @Test
    void literalsAreCheckedWithoutTheResolver() {
        TargetGuard guard = new TargetGuard(host -> {
            throw new AssertionError("no DNS for a literal");
        });
        assertThrows(TargetGuard.Refused.class, () -> guard.resolve("[::ffff:10.0.0.1]", false));
        assertTrue(TargetGuard.literalNotPublic("LOCALHOST").isPresent());
        assertTrue(TargetGuard.literalNotPublic("[fd00::1]").isPresent());
        assertTrue(TargetGuard.literalNotPublic("hooks.example.com").isEmpty());
    }

    @Test
    void theSignatureIsAnHmacOverTheTimeAndTheRawBody() {
        byte[] body = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.header("whsec_test", 1_700_000_000L, body);
        assertEquals("t=1700000000,v1=", header.substring(0, 16));
        assertEquals(1_700_000_000L, WebhookSignature.verify("whsec_test", header, body));
        assertEquals(-1, WebhookSignature.verify("whsec_other", header, body));
        assertEquals(-1, WebhookSignature.verify("whsec_test", header, "{\"id\":\"e2\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, WebhookSignature.verify("whsec_test", header.replace("t=1700000000", "t=1700000001"), body));
    }
}
