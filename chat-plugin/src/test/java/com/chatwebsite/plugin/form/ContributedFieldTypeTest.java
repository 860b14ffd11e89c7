package com.chatwebsite.plugin.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.MappingTarget;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.form.seed.SeedFieldTypes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A type from outside the seed set goes through the same builder: definition, value, preview, widget. */
class ContributedFieldTypeTest {

    /** Digits of a fixed length, mapped to contact fields only. */
    static class CodeType implements FormFieldType {
        boolean failing;

        @Override
        public String name() {
            return "code";
        }

        @Override
        public String label() {
            return "Code";
        }

        @Override
        public WidgetControl control() {
            return WidgetControl.TEXT;
        }

        @Override
        public Set<MappingTarget> mappingTargets() {
            return EnumSet.of(MappingTarget.CONTACT_FIELD);
        }

        @Override
        public List<SettingDescriptor> properties() {
            return List.of(SettingDescriptor.builder("digits", SettingType.INTEGER).required().build());
        }

        @Override
        public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
            return properties.get("digits") instanceof Integer d && d > 0 && d < 10
                    ? DefinitionCheck.valid(Map.of("digits", d))
                    : DefinitionCheck.invalid(List.of(new FieldError("digits", "range", "digits: 1 to 9")));
        }

        @Override
        public FieldValue checkValue(FormFieldDefinition field, Object value) {
            if (failing) {
                throw new IllegalStateException("boom");
            }
            int digits = (Integer) field.properties().get("digits");
            return value instanceof String s && s.strip().matches("\\d{" + digits + "}") ? FieldValue.accepted(s.strip())
                    : FieldValue.refused("code", field.label() + " must be " + digits + " digits.");
        }

