package com.chatwebsite.plugin.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading, printing and querying the accept setting of an attachment field. */
class AcceptSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ".pdf                                   | .pdf",
        ".PDF , Image/*                          | .pdf,image/*",
        "' .pdf,image/*\t, .docx '              | .pdf,image/*,.docx",
        "audio/*,video/*,image/*                 | audio/*,video/*,image/*",
        "text/csv,.csv                           | text/csv,.csv",
        "Application/VND.openxmlformats-officedocument.wordprocessingml.document | "
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/svg+xml,.tar-gz,.c++,.my_ext      | image/svg+xml,.tar-gz,.c++,.my_ext",
        ".pdf,.PDF,application/pdf,.pdf          | .pdf,application/pdf",
    })
    void parsesToCanonicalText(String accept, String canonical) {
        AcceptSpec spec = AcceptSpec.parse(accept);
        assertEquals(canonical, spec.text());
        assertEquals(canonical, spec.toString());
        assertEquals(spec, AcceptSpec.parse(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", " \t\n ", ",", ".pdf,", ",.pdf", ".pdf,,image/*", ".pdf, ,image/*",
        "*", "*/*", "application/*", "text/*", "font/*", "*/png",
        ".p df", "image /png", "image/ png", ".pdf .png", "image/png\u00a0x",
        "pdf", ".", "..pdf", ".p$f", ".pdf.", ".pdf/x",
        "image/", "/png", "image//png", "image/png/x", "image/png;q=1", "text/plain; charset=utf-8",
        "ima\u0000ge/png", "image/p\u00e9ng", "-image/png",
    })
    void refusesInvalidValues(String accept) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(accept));
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), "no control characters in: " + e.getMessage());
    }

    @Test
    void stripsAsciiWhitespaceAroundEachSpecifier() {
        assertEquals(".pdf,image/*,.docx", AcceptSpec.parse("\n .pdf\r\n,\timage/*\f, .docx\n").text());
    }

    @Test
    void refusesNull() {
        assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(null));
    }

    @Test
    void messagesNameTheProblem() {
        assertEquals("No file type is listed; list at least one, for example .pdf or image/*.",
                assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(" ")).getMessage());
        assertEquals("File type 2 of 3 is empty; remove the extra comma.",
                assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(".pdf,,.png")).getMessage());
        assertEquals("\"application/*\" is not allowed: only image/*, audio/* and video/* may use a wildcard.",
                assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse("application/*")).getMessage());
        assertEquals("\"*/*\" would accept any file; list the file types you want, for example .pdf,image/*.",
                assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(".pdf,*/*")).getMessage());
        assertEquals("\".p df\" contains a space; separate file types with commas.",
                assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(".p df")).getMessage());
        assertEquals("\"pdf\" is neither an extension such as .pdf nor a MIME type such as image/png.",
                assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse("pdf")).getMessage());
    }

    @Test
    void longTokensAreShortenedInMessages() {
        String longToken = "x".repeat(300);
        String message = assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(longToken)).getMessage();
        assertTrue(message.length() < 150, message);
    }

    @Test
    void acceptsAtMostFiftySpecifiers() {
        String fifty = String.join(",", Collections.nCopies(50, ".pdf"));
        assertEquals(".pdf", AcceptSpec.parse(fifty).text());
        String message = assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(fifty + ",.png"))
                .getMessage();
        assertEquals("At most 50 file types may be listed, not 51.", message);
    }

    @Test
    void constructorNormalizesAndChecksToo() {
        assertEquals(AcceptSpec.parse(".pdf,image/*"), new AcceptSpec(List.of(" .PDF ", "IMAGE/*", ".pdf")));
        assertThrows(IllegalArgumentException.class, () -> new AcceptSpec(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new AcceptSpec(List.of("*/*")));
        assertThrows(IllegalArgumentException.class, () -> new AcceptSpec(List.of(".pdf", "")));
        assertThrows(UnsupportedOperationException.class, () -> AcceptSpec.parse(".pdf").specifiers().add(".exe"));
    }

    @Test
    void explicitlyAllowsOnlyExactNames() {
        AcceptSpec wildcard = AcceptSpec.parse("image/*,.pdf");
        assertFalse(wildcard.explicitlyAllows("image/svg+xml", "svg"));
        assertFalse(wildcard.explicitlyAllows("image/png", "png"));
        assertTrue(wildcard.explicitlyAllows(null, "pdf"));
        assertTrue(wildcard.explicitlyAllows(null, ".PDF"));
        assertFalse(wildcard.explicitlyAllows("image/*", null));

        AcceptSpec svgByType = AcceptSpec.parse("image/svg+xml");
        assertTrue(svgByType.explicitlyAllows("image/svg+xml", null));
        assertTrue(svgByType.explicitlyAllows("Image/SVG+XML", "txt"));
        assertFalse(svgByType.explicitlyAllows(null, "svg"));

        AcceptSpec svgByExtension = AcceptSpec.parse(".svg");
        assertTrue(svgByExtension.explicitlyAllows("image/svg+xml", "svg"));
        assertTrue(svgByExtension.explicitlyAllows(null, ".svg"));
        assertFalse(svgByExtension.explicitlyAllows("image/svg+xml", null));
        assertFalse(svgByExtension.explicitlyAllows("image/svg+xml", ""));
    }
}
