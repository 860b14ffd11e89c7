package com.chatwebsite.plugin.upload;

import com.chatwebsite.plugin.form.AcceptSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checking uploaded files, spoofed and genuine, against an attachment field's accepted types. */
class FileTypeGuardTest {

    private static final FileTypeGuard GUARD = new FileTypeGuard();

    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    /** Writes the bytes under a neutral name on disk; the guard sees only {@code clientName}. */
    private Verdict check(String accept, String clientName, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("upload-" + files.incrementAndGet()), content);
        return GUARD.check(AcceptSpec.parse(accept), clientName, file);
    }

    private static void assertRefused(Verdict verdict, String detectedType) {
        assertFalse(verdict.accepted(), verdict.toString());
        assertEquals(detectedType, verdict.detectedType(), verdict.toString());
        assertFalse(verdict.reason().isBlank());
        assertFalse(verdict.inlineSafe());
    }

    private static void assertAccepted(Verdict verdict, String detectedType, String safeFileName) {
        assertTrue(verdict.accepted(), verdict.toString());
        assertEquals(detectedType, verdict.detectedType());
        assertEquals(safeFileName, verdict.safeFileName());
        assertEquals("", verdict.reason());
    }

    // Spoofed files

    @Test
    void exeRenamedPdfIsRefused() throws IOException {
        Verdict verdict = check(".pdf", "invoice.pdf", Samples.windowsExe());
        assertRefused(verdict, "application/x-msdownload");
        assertEquals("The file's content is application/x-msdownload, a program or script, which is never accepted.",
                verdict.reason());
        assertEquals("invoice.pdf", verdict.safeFileName());
    }

    @Test
    void htmlRenamedPngIsRefused() throws IOException {
        Verdict verdict = check("image/*", "photo.png", Samples.html());
        assertRefused(verdict, "text/html");
        assertEquals("The file's content is text/html, which this field does not accept.", verdict.reason());
    }

    @Test
    void svgIsRefusedByAnImageWildcard() throws IOException {
        assertRefused(check("image/*", "logo.svg", Samples.svgWithScript()), "image/svg+xml");
        assertRefused(check("image/*", "logo.png", Samples.svgWithScript()), "image/svg+xml");
        assertRefused(check("image/*,.png", "logo.png", Samples.svgWithScript()), "image/svg+xml");
    }

    @Test
    void svgNamedExactlyIsAcceptedButOnlyAsADownload() throws IOException {
        for (String accept : List.of("image/svg+xml", ".svg", "image/*,.svg")) {
            Verdict verdict = check(accept, "logo.svg", Samples.svgWithScript());
            assertAccepted(verdict, "image/svg+xml", "logo.svg");
            assertFalse(verdict.inlineSafe());
        }
    }

    @Test
    void svgExtensionNeedsExplicitAcceptanceWhateverTheContent() throws IOException {
        Verdict verdict = check("image/*,text/plain,.txt", "logo.svg", Samples.text());
        assertRefused(verdict, "text/plain");
        assertEquals("Files ending in .svg are not accepted by this field.", verdict.reason());
    }

    @Test
    void htmlNeedsExplicitAcceptance() throws IOException {
        assertRefused(check(".txt", "notes.txt", Samples.html()), "text/html");
        assertRefused(check("text/plain", "notes.txt", Samples.html()), "text/html");
        assertRefused(check(".txt", "page.html", Samples.text()), "text/plain");

        Verdict byType = check("text/html", "page.html", Samples.html());
        assertAccepted(byType, "text/html", "page.html");
        assertFalse(byType.inlineSafe());
        assertAccepted(check("text/html", "page.htm", Samples.html()), "text/html", "page.htm");
        assertAccepted(check(".htm", "page.htm", Samples.html()), "text/html", "page.htm");
        assertRefused(check(".html", "page.htm", Samples.html()), "text/html");
    }

    @Test
    void pngNamedPdfDisagrees() throws IOException {
        Verdict verdict = check(".pdf,image/*", "doc.pdf", Samples.png());
        assertRefused(verdict, "image/png");
        assertEquals("The file's name ends in .pdf, but its content is image/png.", verdict.reason());
    }

    @Test
    void pdfNamedPngDisagrees() throws IOException {
        assertRefused(check(".pdf,image/*", "scan.png", Samples.pdf()), "application/pdf");
    }

    @Test
    void programsAreRefusedWhateverTheFieldAccepts() throws IOException {
        String broad = ".exe,.sh,.elf,.bin,.pdf,.txt,application/x-msdownload,application/x-dosexec,"
                + "application/x-executable,application/x-sh,application/octet-stream,image/*,audio/*,video/*";
        for (String name : List.of("setup.exe", "setup.pdf", "setup.bin", "setup", "")) {
            assertRefused(check(broad, name, Samples.windowsExe()), "application/x-msdownload");
            assertRefused(check(broad, name, Samples.elf()), "application/x-executable");
        }
        assertRefused(check(broad, "notes.txt", Samples.shellScript()), "application/x-sh");
        assertRefused(check(".jar,application/java-archive,application/zip", "app.jar", Samples.zip()),
                "application/zip");
        assertRefused(check(".sh", "run.sh", Samples.text()), "text/plain");
        assertRefused(check(".bat,.cmd", "run.bat", Samples.text()), "text/plain");
        for (String anything : List.of("*", "*/*", "application/*", "*/*,.pdf")) {
            assertThrows(IllegalArgumentException.class, () -> AcceptSpec.parse(anything));
        }
    }

    @Test
    void elfRenamedPdfIsRefused() throws IOException {
        assertRefused(check(".pdf", "report.pdf", Samples.elf()), "application/x-executable");
    }

    @Test
    void otherMismatchesAreRefused() throws IOException {
        assertRefused(check(".docx", "letter.docx", Samples.windowsExe()), "application/x-msdownload");
        assertRefused(check(".pdf", "report.pdf", Samples.zip()), "application/zip");
        assertRefused(check(".pdf", "report.pdf", Samples.text()), "text/plain");
        assertRefused(check(".txt", "notes.txt", Samples.png()), "image/png");
        assertRefused(check("image/jpeg", "photo.jpg", Samples.png()), "image/png");
        assertRefused(check(".docx", "letter.docx", Samples.pdf()), "application/pdf");
        assertRefused(check(".csv", "data.csv", Samples.gif()), "image/gif");
    }

    @Test
    void extensionMustBeAccepted() throws IOException {
        Verdict verdict = check("image/*", "report.pdf", Samples.pdf());
        assertRefused(verdict, "application/pdf");
        assertEquals("Files ending in .pdf are not accepted by this field.", verdict.reason());
    }

    @Test
    void contentMustBeAccepted() throws IOException {
        Verdict verdict = check("text/plain", "notes.txt", Samples.pdf());
        assertRefused(verdict, "application/pdf");
        assertEquals("The file's content is application/pdf, which this field does not accept.", verdict.reason());
    }

    @Test
    void nameWithoutExtensionIsRefused() throws IOException {
        Verdict verdict = check("image/*", "photo", Samples.png());
        assertRefused(verdict, "image/png");
        assertEquals("The file name has no extension, such as .pdf, so its type cannot be checked.", verdict.reason());
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Verdict verdict = check(".txt", "notes.txt", new byte[0]);
        assertRefused(verdict, "application/octet-stream");
        assertEquals("The file is empty.", verdict.reason());
    }

    @Test
    void unknownContentIsRefusedForAKnownExtension() throws IOException {
        byte[] noise = {0x13, 0x37, 0x00, 0x01, (byte) 0xFE, 0x00, 0x42, 0x00, 0x07, 0x00};
        assertRefused(check(".pdf,.docx,image/*", "report.pdf", noise), "application/octet-stream");
        assertRefused(check(".pdf,.docx,image/*", "letter.docx", noise), "application/octet-stream");
    }

    // Hostile names

    @Test
    void hostileNamesAreSanitized() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("../../etc/passwd.png", "passwd.png");
        names.put("..\\..\\boot.ini", "boot.ini");
        names.put("..\\..\\photo.png", "photo.png");
        names.put("ph\r\noto\u0000.png", "photo.png");
        names.put("\u0000\r\n.png", "file.png");
        names.put("../", "file.png");
        names.put("", "file.png");
        names.put(null, "file.png");
        for (Map.Entry<String, String> name : names.entrySet()) {
            Verdict verdict = check("image/*", name.getKey(), Samples.png());
            assertEquals(name.getValue(), verdict.safeFileName(), String.valueOf(name.getKey()));
            FileNamesTest.assertSafe(verdict.safeFileName());
            assertEquals(!name.getValue().equals("boot.ini"), verdict.accepted(), verdict.toString());
        }
    }

    @Test
    void emptyNameFallsBackOnTheDetectedType() throws IOException {
        assertEquals("file.pdf", check(".pdf", "///", Samples.pdf()).safeFileName());
        assertEquals("file.txt", check(".txt", "..", Samples.text()).safeFileName());
        assertEquals("file", check(".docx", "", Samples.docx()).safeFileName());
        assertEquals("file.dll", check(".pdf", "", Samples.windowsExe()).safeFileName());
    }

    // Genuine files

    @Test
    void pdfIsAccepted() throws IOException {
        Verdict verdict = check(".pdf", "report.pdf", Samples.pdf());
        assertAccepted(verdict, "application/pdf", "report.pdf");
        assertTrue(verdict.inlineSafe());
        assertAccepted(check("application/pdf", "Report 2024.PDF", Samples.pdf()), "application/pdf",
                "Report 2024.PDF");
    }

    @Test
    void imagesAreAcceptedWhateverTheCaseOfTheExtension() throws IOException {
        Verdict png = check("image/*", "a.PNG", Samples.png());
        assertAccepted(png, "image/png", "a.PNG");
        assertTrue(png.inlineSafe());

        Verdict jpeg = check("image/jpeg", "photo.jpeg", Samples.jpeg());
        assertAccepted(jpeg, "image/jpeg", "photo.jpeg");
        assertTrue(jpeg.inlineSafe());
        assertAccepted(check("image/jpeg", "photo.JPG", Samples.jpeg()), "image/jpeg", "photo.JPG");
        assertAccepted(check(".jpg,.jpeg", "photo.jpeg", Samples.jpeg()), "image/jpeg", "photo.jpeg");

        Verdict gif = check(".gif", "anim.gif", Samples.gif());
        assertAccepted(gif, "image/gif", "anim.gif");
        assertTrue(gif.inlineSafe());
    }

    @Test
    void textFilesAreAcceptedAsDownloads() throws IOException {
        Verdict text = check(".txt", "notes.txt", Samples.text());
        assertAccepted(text, "text/plain", "notes.txt");
        assertFalse(text.inlineSafe());
        assertAccepted(check("text/plain", "notes.txt", Samples.text()), "text/plain", "notes.txt");
        assertAccepted(check(".md", "README.md", Samples.text()), "text/plain", "README.md");
        assertAccepted(check(".log", "server.log", Samples.text()), "text/plain", "server.log");
    }

    @Test
    void csvIsAcceptedThoughDetectedAsPlainText() throws IOException {
        assertAccepted(check("text/csv,.csv", "contacts.csv", Samples.csv()), "text/plain", "contacts.csv");
        assertAccepted(check("text/csv", "contacts.csv", Samples.csv()), "text/plain", "contacts.csv");
        assertAccepted(check(".csv", "contacts.CSV", Samples.csv()), "text/plain", "contacts.CSV");
        assertRefused(check(".csv", "contacts.txt", Samples.csv()), "text/plain");
    }

    @Test
    void docxIsAccepted() throws IOException {
        Verdict verdict = check(".docx", "letter.docx", Samples.docx());
        assertAccepted(verdict, "application/x-tika-ooxml", "letter.docx");
        assertFalse(verdict.inlineSafe());
        assertAccepted(check("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "letter.docx", Samples.docx()), "application/x-tika-ooxml", "letter.docx");
        assertAccepted(check(".xlsx,.pptx", "sheet.xlsx", Samples.docx()), "application/x-tika-ooxml", "sheet.xlsx");
        // tika-core cannot look inside a zip: any zip passes for an OOXML extension.
        assertAccepted(check(".docx", "letter.docx", Samples.zip()), "application/zip", "letter.docx");
        assertRefused(check(".zip", "letter.docx", Samples.docx()), "application/x-tika-ooxml");
    }

    @Test
    void zipIsAcceptedAsZip() throws IOException {
        assertAccepted(check(".zip", "notes.zip", Samples.zip()), "application/zip", "notes.zip");
        assertAccepted(check("application/zip", "letter.zip", Samples.docx()), "application/x-tika-ooxml",
                "letter.zip");
    }

    @Test
    void anExtensionTikaDoesNotKnowIsTakenAsListed() throws IOException {
        assertAccepted(check(".dat", "export.dat", Samples.csv()), "text/plain", "export.dat");
        assertRefused(check(".dat", "export.dat", Samples.windowsExe()), "application/x-msdownload");
        assertRefused(check(".dat", "export.dat", Samples.svgWithScript()), "image/svg+xml");
        assertRefused(check("image/*", "export.dat", Samples.png()), "image/png");
    }

    // Detection

    @Test
    void detectionNeverTrustsTheName() throws IOException {
        Map<String, byte[]> samples = new LinkedHashMap<>();
        samples.put("image/png", Samples.png());
        samples.put("image/jpeg", Samples.jpeg());
        samples.put("image/gif", Samples.gif());
        samples.put("application/pdf", Samples.pdf());
        samples.put("application/x-msdownload", Samples.windowsExe());
        samples.put("application/x-executable", Samples.elf());
        samples.put("text/html", Samples.html());
        samples.put("image/svg+xml", Samples.svgWithScript());
        samples.put("text/plain", Samples.text());
        samples.put("application/x-tika-ooxml", Samples.docx());
        samples.put("application/zip", Samples.zip());
        samples.put("application/x-sh", Samples.shellScript());
        List<String> names = List.of("a.pdf", "a.png", "a.jpg", "a.html", "a.svg", "a.exe", "a.txt", "a.docx",
                "noext", "");
        for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
            for (String name : names) {
                assertEquals(sample.getKey(), check(".pdf", name, sample.getValue()).detectedType(), name);
            }
        }
        assertEquals("text/plain", check(".csv", "a.csv", Samples.csv()).detectedType());
    }

    @Test
    void detectionIgnoresTheNameOnDiskToo() throws IOException {
        Path exeNamedPdf = Files.write(dir.resolve("stored.pdf"), Samples.windowsExe());
        assertRefused(GUARD.check(AcceptSpec.parse(".pdf"), "invoice.pdf", exeNamedPdf), "application/x-msdownload");
        Path pngNamedHtml = Files.write(dir.resolve("stored.html"), Samples.png());
        assertAccepted(GUARD.check(AcceptSpec.parse("image/*"), "a.png", pngNamedHtml), "image/png", "a.png");
    }

    @Test
    void largeFileIsCheckedFromItsFirstBytes() throws IOException {
        Path big = dir.resolve("big");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < 160; i++) {
                out.write(zeros);
            }
        }
        assertTrue(Files.size(big) > 10_000_000);
        assertAccepted(GUARD.check(AcceptSpec.parse(".pdf"), "big.pdf", big), "application/pdf", "big.pdf");

        long[] read = {0};
        try (InputStream counting = new FilterInputStream(Files.newInputStream(big)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                read[0] += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                read[0] += Math.max(n, 0);
                return n;
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        }) {
            assertAccepted(GUARD.check(AcceptSpec.parse(".pdf"), "big.pdf", counting), "application/pdf", "big.pdf");
        }
        assertTrue(read[0] <= 128 * 1024, "read " + read[0] + " bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"})
    void onlyAcceptedRasterImagesAndPdfAreInlineSafe(String type) {
        assertTrue(new Verdict(true, type, "a", "").inlineSafe());
        assertFalse(new Verdict(false, type, "a", "Refused.").inlineSafe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/svg+xml", "text/html", "application/xhtml+xml", "text/plain",
        "application/x-tika-ooxml", "application/octet-stream", "image/bmp"})
    void everythingElseIsADownload(String type) {
        assertFalse(new Verdict(true, type, "a", "").inlineSafe());
    }

    @Test
    void verdictNeedsAReasonExactlyWhenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Verdict(true, "image/png", "a.png", "Because."));
        assertThrows(IllegalArgumentException.class, () -> new Verdict(false, "image/png", "a.png", " "));
        assertThrows(NullPointerException.class, () -> new Verdict(true, null, "a.png", ""));
    }
}
