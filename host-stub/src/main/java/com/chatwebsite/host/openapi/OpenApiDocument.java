package com.chatwebsite.host.openapi;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.host.web.HostJson;
import com.chatwebsite.host.web.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAPI 3.1 document of every mounted route: the host's own document (the resource
 * {@value #HOST_RESOURCE}) with each plugin's documents merged under {@code /plugins/{id}}.
 *
 * <p>A plugin's component names and top-level {@code webhooks} (the requests it sends) get the prefix
 * {@code id.} (so two plugins never clash), its
 * security schemes named like the host's give way to the host's, and the security of every admin
 * and agent route is set from the route table, as the host enforces it. A mounted route that no
 * document describes is listed with {@code "x-undocumented": true}, so the document never hides a
 * route; the contract test fails on those.
 */
public final class OpenApiDocument {

    /** The host's own routes' document, on the class path. */
    public static final String HOST_RESOURCE = "/openapi/host.json";
    /** Marks an operation the host generated for a route no document describes. */
    public static final String UNDOCUMENTED = "x-undocumented";

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocument.class);
    private static final Pattern COMPONENT_REF = Pattern.compile("#/components/([A-Za-z]+)/(.+)");
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final String SECURITY_SCHEMES = "securitySchemes";

    private final ObjectNode host;

    private OpenApiDocument(ObjectNode host) {
        this.host = host;
    }

    /**
     * The document built on the host's resource.
     *
     * @return the document
     */
    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(HOST_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(HOST_RESOURCE + " is missing from the class path");
            }
            return new OpenApiDocument((ObjectNode) HostJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + HOST_RESOURCE, e);
        }
    }

    /**
     * The merged document.
     *
     * @param hostRoutes the host's own mounted routes
     * @param plugins each mounted plugin's routes and documents
     * @return a new document; paths sorted
     */
    public ObjectNode merged(List<RouteTable.Entry> hostRoutes, List<MountedRoutes> plugins) {
        ObjectNode doc = host.deepCopy();
        ObjectNode paths = doc.withObjectProperty("paths");
        for (MountedRoutes p : plugins) {
            for (String text : p.documents()) {
                mergePlugin(doc, p.owner(), text);
            }
        }
        for (RouteTable.Entry e : hostRoutes) {
            describe(paths, e);
        }
        for (MountedRoutes p : plugins) {
            p.routes().forEach(e -> describe(paths, e));
        }
        doc.set("paths", sorted(paths));
        return doc;
    }

    private void mergePlugin(ObjectNode doc, String pluginId, String text) {
        JsonNode fragment;
        try {
            fragment = HostJson.MAPPER.readTree(text);
        } catch (IOException e) {
            LOG.warn("plugin {}: its OpenAPI document is not JSON ({}); its routes are listed as undocumented",
                    pluginId, e.getMessage());
            return;
        }
        if (!(fragment instanceof ObjectNode f) || !(f.get("paths") instanceof ObjectNode fragmentPaths)) {
            LOG.warn("plugin {}: its OpenAPI document has no paths object; its routes are listed as undocumented",
                    pluginId);
            return;
        }
        String prefix = componentPrefix(pluginId);
        ObjectNode hostSchemes = doc.withObjectProperty("components").withObjectProperty(SECURITY_SCHEMES);
        renameRefs(f, prefix);
        if (f.get("components") instanceof ObjectNode own) {
            Iterator<Map.Entry<String, JsonNode>> kinds = own.fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                ObjectNode target = doc.withObjectProperty("components").withObjectProperty(kind.getKey());
                kind.getValue().fields().forEachRemaining(c -> {
                    boolean hostScheme = kind.getKey().equals(SECURITY_SCHEMES) && hostSchemes.has(c.getKey());
                    if (!hostScheme) {
                        target.set(prefix + c.getKey(), c.getValue());
                    }
                });
            }
        }
        fragmentPaths.fields().forEachRemaining(p -> {
            String full = "/plugins/" + pluginId + (p.getKey().equals("/") ? "" : p.getKey());
            ObjectNode item = doc.withObjectProperty("paths").withObjectProperty(full);
            p.getValue().fields().forEachRemaining(op -> {
                if (op.getValue() instanceof ObjectNode operation && operation.get("security") instanceof ArrayNode s) {
                    operation.set("security", renamedSecurity(s, prefix, hostSchemes));
                }
                item.set(op.getKey(), op.getValue());
            });
        });
        if (f.get("webhooks") instanceof ObjectNode webhooks) {
            // the requests the plugin sends (OpenAPI 3.1), named with its prefix as its components are
            ObjectNode all = doc.withObjectProperty("webhooks");
            webhooks.fields().forEachRemaining(w -> all.set(prefix + w.getKey(), w.getValue()));
        }
        if (f.get("tags") instanceof ArrayNode tags) {
            ArrayNode all = doc.withArrayProperty("tags");
            tags.forEach(all::add);
        }
    }

    /** Points a plugin's {@code #/components/...} references at its prefixed components. */
    private static void renameRefs(JsonNode node, String prefix) {
        if (node instanceof ObjectNode o) {
            if (o.get("$ref") instanceof TextNode ref) {
                Matcher m = COMPONENT_REF.matcher(ref.asText());
                if (m.matches()) {
                    o.put("$ref", "#/components/" + m.group(1) + "/" + prefix + m.group(2));
                }
            }
            o.elements().forEachRemaining(child -> renameRefs(child, prefix));
        } else if (node instanceof ArrayNode a) {
            a.forEach(child -> renameRefs(child, prefix));
        }
    }

    private static ArrayNode renamedSecurity(ArrayNode security, String prefix, ObjectNode hostSchemes) {
        ArrayNode out = security.arrayNode();
        for (JsonNode requirement : security) {
            ObjectNode renamed = out.addObject();
            requirement.fields().forEachRemaining(r -> renamed.set(
                    hostSchemes.has(r.getKey()) ? r.getKey() : prefix + r.getKey(), r.getValue()));
        }
        return out;
    }

    /** Sets a mounted route's security from its access; adds a bare operation where none describes it. */
    private static void describe(ObjectNode paths, RouteTable.Entry e) {
        String template = template(e);
        String method = e.route().method().toLowerCase(Locale.ROOT);
        ObjectNode item = paths.withObjectProperty(template);
        if (!(item.get(method) instanceof ObjectNode)) {
            ObjectNode op = item.putObject(method);
            op.put("summary", "Undocumented route of " + e.owner());
            op.put(UNDOCUMENTED, true);
            ArrayNode params = op.putArray("parameters");
            Matcher m = PARAM.matcher(template);
            while (m.find()) {
                params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            op.putObject("responses").putObject("default").put("description", "Not described.");
        }
        ObjectNode op = (ObjectNode) item.get(method);
        if (e.route().access() != RouteAccess.PUBLIC) {
            String scheme = e.route().access() == RouteAccess.ADMIN ? "adminToken" : "agentToken";
            ArrayNode security = op.putArray("security");
            security.addObject().putArray(scheme);
        }
    }

    /**
     * The full path template of a mounted route, as the document names it.
     *
     * @param e the route
     * @return such as {@code /plugins/chat-website/api/websites/{id}}
     */
    public static String template(RouteTable.Entry e) {
        String t = e.route().pathTemplate();
        String full = e.prefix() + (t.equals("/") ? "" : t);
        return full.isEmpty() ? "/" : full;
    }

    /**
     * The prefix of a plugin's component names.
     *
     * @param pluginId the plugin
     * @return such as {@code chat-website.}
     */
    public static String componentPrefix(String pluginId) {
        return pluginId.replaceAll("[^A-Za-z0-9._-]", "_") + ".";
    }

    private static ObjectNode sorted(ObjectNode paths) {
        Map<String, JsonNode> byPath = new TreeMap<>();
        paths.fields().forEachRemaining(p -> byPath.put(p.getKey(), p.getValue()));
        ObjectNode out = paths.objectNode();
        List<String> keys = new ArrayList<>(byPath.keySet());
        keys.forEach(k -> out.set(k, byPath.get(k)));
        return out;
    }
}
