package com.chatwebsite.host.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every bad-input case expects of the answer: a {@code 4xx} (the given one, if any) with
 * {@code Content-Type: application/json}, {@code X-Content-Type-Options: nosniff} and a body in the
 * contract's error shape whose text names no library internals.
 *
 * @param status the exact status, or 0 for any {@code 4xx} but 429 (a rate limit answering in the
 *     input's place says nothing of how the input is judged)
 * @param field a field the error's {@code fields} must name (itself, or an entry or member of it such
 *     as {@code origins[0]}), or null
 * @param allow methods the {@code Allow} header must list (for 405), or empty
 */
record Refusal(int status, String field, Set<String> allow) {

    /** Words that give away the server's libraries or types. */
    static final List<String> LEAKS = List.of("com.fasterxml", "Jackson", "JsonNode", "java.lang", "JsonReadFeature",
            "Exception", "StreamReadConstraints", "org.eclipse.jetty");

    static Refusal any4xx() {
        return new Refusal(0, null, Set.of());
    }

    static Refusal status(int status) {
        return new Refusal(status, null, Set.of());
    }

    Refusal naming(String fieldName) {
        return new Refusal(status, fieldName, allow);
    }

    Refusal allowing(Set<String> methods) {
        return new Refusal(status, field, Set.copyOf(methods));
    }

    String describe() {
        StringBuilder out = new StringBuilder("a JSON ").append(status == 0 ? "4xx (not 429)" : Integer.toString(status));
        if (field != null) {
            out.append(" naming the field ").append(field);
        }
        if (!allow.isEmpty()) {
            out.append(" with Allow listing ").append(new TreeSet<>(allow));
        }
        return out.toString();
    }

    /** What is wrong with an answer; empty when it is the refusal expected. */
    List<String> problems(SuiteHttp.Answer a) {
        List<String> out = new ArrayList<>();
        if (a.failure() != null) {
            out.add("no HTTP answer: " + a.failure());
            return out;
        }
        int s = a.status();
        if (s >= 500) {
            out.add("server error " + s + " for bad input");
        } else if (s < 400) {
            out.add("status " + s + ": the bad input was not refused");
        } else if (status != 0 && s != status) {
            out.add("status " + s + " instead of " + status);
        } else if (status == 0 && s == 429) {
            out.add("429: a rate limit answered before the input itself was judged");
        }
        if (a.streamOpened()) {
            out.add("an event stream opened");
            return out;
        }
        String type = a.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            out.add("Content-Type is " + type + ", not application/json");
        }
        if (!"nosniff".equalsIgnoreCase(String.valueOf(a.header("X-Content-Type-Options")))) {
            out.add("X-Content-Type-Options is " + a.header("X-Content-Type-Options") + ", not nosniff");
        }
        String text = a.text();
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                out.add("the body names library internals (" + leak + ")");
            }
        }
        JsonNode body;
        try {
            body = Bodies.MAPPER.readTree(a.body());
        } catch (IOException e) {
            out.add("the body is not JSON");
            return out;
        }
        if (body == null || !body.isObject()) {
            out.add("the body is not a JSON object");
            return out;
        }
        if (!nonEmptyText(body.get("error"))) {
            out.add("no \"error\" code");
        }
        if (!nonEmptyText(body.get("message"))) {
            out.add("no \"message\" sentence");
        }
        JsonNode fields = body.get("fields");
        if (fields != null && !fields.isNull()) {
            if (!fields.isArray()) {
                out.add("\"fields\" is not an array");
            } else {
                for (JsonNode f : fields) {
                    if (!f.isObject() || !nonEmptyText(f.get("field")) || !nonEmptyText(f.get("rule"))
                            || !nonEmptyText(f.get("message"))) {
                        out.add("a \"fields\" entry lacks field, rule or message: " + f);
                    }
                }
            }
        }
        if (field != null && !names(fields, field)) {
            out.add("\"fields\" does not name " + field);
        }
        if (!allow.isEmpty()) {
            String header = a.headerValues("Allow").stream().reduce((x, y) -> x + "," + y).orElse(null);
            if (header == null) {
                out.add("no Allow header");
            } else {
                Set<String> listed = new TreeSet<>();
                for (String m : header.split(",")) {
                    listed.add(m.trim().toUpperCase(Locale.ROOT));
                }
                if (!listed.containsAll(allow)) {
                    out.add("Allow is \"" + header + "\", not all of " + new TreeSet<>(allow));
                }
            }
        }
        return out;
    }

    private static boolean nonEmptyText(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank();
    }

    private static boolean names(JsonNode fields, String name) {
        if (fields == null || !fields.isArray()) {
            return false;
        }
        for (JsonNode f : fields) {
            String given = f.path("field").asText("");
            if (given.equals(name) || given.startsWith(name + "[") || given.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }
}
