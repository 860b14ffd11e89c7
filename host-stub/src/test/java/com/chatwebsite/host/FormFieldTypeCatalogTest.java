package com.chatwebsite.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * {@code GET /api/form-field-types} over HTTP, with field types compiled into small plugins: the
 * shape the admin page's builder renders, admin-only access, types that throw or break the rules
 * left out with a 200, the first of two types with one name winning in plugin start order.
 */
class FormFieldTypeCatalogTest {

    private static final String CATALOG = "/api/form-field-types";

    @TempDir
    Path dir;

    @Test
    void describesEachTypeWithTheCommonPropertiesFirstThenItsOwn() {
        try (HostStub host = hostWith(FieldTypePlugins.phoneTypes())) {
            Http.Reply r = new Http(host.baseUrl()).get(CATALOG, TestHost.ADMIN_TOKEN);
            assertEquals(200, r.status(), r.body());
            assertEquals("application/json", r.header("Content-Type").split(";")[0]);
            JsonNode phone = only(r.json(), "phone");
            assertEquals("Phone number", phone.get("label").asText());
            assertEquals("phone-types", phone.get("plugin").asText());
            assertEquals("text", phone.get("control").asText());
            assertEquals(List.of("contact", "variable"), texts(phone.get("mappingTargets")));
            JsonNode props = phone.get("properties");
            assertEquals(List.of("name", "label", "required", "mapTo.contact", "mapTo.variable", "pattern", "maxlength"),
                    keys(props));
            for (int i = 0; i < props.size(); i++) {
                assertEquals(i < 5, props.get(i).path("common").asBoolean(false), "common on " + props.get(i));
            }
            JsonNode required = props.get(2);
            assertEquals("boolean", required.get("type").asText());
            assertFalse(required.get("default").asBoolean(true));
            JsonNode contact = props.get(3);
            assertEquals("select", contact.get("type").asText());
            assertEquals(List.of("email", "firstName", "lastName", "phone", "company", "externalId"),
                    texts(contact.get("options")), "the Contact Manager's fields");
            JsonNode maxlength = props.get(6);
            assertEquals("integer", maxlength.get("type").asText());
            assertEquals(20, maxlength.get("default").asInt());
            assertEquals("Longest", maxlength.get("label").asText());
            assertEquals("Phone", maxlength.get("group").asText());
            assertEquals(11, maxlength.get("order").asInt());
            assertFalse(maxlength.get("required").asBoolean());
            assertFalse(maxlength.get("secret").asBoolean());
            assertFalse(props.get(5).has("default"), "no default key when the descriptor has none");

            JsonNode note = only(r.json(), "note");
            assertEquals("static", note.get("control").asText());
            assertEquals(List.of(), texts(note.get("mappingTargets")));
            assertEquals(List.of("label"), keys(note.get("properties")), "a static field has only its text");
            assertEquals("text", note.get("properties").get(0).get("type").asText());
            assertEquals("Text", note.get("properties").get(0).get("label").asText());
        }
    }

    @Test
    void thePackagedChatPluginContributesItsEightSeedTypes() {
        try (HostStub host = hostWith(FieldTypePlugins.phoneTypes())) {
            JsonNode catalog = new Http(host.baseUrl()).get(CATALOG, TestHost.ADMIN_TOKEN).json();
            List<String> seeds = List.of("label", "select", "input", "textarea", "radio", "checkboxes", "agreement",
                    "attachment");
            assertEquals(seeds, namesOf(catalog, "chat-website"), "in extension ordinal order");
            assertEquals("select", only(catalog, "select").get("control").asText());
            assertEquals(List.of(), texts(only(catalog, "attachment").get("mappingTargets")));
        }
    }

    @Test
    void typesThatThrowAreLeftOutAndTheFirstOfOneNameWins() {
        try (HostStub host = hostWith(FieldTypePlugins.phoneTypes())) {
            Http http = new Http(host.baseUrl());
            Http.Reply r = http.get(CATALOG, TestHost.ADMIN_TOKEN);
            assertEquals(200, r.status(), r.body());
            assertEquals(List.of("phone", "note"), namesOf(r.json(), "phone-types"),
                    "broken (an Error from properties()), the nameless one and the second phone are left out");
            assertEquals("Phone number", only(r.json(), "phone").get("label").asText(),
                    "ordinal 1 wins over ordinal 2, whatever the index order");
            assertEquals(200, http.get(CATALOG, TestHost.ADMIN_TOKEN).status(), "and again");
        }
    }

