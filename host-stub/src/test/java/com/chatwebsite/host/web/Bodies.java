package com.chatwebsite.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Request bodies for bad-input cases: a valid body with one member replaced by exact bytes (which
 * need not be JSON a library would write: lone surrogates, 5,000-digit numbers, invalid UTF-8), or
 * removed, or duplicated.
 */
final class Bodies {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Stands for "leave the member out". */
    static final byte[] OMIT = new byte[0];

    private static final String MARK = "@@bad-input-value@@";

    private Bodies() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string literal of a text, written by the library (valid UTF-8, escaped as JSON needs). */
    static String str(String text) {
        return json(text);
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body with the member at a JSON pointer replaced by raw bytes, or left out for {@link #OMIT}.
     * Missing parent objects are created; an array index past the end appends.
     */
    static byte[] with(ObjectNode base, String pointer, byte[] raw) {
        ObjectNode copy = base.deepCopy();
        String[] parts = pointer.substring(1).split("/");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = child(parent, parts[i]);
            if (next == null || next.isNull() || next.isValueNode()) {
                next = MAPPER.createObjectNode();
                if (parent instanceof ObjectNode o) {
                    o.set(parts[i], next);
                } else {
                    ((ArrayNode) parent).add(next);
                }
            }
            parent = next;
        }
        String last = parts[parts.length - 1];
        if (raw == OMIT) {
            if (parent instanceof ObjectNode o) {
                o.remove(last);
            } else {
                ((ArrayNode) parent).remove(Integer.parseInt(last));
            }
            return utf8(json(copy));
        }
        if (parent instanceof ObjectNode o) {
            o.put(last, MARK);
        } else {
            ArrayNode a = (ArrayNode) parent;
            int index = Integer.parseInt(last);
            if (index < a.size()) {
                a.set(index, MAPPER.getNodeFactory().textNode(MARK));
            } else {
                a.add(MARK);
            }
        }
        return splice(json(copy), raw);
    }

    /** The body with the member at a pointer set to a JSON text. */
    static byte[] with(ObjectNode base, String pointer, String rawJson) {
        return with(base, pointer, utf8(rawJson));
    }

    private static JsonNode child(JsonNode parent, String part) {
        return parent.isArray() ? parent.get(Integer.parseInt(part)) : parent.get(part);
    }

    private static byte[] splice(String text, byte[] raw) {
        String quoted = "\"" + MARK + "\"";
        int at = text.indexOf(quoted);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(text.substring(0, at)));
        out.writeBytes(raw);
        out.writeBytes(utf8(text.substring(at + quoted.length())));
        return out.toByteArray();
    }

    /**
     * The body with its first member written twice ({@code {"a":1,"a":1,...}}), or, with a pointer to
     * a nested object, that object's first member written twice.
     */
    static byte[] duplicateFirstMember(ObjectNode base, String objectPointer) {
        ObjectNode target = objectPointer.isEmpty() ? base : (ObjectNode) base.at(objectPointer);
        Iterator<String> names = target.fieldNames();
        String name = names.next();
        String member = str(name) + ":" + json(target.get(name));
        String nested = "{" + member + "," + json(target).substring(1);
        if (objectPointer.isEmpty()) {
            return utf8(nested);
        }
        return with(base, objectPointer, nested);
    }

    /** {@code depth} arrays inside each other, closed or not. */
    static String deepArray(int depth, boolean closed) {
        return "[".repeat(depth) + (closed ? "]".repeat(depth) : "");
    }

    /** {@code depth} objects inside each other. */
    static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        out.append('9');
        for (int i = 1; i < count; i++) {
            out.append((char) ('0' + i % 10));
        }
        return out.toString();
    }

    /** A {@code multipart/form-data} body of (name, file name or null, content type, bytes) parts. */
    static byte[] multipart(String boundary, Object[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object[] p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(p[0]).append('"');
            if (p[1] != null) {
                head.append("; filename=\"").append(p[1]).append('"');
            }
            head.append("\r\n");
            if (p[2] != null) {
                head.append("Content-Type: ").append(p[2]).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(utf8(head.toString()));
            out.writeBytes((byte[]) p[3]);
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    /** A small PDF document. */
    static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a Windows executable. */
    static byte[] exe() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }
}
