package com.chatwebsite.plugin.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.settings.FieldError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which characters one line, several lines and e-mail addresses may hold. */
class TextRulesTest {

    private static String rule(Optional<FieldError> e) {
        return e.map(FieldError::rule).orElse("ok");
    }

    @Test
    void oneLineRefusesEveryControlBidiControlAndBrokenCharacter() {
        String[][] cases = {
            {"Ada\u0000", "control"}, {"Ada\tLovelace", "control"}, {"Ada\nBcc: x", "control"}, {"Ada\r", "control"},
            {"\u001bAda", "control"}, {"Ada\u007f", "control"}, {"Ada\u0085", "control"}, {"Ada\u009b", "control"},
            {"Ada\u2028", "control"}, {"Ada\u2029", "control"},
            {"Shop\u202e", "bidi"}, {"\u202aShop", "bidi"}, {"Shop\u202d", "bidi"}, {"Shop\u2066x\u2069", "bidi"},
            {"x\ud800y", "unicode"}, {"x\udc00", "unicode"}, {"\ude00\ud83d", "unicode"},
            {"Ada Lovelace", "ok"}, {"José Müller", "ok"}, {"שלום\u200f", "ok"}, {"\u200eShop", "ok"},
            {"Ada \ud83d\ude00", "ok"}, {"", "ok"},
        };
        for (String[] c : cases) {
            Optional<FieldError> e = TextRules.line("name", "Name", c[0]);
            assertEquals(c[1], rule(e), c[0]);
            e.ifPresent(error -> {
                assertEquals("name", error.field());
                assertTrue(error.message().startsWith("Name "), error.message());
            });
        }
    }

    @Test
    void severalLinesAllowTabsLineBreaksAndBidiButNoOtherControl() {
        String[][] cases = {
            {"Line 1\nLine 2\r\n\tindented", "ok"}, {"\u202eright to left", "ok"}, {"\u2028", "ok"},
            {"nul\u0000", "control"}, {"bell\u0007", "control"}, {"esc\u001b[31m", "control"}, {"\u0085", "control"},
            {"\u007f", "control"}, {"x\ud800", "unicode"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], rule(TextRules.multiline("text", "The message", c[0])), c[0]);
        }
    }

    @Test
    void controlCharactersAreNamedByCodePoint() {
        assertTrue(TextRules.line("f", "F", "a\u0007").orElseThrow().message().contains("U+0007"));
        assertTrue(TextRules.line("f", "F", "a\u202e").orElseThrow().message().contains("U+202E"));
    }

    @Test
    void unpairedSurrogatesAreFoundAndMadePrintable() {
        assertTrue(TextRules.hasLoneSurrogate("a\ud800"));
        assertTrue(TextRules.hasLoneSurrogate("\udc00a"));
        assertFalse(TextRules.hasLoneSurrogate("a\ud83d\ude00b"));
        assertEquals("a\uFFFDb\ud83d\ude00\uFFFD", TextRules.printable("a\ud800b\ud83d\ude00\udc00"));
    }

    @Test
    void eMailAddressesHoldNoFormatSpaceOrControlCharacter() {
        assertTrue(SettingsValidator.isEmail("ada@example.com"));
        for (String bad : List.of("ada\u202e@example.com", "ada@exa\u202emple.com", "ada\u200b@example.com",
                "ada@example.com\u200f", "ada\u00a0@example.com", "ada\ud800@example.com", "ada@example.com\n")) {
            assertFalse(SettingsValidator.isEmail(bad), bad);
        }
    }

    @Test
    void webUrlsAreHttpOrHttpsWithAValidPort() {
        assertTrue(SettingsValidator.isHttpUrl("http://shop.example.com/cart?x=1"));
        assertTrue(SettingsValidator.isHttpUrl("https://shop.example.com:65535/"));
        for (String bad : List.of("javascript:alert(1)", "data:text/html,hi", "ftp://example.com/", "/relative",
                "https://shop.example.com:99999/", "https://shop.example.com:0/", "https:///path", "")) {
            assertFalse(SettingsValidator.isHttpUrl(bad), bad);
        }
        assertTrue(SettingsValidator.isHttpsUrl("https://cdn.example.com/logo.png"));
        assertFalse(SettingsValidator.isHttpsUrl("http://cdn.example.com/logo.png"));
    }
}
