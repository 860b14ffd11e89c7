package com.chatwebsite.plugin.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small but real files of common types, built byte by byte. */
final class Samples {

    private Samples() {
    }

    /** A 1x1 PNG: the signature and an IHDR chunk with its CRC. */
    static byte[] png() {
        ByteBuffer ihdrData = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
        ihdrData.putInt(1).putInt(1).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(chunk("IHDR", ihdrData.array()));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** The start of a JFIF JPEG: SOI and an APP0 segment. */
    static byte[] jpeg() {
        return new byte[] {
            (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00,
            0x00, 0x01, 0x00, 0x01, 0x00, 0x00, (byte) 0xFF, (byte) 0xD9};
    }

    /** A GIF89a header, logical screen descriptor and trailer. */
    static byte[] gif() {
        return new byte[] {'G', 'I', 'F', '8', '9', 'a', 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, ';'};
    }

    /** A small PDF document. */
    static byte[] pdf() {
        return ascii("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    }

    /** A 512-byte Windows PE32 executable stub: DOS header, DOS stub message, PE signature and COFF header. */
    static byte[] windowsExe() {
        ByteBuffer exe = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        exe.put(0, (byte) 'M').put(1, (byte) 'Z');
        exe.putShort(0x02, (short) 0x90); // bytes on the last page
        exe.putShort(0x04, (short) 3); // pages
        exe.putShort(0x08, (short) 4); // header size in paragraphs
        exe.putShort(0x18, (short) 0x40); // relocation table offset
        exe.putInt(0x3C, 0x80); // e_lfanew
        byte[] stub = ascii("This program cannot be run in DOS mode.\r\r\n$");
        exe.put(0x4E, stub);
        exe.put(0x80, new byte[] {'P', 'E', 0, 0});
        exe.putShort(0x84, (short) 0x014C); // i386
        exe.putShort(0x86, (short) 1); // sections
        exe.putShort(0x94, (short) 0xE0); // optional header size
        exe.putShort(0x96, (short) 0x0102); // executable, 32-bit
        exe.putShort(0x98, (short) 0x010B); // PE32 optional header magic
        return exe.array();
    }

    /** A 64-bit little-endian ELF executable header. */
    static byte[] elf() {
        ByteBuffer elf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        elf.putShort(16, (short) 2); // ET_EXEC
        elf.putShort(18, (short) 0x3E); // x86-64
        elf.putInt(20, 1);
        elf.putShort(52, (short) 64); // header size
        return elf.array();
    }

    static byte[] html() {
        return ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
    }

    static byte[] svgWithScript() {
        return ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    }

    static byte[] text() {
        return "Order 1234: two chairs, one table.\nDelivered on Tuesday — thank you!\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv() {
        return ascii("name,email,city\nAda,ada@example.com,London\nBruno,bruno@example.com,Milano\n");
    }

    static byte[] shellScript() {
        return ascii("#!/bin/sh\nrm -rf \"$HOME\"\n");
    }

    /** A DOCX-like zip: {@code [Content_Types].xml} first, then {@code word/document.xml}. */
    static byte[] docx() {
        return zip("[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                        + "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                        + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body>"
                        + "</w:document>");
    }

    /** A plain zip holding one text file. */
    static byte[] zip() {
        return zip("notes.txt", "hello");
    }

    private static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = ascii(type);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length).order(ByteOrder.BIG_ENDIAN);
        chunk.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        return chunk.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
