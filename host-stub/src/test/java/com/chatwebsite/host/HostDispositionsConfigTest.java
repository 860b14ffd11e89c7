package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HOST_DISPOSITIONS and HOST_TRUSTED_PROXY_HEADER as the host reads them. */
class HostDispositionsConfigTest {

    @Test
    void withoutTheVariableAgentsHaveTheDefaultDispositions() {
        assertEquals(List.of("Solved", "Unsolved", "Spam", "Transferred"),
                HostConfig.fromEnvironment(Map.of()).dispositions());
    }

    @Test
    void theVariableIsACommaListInOrderWithoutRepeats() {
        HostConfig c = HostConfig.fromEnvironment(Map.of("HOST_DISPOSITIONS", " Sale , Not solved,Sale,,Callback "));
        assertEquals(List.of("Sale", "Not solved", "Callback"), c.dispositions());
    }

    @Test
    void aSystemDispositionOrOddCharactersAreRefusedAtStart() {
        for (String value : List.of("Solved,Timeout", "CustomerClosed", "Solved,<b>", "Sol\u202Eved", ",,")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HostConfig.fromEnvironment(Map.of("HOST_DISPOSITIONS", value)), value);
            assertTrue(e.getMessage().contains("HOST_DISPOSITIONS"), e.getMessage());
        }
    }

    @Test
    void theTrustedProxyHeaderIsUnsetByDefaultAndMustBeAHeaderName() {
        assertEquals(Optional.empty(), HostConfig.fromEnvironment(Map.of()).trustedProxyHeader());
        assertEquals(Optional.of("X-Forwarded-For"),
                HostConfig.fromEnvironment(Map.of("HOST_TRUSTED_PROXY_HEADER", "X-Forwarded-For")).trustedProxyHeader());
        assertThrows(IllegalArgumentException.class,
                () -> HostConfig.fromEnvironment(Map.of("HOST_TRUSTED_PROXY_HEADER", "X Forwarded: for")));
    }
}
