package com.chatwebsite.plugin.web;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.settings.TextRules;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body as one JSON object of plain values ({@code Map}, {@code List}, {@code String},
 * {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean}, {@code null}), under the rules of
 * I-JSON (RFC 7493) and the plugin's limits. A body that breaks one is a {@link Problem} (400) in plain words that
 * name the rule and, where known, the member's path (such as {@code fields.email} or {@code origins[2]}) and the line
 * and column; never a parser's or a class's name.
 *
 * <ul>
 *   <li>{@code malformed_json}: not JSON, not an object, text after the object, a key twice in one object (rule
 *       {@code duplicate}), or an unpaired UTF-16 surrogate in a key or a string (rule {@code unicode});</li>
 *   <li>{@code json_limit}: nested deeper than {@value #MAX_DEPTH} levels (rule {@code depth}), a number longer than
 *       {@value #MAX_NUMBER_LENGTH} characters ({@code numberLength}), a string longer than
 *       {@value #MAX_STRING_LENGTH} characters ({@code stringLength}), a key longer than {@value #MAX_KEY_LENGTH}
 *       characters ({@code keyLength}).</li>
 * </ul>
 */
final class JsonBody {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final int MAX_KEY_LENGTH = 1_000;

    /** The limits of {@link Json#MAPPER}'s parsers, which report what they refuse as a {@link LimitExceeded}. */
    static final StreamReadConstraints LIMITS = new Limits();

    private final JsonParser parser;
    /** The path of the member being read, for the errors this reader finds itself. */
    private String at = "";

    private JsonBody(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads a body.
     *
     * @param body the bytes, UTF-8 (or UTF-16/32 with the encoding JSON allows detecting)
     * @return the object's members, in order
     * @throws Problem 400 naming what is wrong
     */
    static Map<String, Object> object(byte[] body) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            // This reader reports a repeated key itself, with its path; the mapper's own check would only say "duplicate".
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                return new JsonBody(p).root();
            } catch (LimitExceeded e) {
                // The parser checks a member's value as it reads the key before it: its context knows the path.
                throw e.problem(path(p.getParsingContext(), !e.rule.equals("keyLength")), where(p.currentLocation()));
            } catch (JsonProcessingException e) {
                if (brokenSurrogate(e)) { // the parser refuses these in keys itself; the key is not read yet
                    throw unpaired(path(p.getParsingContext(), false));
                }
                throw new Problem(400, "malformed_json", "The body is not valid JSON"
                        + where(e.getLocation() != null ? e.getLocation() : p.currentLocation()) + "."
                        + hint(e.getOriginalMessage()));
            }
        } catch (IOException e) {
            throw new Problem(400, "malformed_json", "The body is not JSON text in UTF-8.");
        }
    }

    private Map<String, Object> root() throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new Problem(400, "malformed_json", "The body must be a JSON object.");
        }
        Map<String, Object> out = object();
        if (parser.nextToken() != null) {
            throw new Problem(400, "malformed_json", "The body has more text after the JSON object"
                    + where(parser.currentTokenLocation()) + ".");
        }
        return out;
    }

    private Map<String, Object> object() throws IOException {
        String path = at;
        Map<String, Object> out = new LinkedHashMap<>();
        for (JsonToken t = next(); t != JsonToken.END_OBJECT; t = next()) {
            String key = parser.currentName();
            at = path.isEmpty() ? key : path + "." + key;
            if (TextRules.hasLoneSurrogate(key)) {
                throw unpaired(at);
            }
            if (out.containsKey(key)) {
                String shown = TextRules.printable(at);
                throw new Problem(400, "malformed_json", "The body has the key \"" + TextRules.printable(key)
                        + "\" twice in one object" + where(parser.currentTokenLocation()) + ".",
                        List.of(new FieldError(shown, "duplicate", "A key may appear only once in an object.")));
            }
            out.put(key, value(next()));
        }
        at = path;
        return out;
    }

    private List<Object> array() throws IOException {
        String path = at;
        List<Object> out = new ArrayList<>();
        for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
            at = path + "[" + out.size() + "]";
            out.add(value(t));
        }
        at = path;
        return out;
    }

    private Object value(JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return object();
            case START_ARRAY:
                return array();
            case VALUE_STRING:
                String text;
                try {
                    text = parser.getText(); // a long string is decoded here
                } catch (JsonProcessingException e) {
                    if (brokenSurrogate(e)) {
                        throw unpaired(at);
                    }
                    throw e;
                }
                if (TextRules.hasLoneSurrogate(text)) {
                    throw unpaired(at);
                }
                return text;
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new Problem(400, "malformed_json", "The body is not valid JSON"
                        + where(parser.currentTokenLocation()) + ".");
        }
    }

    /** The next token; the end of input inside the object is malformed. */
    private JsonToken next() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new Problem(400, "malformed_json", "The body ends before its JSON object does.");
        }
        return t;
    }

    private static Problem unpaired(String path) {
        String field = path.isEmpty() ? "body" : TextRules.printable(path);
        String message = "The body holds an unpaired UTF-16 surrogate, which is not text"
                + (path.isEmpty() ? "" : ", in " + field) + ".";
        return new Problem(400, "malformed_json", message, List.of(new FieldError(field, TextRules.UNICODE, message)));
    }

    /**
     * The path of the member the parser is at, such as {@code fields.email} or {@code list[2]}.
     *
     * @param context the parser's context
     * @param withMember false for the enclosing object or array only, when the member's own key is not read yet
     */
    private static String path(JsonStreamContext context, boolean withMember) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            boolean own = c == context;
            if (c.inObject() && c.getCurrentName() != null && (withMember || !own)) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0 && (withMember || !own)) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static boolean brokenSurrogate(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().toLowerCase(Locale.ROOT).contains("surrogate");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A plain-words reason for the parser's usual complaints; nothing of its own text. */
    private static String hint(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage;
        if (m.startsWith("Unexpected end-of-input")) {
            return " It ends before the JSON does.";
        }
        if (m.startsWith("Non-standard token")) {
            return " NaN and Infinity are not JSON numbers.";
        }
        if (m.startsWith("Unrecognized token")) {
            return " Strings need double quotes; the words are true, false and null.";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return " Control characters in a string must be escaped, such as \\n.";
        }
        if (m.startsWith("Unexpected character")) {
            return " A character is out of place.";
        }
        if (m.contains("UTF-8") || m.contains("UTF8")) {
            return " It is not UTF-8 text.";
        }
        if (m.contains("leading zero") || m.contains("Leading zero") || m.startsWith("Invalid numeric value")) {
            return " A number is not written as JSON writes numbers.";
        }
        return "";
    }

    /** One of the limits, broken. */
    static final class LimitExceeded extends StreamConstraintsException {

        private static final long serialVersionUID = 1L;

        final String rule;
        private final String words;

        LimitExceeded(String rule, String words) {
            super(words);
            this.rule = rule;
            this.words = words;
        }

        /**
         * The answer.
         *
         * @param path the member being read, or "" at the top
         * @param where such as " at line 1, column 9", or ""
         */
        Problem problem(String path, String where) {
            if (path.isEmpty()) {
                return new Problem(400, "json_limit", "The body holds " + words + where + ".", List.of());
            }
            String field = TextRules.printable(path);
            String message = "The body holds " + words + " in " + field + where + ".";
            return new Problem(400, "json_limit", message, List.of(new FieldError(field, rule, message)));
        }
    }

    /**
     * The plugin's limits; each broken one is a {@link LimitExceeded} in plain words. Jackson calls these checks as
     * it reads, so nothing deeper or longer is ever built.
     */
    private static final class Limits extends StreamReadConstraints {

        private static final long serialVersionUID = 1L;

        Limits() {
            super(MAX_DEPTH, -1L, MAX_NUMBER_LENGTH, MAX_STRING_LENGTH, MAX_KEY_LENGTH, -1L);
        }

        @Override
        public void validateNestingDepth(int depth) throws StreamConstraintsException {
            if (depth > MAX_DEPTH) {
                throw new LimitExceeded("depth", "JSON nested deeper than " + MAX_DEPTH + " levels");
            }
        }

        @Override
        public void validateIntegerLength(int length) throws StreamConstraintsException {
            number(length);
        }

        @Override
        public void validateFPLength(int length) throws StreamConstraintsException {
            number(length);
        }

        private static void number(int length) throws StreamConstraintsException {
            if (length > MAX_NUMBER_LENGTH) {
                throw new LimitExceeded("numberLength", "a number longer than " + MAX_NUMBER_LENGTH + " digits");
            }
        }

        @Override
        public void validateStringLength(int length) throws StreamConstraintsException {
            if (length > MAX_STRING_LENGTH) {
                throw new LimitExceeded("stringLength", "a string longer than "
                        + String.format(Locale.ROOT, "%,d", MAX_STRING_LENGTH) + " characters");
            }
        }

        @Override
        public void validateNameLength(int length) throws StreamConstraintsException {
            if (length > MAX_KEY_LENGTH) {
                throw new LimitExceeded("keyLength", "a key longer than "
                        + String.format(Locale.ROOT, "%,d", MAX_KEY_LENGTH) + " characters");
            }
        }
    }
}
