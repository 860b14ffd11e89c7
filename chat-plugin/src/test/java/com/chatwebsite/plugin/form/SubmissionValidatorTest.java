package com.chatwebsite.plugin.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubmissionValidatorTest {

    static final FormDefinition FORM = FormDefinitionParserTest.parse("["
            + "{\"type\":\"label\",\"label\":\"Hi\"},"
            + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\",\"required\":true},"
            + "{\"type\":\"input\",\"name\":\"email\",\"label\":\"E-mail\",\"inputType\":\"email\",\"required\":true},"
            + "{\"type\":\"input\",\"name\":\"order\",\"label\":\"Order\",\"inputType\":\"number\"},"
            + "{\"type\":\"textarea\",\"name\":\"message\",\"label\":\"Message\"},"
            + "{\"type\":\"select\",\"name\":\"topic\",\"label\":\"Topic\",\"options\":[\"Billing\",\"Sales\"]},"
            + "{\"type\":\"radio\",\"name\":\"lang\",\"label\":\"Language\",\"options\":[\"en\",\"it\"]},"
            + "{\"type\":\"checkboxes\",\"name\":\"products\",\"label\":\"Products\",\"options\":[\"A\",\"B\"]},"
            + "{\"type\":\"agreement\",\"name\":\"privacy\",\"label\":\"I accept\",\"required\":true},"
            + "{\"type\":\"attachment\",\"name\":\"files\",\"label\":\"Files\"}]").form().orElseThrow();

    static final SubmissionValidator.UploadCheck UPLOADS = (id, field) ->
            id.equals("good") ? Optional.empty() : Optional.of("Upload " + id + " does not exist.");

    static Map<String, Object> valid() {
        return new java.util.HashMap<>(Map.of("name", "Ada", "email", "ada@example.com", "order", 12,
                "message", "Line 1\nLine 2", "topic", "Sales", "lang", "it", "products", List.of("A", "B"),
                "privacy", true, "files", List.of("good")));
    }

    @Test
    void aCompleteSubmissionPasses() {
        SubmissionValidator.Result r = SubmissionValidator.validate(FORM, valid(), UPLOADS, java.util.Set.of(), FormDefinitionParserTest.TYPES);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("good"), r.uploadIds());
        assertEquals(12, r.values().get("order"));
        assertEquals("Line 1\nLine 2", r.values().get("message"));
    }

    @Test
    void eachFieldTypeRefusesWhatDoesNotFit() {
        Object[][] cases = {
            {"name", null, "required"},
            {"name", "   ", "required"},
            {"name", 42, "string"},
            {"name", "x".repeat(1001), "maxLength"},
            {"email", "not-an-address", "email"},
            {"email", "Ada <ada@example.com>", "email"},
            {"email", "ada@example.com\r\nBcc: x@y.z", "control"},
            {"email", "ada\u202e@example.com", "bidi"},
            {"email", "ada\u200b@example.com", "email"},
            {"email", "ada\ud800@example.com", "unicode"},
            {"name", "Ada\u202eecilA", "bidi"},
            {"name", "Ada\u0000", "control"},
            {"name", "Ada\tLovelace", "control"},
            {"message", "Line 1\u0000", "control"},
            {"message", "x\udc00", "unicode"},
            {"order", "12", "number"},
            {"message", "x".repeat(10_001), "maxLength"},
            {"topic", "Support", "oneOf"},
            {"lang", List.of("en"), "oneOf"},
            {"products", List.of("A", "C"), "oneOf"},
            {"products", List.of("A", "A"), "oneOf"},
            {"products", "A", "oneOf"},
            {"privacy", false, "agreement"},
            {"privacy", "yes", "boolean"},
            {"files", List.of("missing"), "upload"},
            {"files", "good", "attachment"},
            {"files", List.of("good", "good"), "attachment"},
            {"surprise", "x", "unknown"},
        };
        for (Object[] c : cases) {
            Map<String, Object> input = valid();
            if (c[1] == null) {
                input.remove((String) c[0]);
            } else {
                input.put((String) c[0], c[1]);
            }
            SubmissionValidator.Result r = SubmissionValidator.validate(FORM, input, UPLOADS, java.util.Set.of(), FormDefinitionParserTest.TYPES);
            assertEquals(Map.of(c[0], c[2]), r.errors().stream().collect(Collectors.toMap(e -> e.field(), e -> e.rule())),
                    c[0] + "=" + c[1]);
        }
    }

    @Test
    void aTextAreaTakesLineBreaksTabsAndBidiUnlessItMustHoldOneLine() {
        Map<String, Object> input = valid();
        input.put("message", "Hello,\r\n\tmy order \u202bשלום\u202c");
        assertEquals(List.of(), SubmissionValidator.validate(FORM, input, UPLOADS, java.util.Set.of(), FormDefinitionParserTest.TYPES).errors());

        input.put("message", "Subject\nBcc: x@y.z");
        SubmissionValidator.Result oneLine = SubmissionValidator.validate(FORM, input, UPLOADS, java.util.Set.of("message"), FormDefinitionParserTest.TYPES);
        assertEquals(Map.of("message", "control"), oneLine.errors().stream()
                .collect(Collectors.toMap(e -> e.field(), e -> e.rule())));
        input.put("message", "Refund \u202eredro");
        assertEquals("bidi", SubmissionValidator.validate(FORM, input, UPLOADS, java.util.Set.of("message"), FormDefinitionParserTest.TYPES)
                .errors().get(0).rule());
    }

    @Test
    void optionalFieldsMayBeLeftOutAndAnUncheckedOptionalAgreementIsFalse() {
        FormDefinition form = FormDefinitionParserTest.parse("[{\"type\":\"agreement\",\"name\":\"news\","
                + "\"label\":\"Newsletter\"},{\"type\":\"input\",\"name\":\"a\",\"label\":\"A\"}]").form().orElseThrow();
        SubmissionValidator.Result r = SubmissionValidator.validate(form, Map.of("news", false), UPLOADS, java.util.Set.of(), FormDefinitionParserTest.TYPES);
        assertTrue(r.ok());
        assertEquals(Map.of("news", false), r.values());
    }
}
