package com.chatwebsite.plugin.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.settings.FieldError;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormDefinitionParserTest {

    static final Set<String> CONTACT_FIELDS = Set.of("email", "firstName", "lastName", "phone");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Map<String, com.chatwebsite.api.form.FormFieldType> TYPES = FieldTypes.seed().current();

    static Map<String, Object> json(String text) {
        try {
            return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static FormDefinitionParser.Parsed parse(String sectionsJson) {
        return FormDefinitionParser.parse(json("{\"sections\":" + sectionsJson + "}"), CONTACT_FIELDS, TYPES);
    }

    @Test
    void everyTypeParsesAndKeepsItsOrder() {
        FormDefinitionParser.Parsed p = parse("["
                + "{\"type\":\"label\",\"label\":\"Tell us about you\"},"
                + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true,"
                + "\"mapTo\":{\"contact\":\"email\"}},"
                + "{\"type\":\"input\",\"name\":\"order\",\"label\":\"Order\",\"inputType\":\"number\",\"default\":1},"
                + "{\"type\":\"textarea\",\"name\":\"message\",\"label\":\"Message\"},"
                + "{\"type\":\"select\",\"name\":\"topic\",\"label\":\"Topic\",\"options\":[\"Billing\",\"Sales\"],"
                + "\"default\":\"Sales\",\"mapTo\":{\"variable\":\"topic\"}},"
                + "{\"type\":\"radio\",\"name\":\"lang\",\"label\":\"Language\",\"options\":[\"en\",\"it\"]},"
                + "{\"type\":\"checkboxes\",\"name\":\"products\",\"label\":\"Products\",\"options\":[\"A\",\"B\"],"
                + "\"default\":[\"A\"]},"
                + "{\"type\":\"agreement\",\"name\":\"privacy\",\"label\":\"I accept the privacy policy\","
                + "\"required\":true},"
                + "{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Files\",\"accept\":\".pdf,image/*\"}]");
        assertEquals(List.of(), p.errors());
        FormDefinition form = p.form().orElseThrow();
        assertEquals(List.of("label", "input", "input", "textarea", "select", "radio", "checkboxes", "agreement",
                "attachment"),
                form.sections().stream().map(FormField::type).toList());
        assertEquals(new FieldMapping(true, "email"), form.field("email").orElseThrow().mapTo().orElseThrow());
        assertEquals(new FieldMapping(false, "topic"), form.field("topic").orElseThrow().mapTo().orElseThrow());
        FormDefinitionParser.Parsed again = FormDefinitionParser.parse(form.toMap(), CONTACT_FIELDS, TYPES);
        assertEquals(form, again.form().orElseThrow(), "toMap round-trips");
    }

    @Test
    void eachBrokenRuleIsReportedWithItsPath() {
        String[][] cases = {
            {"[{\"type\":\"video\",\"name\":\"a\",\"label\":\"A\"}]", "sections[0].type", "oneOf"},
            {"[{\"type\":\"input\",\"label\":\"A\"}]", "sections[0].name", "name"},
            {"[{\"type\":\"input\",\"name\":\"1a\",\"label\":\"A\"}]", "sections[0].name", "name"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\"},{\"type\":\"textarea\",\"name\":\"a\",\"label\":\"B\"}]",
                "sections[1].name", "unique"},
            {"[{\"type\":\"input\",\"name\":\"a\"}]", "sections[0].label", "required"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\",\"inputType\":\"date\"}]", "sections[0].inputType", "oneOf"},
            {"[{\"type\":\"select\",\"name\":\"a\",\"label\":\"A\"}]", "sections[0].options", "required"},
            {"[{\"type\":\"radio\",\"name\":\"a\",\"label\":\"A\",\"options\":[]}]", "sections[0].options", "required"},
            {"[{\"type\":\"checkboxes\",\"name\":\"a\",\"label\":\"A\",\"options\":[\"x\",\"x\"]}]",
                "sections[0].options", "unique"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\",\"options\":[\"x\"]}]", "sections[0].options", "unexpected"},
            {"[{\"type\":\"attachment\",\"name\":\"a\",\"label\":\"A\",\"accept\":\"pdf\"}]", "sections[0].accept", "accept"},
            {"[{\"type\":\"attachment\",\"name\":\"a\",\"label\":\"A\",\"accept\":\"*/*\"}]", "sections[0].accept", "accept"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\",\"mapTo\":{\"contact\":\"shoeSize\"}}]",
                "sections[0].mapTo", "contactField"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\",\"mapTo\":{\"variable\":\"bad name\"}}]",
                "sections[0].mapTo", "mapTo"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\",\"mapTo\":{\"contact\":\"email\"}},"
                    + "{\"type\":\"input\",\"name\":\"b\",\"label\":\"B\",\"mapTo\":{\"contact\":\"email\"}}]",
                "sections[1].mapTo", "unique"},
            {"[{\"type\":\"attachment\",\"name\":\"a\",\"label\":\"A\",\"mapTo\":{\"variable\":\"x\"}}]",
                "sections[0].mapTo", "unexpected"},
            {"[{\"type\":\"select\",\"name\":\"a\",\"label\":\"A\",\"options\":[\"x\"],\"default\":\"y\"}]",
                "sections[0].default", "default"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\",\"inputType\":\"number\",\"default\":\"one\"}]",
                "sections[0].default", "default"},
            {"[{\"type\":\"agreement\",\"name\":\"a\",\"label\":\"A\",\"default\":true}]", "sections[0].default", "default"},
            {"[{\"type\":\"label\",\"label\":\"A\",\"required\":true}]", "sections[0].required", "boolean"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\",\"colour\":\"red\"}]", "sections[0].colour", "unknown"},
            {"[\"input\"]", "sections[0]", "object"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"E-mail\\u202e\"}]", "sections[0].label", "bidi"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"Two\\nlines\"}]", "sections[0].label", "control"},
            {"[{\"type\":\"label\",\"label\":\"Beep\\u0007\"}]", "sections[0].label", "control"},
            {"[{\"type\":\"select\",\"name\":\"a\",\"label\":\"A\",\"options\":[\"x\\u0000\"]}]",
                "sections[0].options", "control"},
            {"[{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\",\"default\":\"x\\ny\"}]",
                "sections[0].default", "default"},
        };
        for (String[] c : cases) {
            FormDefinitionParser.Parsed p = parse(c[0]);
            assertTrue(p.form().isEmpty(), c[0]);
            FieldError first = p.errors().get(0);
            assertEquals(c[1] + " " + c[2], first.field() + " " + first.rule(), c[0] + " -> " + p.errors());
        }
        assertEquals("sections", FormDefinitionParser.parse(json("{}"), CONTACT_FIELDS, TYPES).errors().get(0).field());
    }

    @Test
    void aLabelSectionAndATextAreaDefaultMaySpanLines() {
        FormDefinitionParser.Parsed p = parse("[{\"type\":\"label\",\"label\":\"Hello!\\nWe answer in minutes.\"},"
                + "{\"type\":\"textarea\",\"name\":\"m\",\"label\":\"Message\",\"default\":\"Order:\\n\"}]");
        assertEquals(List.of(), p.errors());
    }
}
