package com.chatwebsite.plugin.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Forms saved by version 1.1.0 (before field types were an extension point) read the same now. */
class StoredFormsCompatibilityTest {

    static Map<String, Object> savedBy110() throws Exception {
        try (InputStream in = StoredFormsCompatibilityTest.class.getResourceAsStream("/forms/saved-by-1.1.0.json")) {
            return FormDefinitionParserTest.MAPPER.readValue(in, new TypeReference<Map<String, Object>>() { });
        }
    }

    @Test
    void aFormSavedBy110ReadsBackUnchanged() throws Exception {
        Map<String, Object> stored = savedBy110();
        FormDefinitionParser.Parsed read = FormDefinitionParser.read(stored, FormDefinitionParserTest.CONTACT_FIELDS,
                FormDefinitionParserTest.TYPES);
        assertEquals(List.of(), read.errors());
        FormDefinition form = read.form().orElseThrow();
        assertEquals(List.of(), form.problems());
        assertEquals(stored, form.toMap(), "the admin API returns what 1.1.0 stored");
        assertEquals(stored, FormDefinitionParser.parse(stored, FormDefinitionParserTest.CONTACT_FIELDS,
                FormDefinitionParserTest.TYPES).form().orElseThrow().toMap(), "and it can be saved again as is");
    }

    @Test
    void theWidgetGetsAControlForEverySeedType() throws Exception {
        FormDefinition form = FormDefinitionParser.read(savedBy110(), FormDefinitionParserTest.CONTACT_FIELDS,
                FormDefinitionParserTest.TYPES).form().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = (List<Map<String, Object>>) form.toWidgetMap().get("sections");
        assertEquals(List.of("static", "text", "text", "text", "textarea", "select", "radio", "checkboxes", "checkbox",
                "file"), sections.stream().map(s -> s.get("control")).toList());
        assertEquals(Map.of("inputType", "email"), sections.get(2).get("attributes"));
        assertEquals(Map.of("inputType", "number"), sections.get(3).get("attributes"));
        assertEquals(Map.of("accept", ".pdf,image/*"), sections.get(9).get("attributes"));
    }

    @Test
    void aSubmissionToAFormSavedBy110IsCheckedAsBefore() throws Exception {
        FormDefinition form = FormDefinitionParser.read(savedBy110(), FormDefinitionParserTest.CONTACT_FIELDS,
                FormDefinitionParserTest.TYPES).form().orElseThrow();
        Map<String, Object> input = new HashMap<>(Map.of("name", " Ada ", "email", "ada@example.com", "order", 7,
                "topic", "Billing", "products", List.of("B"), "privacy", true, "files", List.of("u1")));
        SubmissionValidator.Result ok = SubmissionValidator.validate(form, input, (id, f) -> Optional.empty(), Set.of(),
                FormDefinitionParserTest.TYPES);
        assertEquals(List.of(), ok.errors());
        assertEquals("Ada", ok.values().get("name"));
        assertEquals(List.of("u1"), ok.uploadIds());
        input.put("topic", "Nope");
        input.put("privacy", false);
        SubmissionValidator.Result bad = SubmissionValidator.validate(form, input, (id, f) -> Optional.empty(),
                Set.of(), FormDefinitionParserTest.TYPES);
        assertEquals(Set.of("topic oneOf", "privacy agreement"), Set.copyOf(bad.errors().stream()
                .map(e -> e.field() + " " + e.rule()).toList()));
        assertTrue(bad.values().isEmpty() || !bad.values().containsKey("topic"));
    }
}
