package com.chatwebsite.plugin.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutATrustedHeaderTheSocketPeerIsTheClient() {
        assertEquals("203.0.113.7", ClientAddress.resolve("203.0.113.7", Optional.empty()));
        assertEquals("2001:db8::1", ClientAddress.resolve("[2001:DB8:0:0::1]", Optional.empty()));
    }

    @Test
    void theLastEntryOfTheTrustedHeaderIsTheOneTheProxyWrote() {
        assertEquals("198.51.100.9", ClientAddress.resolve("10.0.0.2", Optional.of("1.2.3.4, 198.51.100.9")));
        assertEquals("198.51.100.9", ClientAddress.resolve("10.0.0.2", Optional.of(" 198.51.100.9 ")));
        assertEquals("198.51.100.9", ClientAddress.resolve("10.0.0.2", Optional.of("198.51.100.9:51234")));
        assertEquals("2001:db8::7", ClientAddress.resolve("10.0.0.2", Optional.of("[2001:db8::7]:443")));
        assertEquals("2001:db8::7", ClientAddress.resolve("10.0.0.2", Optional.of("2001:db8::7")));
        assertEquals("192.0.2.60", ClientAddress.resolve("10.0.0.2",
                Optional.of("for=192.0.2.43, for=\"192.0.2.60:8080\";proto=https;by=203.0.113.43")));
        assertEquals("2001:db8:cafe::17", ClientAddress.resolve("10.0.0.2",
                Optional.of("For=\"[2001:db8:cafe::17]:4711\"")));
        assertEquals("1.2.3.4", ClientAddress.resolve("10.0.0.2", Optional.of("::ffff:1.2.3.4")));
    }

    @Test
    void aTrustedHeaderThatHoldsNoAddressFallsBackToThePeer() {
        for (String bad : new String[] {"", " , ", "unknown", "for=_hidden", "example.com", "1.2.3.4, evil",
            "999.1.1.1", "x".repeat(500), "[::1"}) {
            assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", Optional.of(bad)), bad);
        }
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.bucketKey("2001:db8:1:2:aaaa::1"));
        assertEquals(ClientAddress.bucketKey("2001:db8:1:2::1"), ClientAddress.bucketKey("2001:db8:1:2:ffff:1:2:3"));
        assertEquals("203.0.113.7", ClientAddress.bucketKey("203.0.113.7"));
        assertEquals("not-an-ip", ClientAddress.bucketKey("not-an-ip"));
    }
}
