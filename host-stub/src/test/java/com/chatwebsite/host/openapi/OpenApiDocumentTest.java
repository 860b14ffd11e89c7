package com.chatwebsite.host.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.web.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the host merges a plugin's OpenAPI document it has never seen into its own. */
class OpenApiDocumentTest {

    private static final String ACME = """
            {"openapi":"3.1.0","info":{"title":"Acme","version":"1"},
             "paths":{"/things/{id}":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
               "get":{"security":[{"apiKey":[]}],"responses":{"200":{"description":"A thing",
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}},
               "delete":{"security":[{"adminToken":[]}],"responses":{"204":{"description":"Gone"}}}}},
             "webhooks":{"thing.made":{"post":{"requestBody":{"content":{"application/json":{
               "schema":{"$ref":"#/components/schemas/Thing"}}}},"responses":{"2XX":{"description":"Taken"}}}}},
             "components":{"schemas":{"Thing":{"type":"object","properties":{"owner":{"$ref":"#/components/schemas/Owner"}}},
                                      "Owner":{"type":"string"}},
                           "securitySchemes":{"apiKey":{"type":"apiKey","in":"header","name":"X-Key"},
                                              "adminToken":{"type":"http","scheme":"basic"}}}}""";

    private static RouteTable.Entry entry(String owner, String method, String template, RouteAccess access) {
        String prefix = owner.equals("host") ? "" : "/plugins/" + owner;
        WebRoute route = WebRoute.of(method, template, access, r -> WebResponse.empty(204));
        return new RouteTable.Entry(owner, prefix, route, List.of());
    }

    private static JsonNode merged(List<MountedRoutes> plugins) {
        return OpenApiDocument.load().merged(List.of(entry("host", "GET", "/health", RouteAccess.PUBLIC)), plugins);
    }

    @Test
    void aPluginsDocumentGoesUnderItsMountPointWithItsComponentsPrefixed() {
        JsonNode doc = merged(List.of(new MountedRoutes("acme", List.of(
                entry("acme", "GET", "/things/{id}", RouteAccess.PUBLIC),
                entry("acme", "DELETE", "/things/{id}", RouteAccess.ADMIN)), List.of(ACME))));
        JsonNode item = doc.path("paths").path("/plugins/acme/things/{id}");
        assertEquals("#/components/schemas/acme.Thing",
                item.at("/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/acme.Owner",
                doc.at("/components/schemas/acme.Thing/properties/owner/$ref").asText());
        assertEquals("apiKey", doc.at("/components/securitySchemes/acme.apiKey/type").asText());
        assertEquals("acme.apiKey", item.at("/get/security/0").fieldNames().next());
        // the host's adminToken stands: the plugin's scheme of that name is not taken, the host sets admin security
        assertEquals("bearer", doc.at("/components/securitySchemes/adminToken/scheme").asText());
        assertFalse(doc.at("/components/securitySchemes").has("acme.adminToken"));
        assertEquals("adminToken", item.at("/delete/security/0").fieldNames().next());
        assertFalse(item.path("get").has(OpenApiDocument.UNDOCUMENTED));
        // the requests the plugin sends: named with its prefix, their references renamed
        assertEquals("#/components/schemas/acme.Thing",
                doc.at("/webhooks/acme.thing.made/post/requestBody/content/application~1json/schema/$ref").asText());
        assertTrue(doc.path("paths").has("/health"));
    }

    @Test
    void aRouteNoDocumentDescribesIsListedAsUndocumentedWithTheHostsSecurity() {
        JsonNode doc = merged(List.of(new MountedRoutes("bare", List.of(
                entry("bare", "POST", "/api/jobs/{jobId}/run", RouteAccess.AGENT)), List.of("not json"))));
        JsonNode op = doc.at("/paths/~1plugins~1bare~1api~1jobs~1{jobId}~1run/post");
        assertTrue(op.path(OpenApiDocument.UNDOCUMENTED).asBoolean(), op.toString());
        assertEquals("jobId", op.at("/parameters/0/name").asText());
        assertEquals("agentToken", op.at("/security/0").fieldNames().next());
    }

    @Test
    void theHostsOwnRouteMissingFromItsDocumentIsListedAsUndocumented() {
        JsonNode doc = OpenApiDocument.load().merged(List.of(entry("host", "GET", "/api/brand-new", RouteAccess.ADMIN)),
                List.of());
        assertTrue(doc.at("/paths/~1api~1brand-new/get/" + OpenApiDocument.UNDOCUMENTED).asBoolean());
    }
}
