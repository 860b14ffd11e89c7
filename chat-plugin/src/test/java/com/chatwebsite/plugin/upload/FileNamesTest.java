package com.chatwebsite.plugin.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sanitizing the file names clients send. */
class FileNamesTest {

    /** A name with no path separators, no {@code ..}, no control characters and no leading dot. */
    static void assertSafe(String name) {
        assertFalse(name.contains("/"), name);
        assertFalse(name.contains("\\"), name);
        assertFalse(name.contains(".."), name);
        assertFalse(name.startsWith("."), name);
        assertFalse(name.codePoints().anyMatch(Character::isISOControl), name);
        assertTrue(name.codePointCount(0, name.length()) <= FileNames.MAX_LENGTH, name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report.pdf                      | report.pdf",
        "../../etc/passwd.png            | passwd.png",
        "..\\..\\boot.ini                | boot.ini",
        "C:\\Users\\ada\\Desktop\\photo.JPG | photo.JPG",
        "/var/www/../../x.txt            | x.txt",
        "a..b...pdf                      | a.b.pdf",
        "'  my   file   .pdf  '          | my file.pdf",
        ".htaccess                       | file.htaccess",
        ".pdf                            | file.pdf",
        "...pdf                          | file.pdf",
        "'???.pdf'                       | file.pdf",
        "report.pdf.                     | report.pdf",
        "'report.pdf . . '               | report.pdf",
        "<script>alert(1)</script>.png   | script.png",
        "<b>alert(1)<b>.png              | balert(1)b.png",
        "r\u00e9sum\u00e9 (final) [v2]+.PDF | r\u00e9sum\u00e9 (final) [v2]+.PDF",
        "\u041e\u0442\u0447\u0451\u0442 2024.pdf | \u041e\u0442\u0447\u0451\u0442 2024.pdf",
        "\u0930\u093f\u092a\u094b\u0930\u094d\u091f.pdf | \u0930\u093f\u092a\u094b\u0930\u094d\u091f.pdf",
        "\u5831\u544a\u66f8.docx         | \u5831\u544a\u66f8.docx",
        "invoice\u202Efdp.exe            | invoicefdp.exe",
        "a:b*c?d\"e<f>g%h;i=j&k.txt      | abcdefghijk.txt",
        "CON.txt                         | _CON.txt",
        "nul.tar.gz                      | _nul.tar.gz",
        "com1                            | _com1",
        "console.txt                     | console.txt",
        "no extension here               | no extension here",
        "archive.with a space            | archive.with a space",
    })
    void sanitizes(String clientName, String expected) {
        String safe = FileNames.sanitize(clientName);
        assertEquals(expected, safe);
        assertSafe(safe);
    }

    @Test
    void decomposedAccentsAreComposedNotDropped() {
        assertEquals("re\u0301sume\u0301.pdf".length() - 2, FileNames.sanitize("re\u0301sume\u0301.pdf").length());
        assertEquals("r\u00e9sum\u00e9.pdf", FileNames.sanitize("re\u0301sume\u0301.pdf"));
    }

    @Test
    void dropsPipes() {
        assertEquals("ab.txt", FileNames.sanitize("a|b.txt"));
    }

    @Test
    void stripsControlCharacters() {
        String safe = FileNames.sanitize("evil\r\nContent-Type: text\u0000\t.png");
        assertEquals("evilContent-Type text.png", safe);
        assertSafe(safe);
    }

    @Test
    void nothingLeftGivesAnEmptyName() {
        for (String name : new String[] {null, "", "   ", "..", "../..", "..\\", "\u0000\r\n", "///", "<>:*?", "."}) {
            assertEquals("", FileNames.sanitize(name), String.valueOf(name));
        }
    }

    @Test
    void longNamesKeepTheirExtension() {
        String safe = FileNames.sanitize("a".repeat(300) + ".pdf");
        assertEquals(FileNames.MAX_LENGTH, safe.length());
        assertTrue(safe.endsWith("a.pdf"), safe);

        String letters = "\uD835\uDC00".repeat(200) + ".png"; // mathematical bold A, outside the BMP
        String safeLetters = FileNames.sanitize(letters);
        assertEquals(FileNames.MAX_LENGTH, safeLetters.codePointCount(0, safeLetters.length()));
        assertTrue(safeLetters.endsWith("\uD835\uDC00.png"), safeLetters);
    }

    @Test
    void tooLongAnExtensionIsNoExtension() {
        String safe = FileNames.sanitize("x." + "b".repeat(200));
        assertEquals(FileNames.MAX_LENGTH, safe.length());
        assertEquals("", FileNames.extension(safe));
    }

    @Test
    void extensionIsLowercaseAfterTheLastDot() {
        assertEquals("pdf", FileNames.extension("Report.PDF"));
        assertEquals("gz", FileNames.extension("a.tar.gz"));
        assertEquals("", FileNames.extension("README"));
        assertEquals("", FileNames.extension("archive.with a space"));
    }
}
