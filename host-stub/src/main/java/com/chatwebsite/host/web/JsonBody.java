package com.chatwebsite.host.web;

import com.chatwebsite.api.settings.FieldError;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body read as a JSON object, token by token, so every refusal is a 400 in our words:
 * where it is (line and column, or the field's path) and which rule it breaks.
 */
final class JsonBody {

    private static final Pattern CHARACTER_CODE = Pattern.compile("\\(code (\\d+)\\)");

    private final JsonParser parser;

    private JsonBody(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Parses a whole body that must be one JSON object.
     *
     * @param factory the factory with the read constraints
     * @param body the bytes
     * @return the object's members
     * @throws HttpError 400 {@code malformed_json}
     */
    static Map<String, Object> object(JsonFactory factory, byte[] body) {
        try (JsonParser parser = factory.createParser(body)) {
            JsonBody reader = new JsonBody(parser);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw HttpError.badRequest("malformed_json", "The body must be a JSON object.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) reader.value("");
            if (parser.nextToken() != null) {
                throw HttpError.badRequest("malformed_json", "Malformed JSON" + at(parser.currentLocation())
                        + ": there is more after the object.");
            }
            return out;
        } catch (StreamConstraintsException e) {
            throw HttpError.badRequest("json_limit", "The JSON" + at(e.getLocation()) + " " + limit(e) + ".");
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("malformed_json", "Malformed JSON" + at(e.getLocation()) + ": "
                    + problem(e) + ".");
        } catch (CharConversionException e) {
            throw HttpError.badRequest("malformed_json", "The body is not valid UTF-8.");
        } catch (IOException e) {
            throw HttpError.badRequest("malformed_json", "The body could not be read as JSON.");
        }
    }

    /** The value at the current token; {@code path} names it in errors. */
    private Object value(String path) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String memberPath = path.isEmpty() ? name : path + "." + name;
                    text(name, memberPath, "key");
                    if (members.containsKey(name)) {
                        throw refused(memberPath, "duplicate", memberPath + " appears twice in one object.");
                    }
                    parser.nextToken();
                    members.put(name, value(memberPath));
                }
                return members;
            }
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(path + "[" + items.size() + "]"));
                }
                return items;
            }
            case VALUE_STRING -> {
                return text(parser.getText(), path, "value");
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw HttpError.badRequest("malformed_json", "Malformed JSON"
                    + at(parser.currentLocation()) + ".");
        }
    }

    /** Refuses text with half of a UTF-16 surrogate pair, such as a lone high surrogate. */
    private static String text(String value, String path, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw refused(path, "unicode", "The " + what + " of " + (path.isEmpty() ? "the body" : path)
                        + " has half of a UTF-16 surrogate pair at character " + i + "; send whole characters.");
            }
        }
        return value;
    }

    private static HttpError refused(String path, String rule, String message) {
        return new HttpError(400, "malformed_json", message, List.of(new FieldError(path, rule, message)));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Which read limit a document passed, from the wording of the library's message. */
    private static String limit(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Document nesting depth")) {
            return "is nested more than " + HostJson.MAX_DEPTH + " levels deep";
        }
        if (m.startsWith("Number value length") || m.contains("magnitude")) {
            return "has a number longer than " + HostJson.MAX_NUMBER_LENGTH + " characters";
        }
        if (m.startsWith("String value length")) {
            return "has a string longer than " + HostJson.MAX_STRING_LENGTH + " characters";
        }
        if (m.startsWith("Name length")) {
            return "has a key longer than " + HostJson.MAX_NAME_LENGTH + " characters";
        }
        return "is larger than this server reads";
    }

    /** The syntax error in plain words, from the kind and wording of the library's message. */
    private static String problem(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "it ends before the JSON is complete";
        }
        String m = String.valueOf(e.getOriginalMessage());
        if (!(e instanceof JsonParseException)) {
            return "it is not valid JSON";
        }
        if (m.startsWith("Unexpected character") || m.startsWith("Unexpected close marker")) {
            Matcher code = CHARACTER_CODE.matcher(m);
            return code.find() ? "unexpected character U+" + String.format("%04X", Integer.parseInt(code.group(1)))
                    : "unexpected character";
        }
        if (m.contains("surrogate")) {
            return "a key or string has half of a UTF-16 surrogate pair";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a control character in a string must be escaped";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "unknown escape after a backslash";
        }
        if (m.startsWith("Invalid UTF-8") || m.contains("UTF-8")) {
            return "the body is not valid UTF-8";
        }
        if (m.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (m.contains("Leading zeroes") || m.contains("numeric value") || m.contains("number")) {
            return "malformed number";
        }
        if (m.startsWith("Unrecognized token")) {
            return "a word that is not true, false or null";
        }
        return "it is not valid JSON";
    }
}