        @Override
        public Map<String, String> widgetAttributes(FormFieldDefinition field) {
            return Map.of("inputType", "text", "pattern", "\\d{" + field.properties().get("digits") + "}",
                    "inputmode", "numeric", "onclick", "alert(1)");
        }
    }

    static final CodeType CODE = new CodeType();

    static Map<String, FormFieldType> types(FormFieldType... extra) {
        Map<String, FormFieldType> out = new LinkedHashMap<>(FormDefinitionParserTest.TYPES);
        for (FormFieldType t : extra) {
            out.put(t.name(), t);
        }
        return out;
    }

    static Map<String, Object> form() {
        return FormDefinitionParserTest.json("{\"sections\":[{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\"},"
                + "{\"type\":\"code\",\"name\":\"pin\",\"label\":\"PIN <b>\",\"digits\":4,\"required\":true,"
                + "\"mapTo\":{\"contact\":\"externalId\"}}]}");
    }

    static final Set<String> CONTACTS = Set.of("email", "externalId");

    @Test
    void theTypeChecksItsOwnPropertiesAndTheBuilderTheCommonOnes() {
        FormDefinition f = FormDefinitionParser.parse(form(), CONTACTS, types(CODE)).form().orElseThrow();
        assertEquals(Map.of("digits", 4), f.field("pin").orElseThrow().properties());
        String bad = "{\"sections\":[{\"type\":\"code\",\"name\":\"pin\",\"label\":\"PIN\",\"digits\":12,"
                + "\"options\":[\"x\"],\"mapTo\":{\"variable\":\"pin\"}}]}";
        List<FieldError> errors = FormDefinitionParser.parse(FormDefinitionParserTest.json(bad), CONTACTS, types(CODE))
                .errors();
        assertEquals(List.of("sections[0].options unexpected", "sections[0].digits range", "sections[0].mapTo mapTo"),
                errors.stream().map(e -> e.field() + " " + e.rule()).toList());
    }

    @Test
    void valuesAreCheckedByTheTypeAndTheWidgetGetsOnlyDocumentedAttributes() {
        FormDefinition f = FormDefinitionParser.parse(form(), CONTACTS, types(CODE)).form().orElseThrow();
        SubmissionValidator.Result bad = SubmissionValidator.validate(f, Map.of("pin", "12a4"), (id, x) -> Optional.empty(),
                Set.of(), types(CODE));
        assertEquals(List.of(new FieldError("pin", "code", "PIN <b> must be 4 digits.")), bad.errors());
        SubmissionValidator.Result ok = SubmissionValidator.validate(f, Map.of("pin", " 1234 "), (id, x) -> Optional.empty(),
                Set.of(), types(CODE));
        assertEquals(Map.of("pin", "1234"), ok.values());
        @SuppressWarnings("unchecked")
        Map<String, Object> pin = ((List<Map<String, Object>>) f.toWidgetMap().get("sections")).get(1);
        assertEquals("text", pin.get("control"));
        assertEquals(Map.of("inputType", "text", "pattern", "\\d{4}", "inputmode", "numeric"), pin.get("attributes"));
        String html = FormPreview.page(f, "T", "#000000", types(CODE));
        assertTrue(html.contains("PIN &lt;b&gt;"), html);
        assertTrue(html.contains("pattern=\"\\d{4}\""), html);
        assertFalse(html.contains("onclick"), html);
    }

    @Test
    void aMissingTypeLeavesTheStoredFormReadableAndNamesTheField() {
        Map<String, Object> stored = FormDefinitionParser.parse(form(), CONTACTS, types(CODE)).form().orElseThrow().toMap();
        FormDefinitionParser.Parsed read = FormDefinitionParser.read(stored, CONTACTS, types());
        FormDefinition f = read.form().orElseThrow();
        assertEquals(stored, f.toMap(), "kept as stored");
        assertEquals(List.of("sections[1].type fieldType"), f.problems().stream().map(e -> e.field() + " " + e.rule())
                .toList());
        assertTrue(f.problems().get(0).message().contains("code"));
        assertEquals(List.of("name"), f.sections().stream().map(FormField::name).toList(), "the widget leaves it out");
        SubmissionValidator.Result r = SubmissionValidator.validate(f, Map.of("name", "Ada", "pin", "12"),
                (id, x) -> Optional.empty(), Set.of(), types());
        assertEquals(List.of(), r.errors(), "submissions skip it, and ignore a value a page loaded before still sends");
        assertEquals(Map.of("name", "Ada"), r.values());
        List<FieldError> strict = FormDefinitionParser.parse(stored, CONTACTS, types()).errors();
        assertEquals("sections[1].type oneOf", strict.get(0).field() + " " + strict.get(0).rule());
        assertTrue(strict.get(0).message().contains("no started plugin contributes code"), strict.get(0).message());
    }

    @Test
    void aTypeThatThrowsIsUnavailableNotAServerError() {
        CodeType failing = new CodeType();
        FormDefinition f = FormDefinitionParser.parse(form(), CONTACTS, types(failing)).form().orElseThrow();
        failing.failing = true;
        ChatException e = assertThrows(ChatException.class, () -> SubmissionValidator.validate(f, Map.of("pin", "1234"),
                (id, x) -> Optional.empty(), Set.of(), types(failing)));
        assertEquals(ChatException.Kind.UNAVAILABLE, e.kind());
        assertEquals("field_type_failed", e.code());
        FormFieldType throwsOnProperties = new CodeType() {
            @Override
            public List<SettingDescriptor> properties() {
                throw new LinkageError("class gone");
            }
        };
        List<FieldError> errors = FormDefinitionParser.parse(form(), CONTACTS, types(throwsOnProperties)).errors();
        assertEquals("sections[1].type fieldType", errors.get(0).field() + " " + errors.get(0).rule());
    }

    @Test
    void theFirstTypeWithANameWinsAsInTheHostsCatalogueAndSeedTypesFillTheRest() {
        FormFieldType clashingSelect = new CodeType() {
            @Override
            public String name() {
                return "select";
            }
        };
        FormFieldType badName = new CodeType() {
            @Override
            public String name() {
                return "Bad Name";
            }
        };
        FormFieldType ownsLabel = new CodeType() {
            @Override
            public String name() {
                return "labelled";
            }

            @Override
            public List<SettingDescriptor> properties() {
                return List.of(SettingDescriptor.builder("label", SettingType.STRING).build());
            }
        };
        List<FormFieldType> seeds = SeedFieldTypes.all();
        List<FormFieldType> contributed = new ArrayList<>(seeds);
        contributed.addAll(List.of(clashingSelect, CODE, badName, ownsLabel));
        FieldTypes registry = new FieldTypes(new com.chatwebsite.api.host.ExtensionLookup() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> find(Class<T> type) {
                return (List<T>) contributed;
            }
        });
        Map<String, FormFieldType> now = registry.current();
        assertEquals(List.of("label", "select", "input", "textarea", "radio", "checkboxes", "agreement", "attachment",
                "code"), List.copyOf(now.keySet()));
        assertTrue(now.get("select") == seeds.get(1), "the chat plugin's select was listed first");
        String before = FieldTypes.signature(now);
        contributed.remove(CODE);
        assertFalse(before.equals(FieldTypes.signature(registry.current())), "a stopped type changes the signature");

        contributed.clear();
        contributed.add(clashingSelect);
        Map<String, FormFieldType> early = registry.current();
        assertTrue(early.get("select") == clashingSelect, "a plugin started first wins, as in the catalogue");
        assertEquals(8, early.size(), "while nothing else is listed, the seed types fill in the other names");
    }
}