    @Test
    void aTypeNameClashAcrossPluginsIsWonByThePluginStartedFirst() {
        // phone-types starts with the host, more-types and other-phone after it.
        try (HostStub host = hostWith(FieldTypePlugins.phoneTypes())) {
            Http http = new Http(host.baseUrl());
            Path more = TestPlugins.compile(FieldTypePlugins.moreTypes(), dir, dir.resolve("more-types.jar"));
            assertEquals(PluginState.STARTED, host.plugins().start(host.plugins().load(more)));
            Path other = TestPlugins.compile(FieldTypePlugins.otherPhone(), dir, dir.resolve("other-phone.jar"));
            assertEquals(PluginState.STARTED, host.plugins().start(host.plugins().load(other)));

            JsonNode both = http.get(CATALOG, TestHost.ADMIN_TOKEN).json();
            assertEquals("phone-types", only(both, "phone").get("plugin").asText(), "started first, wins");
            assertEquals(List.of("rating"), namesOf(both, "more-types"));
            JsonNode rating = only(both, "rating");
            assertEquals("select", rating.get("control").asText());
            assertEquals(List.of("variable"), texts(rating.get("mappingTargets")));
            assertEquals(List.of("name", "label", "required", "mapTo.variable", "options"), keys(rating.get("properties")),
                    "no contact mapping for a type that allows only routing variables");
            assertEquals("string_list", rating.get("properties").get(4).get("type").asText());

            host.plugins().stop("phone-types");
            JsonNode stopped = http.get(CATALOG, TestHost.ADMIN_TOKEN).json();
            assertEquals(List.of(), namesOf(stopped, "phone-types"), "a stopped plugin's types are gone");
            assertEquals("Other phone", only(stopped, "phone").get("label").asText());

            assertEquals(PluginState.STARTED, host.plugins().start("phone-types"));
            JsonNode again = http.get(CATALOG, TestHost.ADMIN_TOKEN).json();
            assertEquals("other-phone", only(again, "phone").get("plugin").asText(), "now other-phone started first");
            assertEquals(List.of("note"), namesOf(again, "phone-types"));
        }
    }

    @Test
    void onlyTheAdminTokenOpensTheCatalogue() {
        try (HostStub host = TestHost.start(dir)) {
            Http http = new Http(host.baseUrl());
            Http.Reply none = http.get(CATALOG, null);
            assertEquals(401, none.status());
            assertTrue(none.json().has("error"), none.body());
            assertEquals(403, http.get(CATALOG, "not-the-admin-token").status());
            assertEquals(403, http.get(CATALOG, TestHost.AGENT_TOKEN).status());
            assertEquals(200, http.get(CATALOG, TestHost.ADMIN_TOKEN).status());
        }
    }

    private HostStub hostWith(TestPlugins.Source plugin) {
        HostConfig config = TestHost.config(dir, Optional.empty(), Optional.empty());
        TestPlugins.compile(plugin, dir, config.pluginsDir().resolve("test-types.jar"));
        return HostStub.start(config, Clock.systemUTC());
    }

    /** The one type of that name. */
    static JsonNode only(JsonNode catalog, String name) {
        List<JsonNode> found = StreamSupport.stream(catalog.get("types").spliterator(), false)
                .filter(t -> t.get("name").asText().equals(name)).toList();
        assertEquals(1, found.size(), "one type " + name + " in " + catalog);
        return found.get(0);
    }

    static List<String> namesOf(JsonNode catalog, String plugin) {
        return StreamSupport.stream(catalog.get("types").spliterator(), false)
                .filter(t -> t.get("plugin").asText().equals(plugin)).map(t -> t.get("name").asText()).toList();
    }

    private static List<String> keys(JsonNode properties) {
        List<String> out = new ArrayList<>();
        properties.forEach(p -> out.add(p.get("key").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
