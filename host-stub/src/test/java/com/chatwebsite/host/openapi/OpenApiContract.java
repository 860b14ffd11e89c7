package com.chatwebsite.host.openapi;

import com.chatwebsite.host.HttpExchanges.Exchange;
import com.chatwebsite.host.HttpExchanges.StreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document as a contract to check HTTP exchanges against: finds the operation of a
 * request by method and path template, and validates its JSON bodies with the JSON Schema
 * (2020-12, OpenAPI 3.1 dialect) the document gives for them.
 */
final class OpenApiContract {

    /** The checked-in document, relative to the repository's root. */
    static final String CHECKED_IN = "docs/openapi.json";
    private static final String IRI = "https://openapi.chat-website.invalid/openapi.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * An operation of the document.
     *
     * @param method lower case
     * @param template the path template
     * @param node the operation object
     */
    record Operation(String method, String template, JsonNode node) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    private final JsonNode doc;
    private final SchemaRegistry registry;
    private final Map<JsonNode, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(String text) {
        this.doc = parse(text);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                b -> b.schemas(Map.of(IRI, text)));
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: the parent of the module folder Maven runs the tests in. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }

    static String checkedIn() {
        try {
            return Files.readString(repositoryRoot().resolve(CHECKED_IN), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(CHECKED_IN + " cannot be read", e);
        }
    }

    JsonNode document() {
        return doc;
    }

    /** Every operation, in the document's order. */
    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> {
            for (String m : METHODS) {
                if (p.getValue().has(m)) {
                    out.add(new Operation(m, p.getKey(), p.getValue().get(m)));
                }
            }
        });
        return out;
    }

    /**
     * The operation a request is for: the path template that matches with the most literal
     * segments, as the host's route table picks it.
     */
    Optional<Operation> find(String method, String rawPath) {
        String[] path = rawPath.substring(1).split("/", -1);
        Operation best = null;
        int bestLiterals = -1;
        for (Operation op : operations()) {
            if (!op.method().equalsIgnoreCase(method)) {
                continue;
            }
            String[] t = op.template().substring(1).split("/", -1);
            if (t.length != path.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < t.length && matches; i++) {
                if (t[i].startsWith("{") && t[i].endsWith("}")) {
                    matches = !path[i].isEmpty();
                } else {
                    matches = t[i].equals(path[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = op;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * What is wrong with an exchange, judged by the document: an unknown operation, an
     * undocumented status or content type, a body its schema refuses (the request's only when
     * the answer was 2xx), a required query parameter missing from a request that succeeded.
     */
    List<String> problems(Exchange x) {
        List<String> out = new ArrayList<>();
        Optional<Operation> found = find(x.method(), x.uri().getRawPath());
        if (found.isEmpty()) {
            out.add("no operation in the document for " + x.method() + " " + x.uri().getRawPath());
            return out;
        }
        Operation op = found.get();
        JsonNode responses = op.node().path("responses");
        String code = Integer.toString(x.status());
        JsonNode response = responses.has(code) ? responses.get(code)
                : responses.has(code.charAt(0) + "XX") ? responses.get(code.charAt(0) + "XX") : responses.get("default");
        if (response == null) {
            out.add(op.key() + ": status " + code + " is not documented");
            return out;
        }
        response = resolve(response);
        String body = x.responseBody() == null ? "" : x.responseBody();
        if (!body.isEmpty()) {
            JsonNode content = response.path("content");
            Optional<JsonNode> media = media(content, x.responseContentType());
            if (media.isEmpty()) {
                out.add(op.key() + " " + code + ": content type " + x.responseContentType() + " is not documented "
                        + "(documented: " + names(content) + ")");
            } else if (isJson(x.responseContentType()) && media.get().has("schema")) {
                validate(media.get().get("schema"), body, op.key() + " " + code + " response", out);
            }
        }
        if (x.status() / 100 == 2) {
            requestProblems(op, x, out);
        }
        return out;
    }

    /**
     * What is wrong with an event read from an event stream: the stream's operation must document
     * {@code text/event-stream} for its status, with the event's name in {@code x-events} and its
     * data matching that schema.
     */
    List<String> eventProblems(StreamEvent e) {
        List<String> out = new ArrayList<>();
        Optional<Operation> op = find("GET", e.uri().getRawPath());
        if (op.isEmpty()) {
            out.add("no operation in the document for GET " + e.uri().getRawPath());
            return out;
        }
        JsonNode response = resolve(op.get().node().path("responses").path(Integer.toString(e.status())));
        Optional<JsonNode> media = media(response.path("content"), e.contentType());
        if (media.isEmpty() || !media.get().has("x-events")) {
            out.add(op.get().key() + " " + e.status() + ": no event stream with x-events documented for "
                    + e.contentType());
            return out;
        }
        JsonNode schema = media.get().get("x-events").get(e.event());
        if (schema == null) {
            out.add(op.get().key() + ": event " + e.event() + " is not in x-events");
        } else {
            validate(schema, e.data(), op.get().key() + " event " + e.event(), out);
        }
        return out;
    }

    /**
     * What is wrong with a webhook request a plugin sent: the document's top-level {@code webhooks}
     * must have the entry {@code <pluginId>.<event>} (the event from {@code X-ChatWebsite-Event}),
     * its required headers must be there and match their schemas, and the body must match its
     * request schema.
     *
     * @param pluginId the sending plugin
     * @param headers the request's headers (any case)
     * @param body the request's body
     */
    List<String> webhookProblems(String pluginId, Map<String, String> headers, String body) {
        List<String> out = new ArrayList<>();
        Map<String, String> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        String event = byName.getOrDefault("X-ChatWebsite-Event", "");
        JsonNode webhook = doc.path("webhooks").path(pluginId + "." + event).path("post");
        if (webhook.isMissingNode()) {
            out.add("no webhook " + pluginId + "." + event + " in the document");
            return out;
        }
        for (JsonNode p : webhook.path("parameters")) {
            JsonNode param = resolve(p);
            if (!param.path("in").asText().equals("header")) {
                continue;
            }
            String value = byName.get(param.path("name").asText());
            if (value == null) {
                if (param.path("required").asBoolean(false)) {
                    out.add("the required header " + param.path("name").asText() + " is missing");
                }
            } else if (param.has("schema")) {
                validate(param.get("schema"), MAPPER.getNodeFactory().textNode(value).toString(),
                        "header " + param.path("name").asText(), out);
            }
        }
        Optional<JsonNode> media = media(resolve(webhook.path("requestBody")).path("content"),
                byName.get("Content-Type"));
        if (media.isEmpty() || !media.get().has("schema")) {
            out.add("webhook " + event + ": a body of " + byName.get("Content-Type") + " is not documented");
        } else {
            validate(media.get().get("schema"), body, "webhook " + event + " body", out);
        }
        return out;
    }

    /**
     * What is wrong with a refusal ({@code 4xx}/{@code 5xx}) of a request that may be malformed:
     * judged as {@link #problems} when the request is for an operation of the document, else its
     * body must be the document's error body.
     */
    List<String> refusalProblems(String method, String target, int status, String contentType, byte[] body) {
        if (status < 400) {
            return List.of();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String path = target.split("\\?", 2)[0];
        URI uri = null;
        try {
            uri = URI.create("http://host" + target);
        } catch (IllegalArgumentException e) {
            // a target no URI parser takes: only the error body is judged
        }
        if (uri != null && path.startsWith("/") && find(method, path).isPresent()) {
            return problems(new Exchange(method, uri, null, new byte[0], status, contentType, text));
        }
        List<String> out = new ArrayList<>();
        if (!isJson(contentType)) {
            out.add(status + ": content type " + contentType + ", not the JSON error body");
        } else {
            validate(MAPPER.createObjectNode().put("$ref", "#/components/schemas/Error"), text, status + " error body",
                    out);
        }
        return out;
    }

    private void requestProblems(Operation op, Exchange x, List<String> out) {
        JsonNode requestBody = resolve(op.node().path("requestBody"));
        boolean hasBody = x.requestBody().length > 0;
        if (hasBody) {
            Optional<JsonNode> media = media(requestBody.path("content"), x.requestContentType());
            if (media.isEmpty()) {
                out.add(op.key() + ": a request body of " + x.requestContentType() + " is not documented");
            } else if (isJson(x.requestContentType()) && media.get().has("schema")) {
                validate(media.get().get("schema"), new String(x.requestBody(), StandardCharsets.UTF_8),
                        op.key() + " request", out);
            }
        } else if (requestBody.path("required").asBoolean(false)) {
            out.add(op.key() + ": succeeded without the required request body");
        }
        String query = x.uri().getRawQuery() == null ? "" : "&" + x.uri().getRawQuery();
        for (JsonNode p : parameters(op)) {
            if (p.path("in").asText().equals("query") && p.path("required").asBoolean(false)
                    && !query.contains("&" + p.path("name").asText() + "=")) {
                out.add(op.key() + ": succeeded without the required query parameter " + p.path("name").asText());
            }
        }
    }

    /** The operation's parameters and its path item's. */
    List<JsonNode> parameters(Operation op) {
        List<JsonNode> out = new ArrayList<>();
        doc.path("paths").path(op.template()).path("parameters").forEach(p -> out.add(resolve(p)));
        op.node().path("parameters").forEach(p -> out.add(resolve(p)));
        return out;
    }

    private void validate(JsonNode schemaNode, String json, String what, List<String> out) {
        JsonNode instance;
        try {
            instance = MAPPER.readTree(json);
        } catch (IOException e) {
            out.add(what + ": not JSON: " + abbreviate(json));
            return;
        }
        Schema schema = schemas.computeIfAbsent(schemaNode, n -> registry.getSchema(absoluteRefs(n.deepCopy())));
        List<Error> errors = schema.validate(instance);
        for (Error e : errors) {
            out.add(what + ": " + describe(e) + " in " + abbreviate(json));
        }
    }

    /** The error's place and message, with its arguments where another copy of the messages left them out. */
    static String describe(Error e) {
        String message = e.getMessage();
        String where = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        return (where.isEmpty() ? "(the body)" : where) + ": " + message
                + (message.contains("{") && e.getArguments() != null ? " " + java.util.Arrays.toString(e.getArguments()) : "");
    }

    /** Points {@code #/components/...} references at the document, so a schema taken out of it resolves them. */
    private static JsonNode absoluteRefs(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.get("$ref") instanceof TextNode ref && ref.asText().startsWith("#/")) {
                o.put("$ref", IRI + ref.asText());
            }
            o.elements().forEachRemaining(OpenApiContract::absoluteRefs);
        } else if (node != null && node.isArray()) {
            node.forEach(OpenApiContract::absoluteRefs);
        }
        return node;
    }

    /** A {@code $ref} to a component, followed; anything else as it is. */
    JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n != null && n.has("$ref") && n.get("$ref").asText().startsWith("#/")) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n == null ? MAPPER.missingNode() : n;
    }

    private static Optional<JsonNode> media(JsonNode content, String contentType) {
        if (contentType == null) {
            return Optional.ofNullable(content.get("*/*"));
        }
        String bare = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (content.has(bare)) {
            return Optional.of(content.get(bare));
        }
        String wildcard = bare.substring(0, bare.indexOf('/') + 1) + "*";
        return Optional.ofNullable(content.has(wildcard) ? content.get(wildcard) : content.get("*/*"));
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static String names(JsonNode content) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = content.fieldNames();
        it.forEachRemaining(out::add);
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
