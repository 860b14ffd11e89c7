package com.chatwebsite.plugin.website;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingsSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Website settings: every field refuses what is out of range, unsafe or of the wrong kind, by name and rule. */
class WebsiteInputTest {

    private static final SettingsSchema SCHEMA = new WebsiteSettingsSchema(new ContactManager() {
        @Override
        public List<ContactField> fields() {
            return List.of(new ContactField("email", "E-mail", true), new ContactField("firstName", "First name", false));
        }

        @Override
        public Optional<Contact> findById(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Contact> findByField(String field, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Contact create(Map<String, String> fields) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Contact update(String id, Map<String, String> fields) {
            throw new UnsupportedOperationException();
        }
    }).schema();

    /** The contract's example website. */
    private static Map<String, Object> valid() {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("name", "Shop");
        w.put("origins", List.of("https://shop.example.com", "https://*.example.org"));
        w.put("timezone", "Europe/Rome");
        w.put("workingIntervals", List.of(Map.of("weekdays", "mon-fri", "time", "09:00-18:00"),
                Map.of("weekdays", "sat", "time", "22:00-02:00")));
        w.put("closedDates", List.of("2026-12-25"));
        w.put("maxConcurrentSessions", 10);
        w.put("unmanagedAfterSeconds", 120);
        w.put("contactMatchField", "email");
        w.put("offline", new HashMap<>(Map.of("forwardTo", "support@shop.example.com",
                "openInteraction", Map.of("to", "inbox@shop.example.com", "subjectField", "subject"))));
        w.put("appearance", new HashMap<>(Map.of("logoUrl", "https://cdn.example.com/logo.png")));
        w.put("displayRules", new HashMap<>(Map.of("hours", "22:00-02:00")));
        w.put("messages", new HashMap<>(Map.of("greeting", "Hello!\nHow can we help?")));
        w.put("videoCall", new HashMap<>(Map.of("enabled", true)));
        return w;
    }

    /** The fields at fault and their rules, after setting a dotted key (null value: a JSON null). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> errorsWith(String dottedKey, Object value) {
        Map<String, Object> input = valid();
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> at = input;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new HashMap<String, Object>());
        }
        at.put(parts[parts.length - 1], value);
        return rules(WebsiteInput.parse(SCHEMA, input).errors());
    }

    private static Map<String, String> rules(List<FieldError> errors) {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::rule, (a, b) -> a + "," + b));
    }

    @Test
    void theContractsExamplePasses() {
        WebsiteInput.Parsed parsed = WebsiteInput.parse(SCHEMA, valid());
        assertEquals(List.of(), parsed.errors());
        assertNotNull(parsed.definition());
        assertEquals(10, parsed.definition().maxConcurrentSessions());
    }

    @Test
    void originPortsAreFrom1To65535() {
        assertEquals(Map.of("origins[1]", "origin"), errorsWith("origins",
                List.of("https://shop.example.com", "https://x.example.com:99999")));
        assertEquals(Map.of("origins[0]", "origin"), errorsWith("origins", List.of("https://x.example.com:0")));
        assertEquals(Map.of("origins[0]", "origin"), errorsWith("origins", List.of("https://*.example.com:70000")));
        assertEquals(Map.of(), errorsWith("origins", List.of("https://x.example.com:65535", "http://localhost:1")));
        assertEquals(java.util.Optional.empty(), OriginPattern.parseOrigin("https://x.example.com:99999"));
    }

    @Test
    void theTimezoneIsAZoneIdAndNeverEmpty() {
        assertEquals(Map.of("timezone", "timezone"), errorsWith("timezone", ""));
        assertEquals(Map.of("timezone", "timezone"), errorsWith("timezone", " "));
        assertEquals(Map.of("timezone", "timezone"), errorsWith("timezone", "Mars/Olympus"));
        assertEquals(Map.of("timezone", "string"), errorsWith("timezone", 1));
        assertEquals(Map.of(), errorsWith("timezone", "Asia/Kolkata"));
    }

    @Test
    void maxConcurrentSessionsIsAPositiveWholeNumberAndNotNull() {
        assertEquals(Map.of("maxConcurrentSessions", "required"), errorsWith("maxConcurrentSessions", null));
        assertEquals(Map.of("maxConcurrentSessions", "range"), errorsWith("maxConcurrentSessions", 0));
        assertEquals(Map.of("maxConcurrentSessions", "range"), errorsWith("maxConcurrentSessions", -5));
        assertEquals(Map.of("maxConcurrentSessions", "range"), errorsWith("maxConcurrentSessions", 4_294_967_297L),
                "a long that an int cast would wrap to 1");
        assertEquals(Map.of("maxConcurrentSessions", "integer"), errorsWith("maxConcurrentSessions", ""));
        assertEquals(Map.of("maxConcurrentSessions", "integer"), errorsWith("maxConcurrentSessions", 2.5));
        Map<String, Object> without = valid();
        without.remove("maxConcurrentSessions");
        assertEquals(10, WebsiteInput.parse(SCHEMA, without).definition().maxConcurrentSessions(), "absent: default");
    }

    @Test
    void everyNumericSettingHasItsRange() {
        Object[][] cases = {
            {"unmanagedAfterSeconds", 4}, {"unmanagedAfterSeconds", 86_401}, {"maxMessageLength", 0},
            {"messages.waitingAfterSeconds", 0}, {"displayRules.delaySeconds", -1}, {"displayRules.scrollPercent", 101},
        };
        for (Object[] c : cases) {
            assertEquals(Map.of(c[0], "range"), errorsWith((String) c[0], c[1]), c[0] + "=" + c[1]);
        }
        assertEquals(Map.of("unmanagedAfterSeconds", "integer"), errorsWith("unmanagedAfterSeconds", true));
    }

    @Test
    void theLogoAndTheVideoRoomAreHttpsUrls() {
        assertEquals(Map.of("appearance.logoUrl", "https"), errorsWith("appearance.logoUrl", "http://cdn.example.com/l.png"));
        assertEquals(Map.of("appearance.logoUrl", "url"), errorsWith("appearance.logoUrl", "javascript:alert(1)"));
        assertEquals(Map.of("appearance.logoUrl", "url"), errorsWith("appearance.logoUrl", "https://cdn.example.com:99999/"));
        assertEquals(Map.of("videoCall.linkTemplate", "https"),
                errorsWith("videoCall.linkTemplate", "http://meet.example.org/{room}"));
        assertEquals(Map.of(), errorsWith("videoCall.linkTemplate", "https://meet.example.org/{room}"));
        assertEquals(Map.of("videoCall.apiUrl", "url"), errorsWith("videoCall.apiUrl", "file:///etc/passwd"));
        assertEquals(Map.of(), errorsWith("videoCall.apiUrl", "http://video.internal:8080/api"));
    }

    @Test
    void hoursAreValidTimesOfDay() {
        assertEquals(Map.of("displayRules.hours", "interval"), errorsWith("displayRules.hours", "25:00-26:00"));
        assertEquals(Map.of("displayRules.hours", "interval"), errorsWith("displayRules.hours", "09:60-10:00"));
        assertEquals(Map.of("displayRules.hours", "interval"), errorsWith("displayRules.hours", "24:00-10:00"));
        assertEquals(Map.of("displayRules.hours", "interval"), errorsWith("displayRules.hours", "09:00-09:00"));
        assertEquals(Map.of("displayRules.hours", "interval"), errorsWith("displayRules.hours", "9-17"));
        assertEquals(Map.of(), errorsWith("displayRules.hours", "00:00-24:00"));
        assertEquals(Map.of("workingIntervals[0].time", "interval"), errorsWith("workingIntervals",
                List.of(Map.of("weekdays", "mon", "time", "23:00-25:00"))));
        Map<String, Object> noTime = new HashMap<>();
        noTime.put("weekdays", "mon");
        noTime.put("time", null);
        assertEquals(Map.of("workingIntervals[0].time", "required"), errorsWith("workingIntervals", List.of(noTime)));
    }

    @Test
    void closedDatesAreCalendarDatesWrittenYyyyMmDd() {
        assertEquals(Map.of("closedDates[0]", "date"), errorsWith("closedDates", List.of("2026-02-30")));
        assertEquals(Map.of("closedDates[0]", "date"), errorsWith("closedDates", List.of("+12026-01-01")));
        assertEquals(Map.of("closedDates[0]", "date"), errorsWith("closedDates", List.of("2026-1-5")));
    }

    @Test
    void namesAddressesAndOneLineTextsHoldNoControlNorBidiCharacter() {
        assertEquals(Map.of("name", "bidi"), errorsWith("name", "Shop\u202egpj.exe"));
        assertEquals(Map.of("name", "control"), errorsWith("name", "Shop\nInjected"));
        assertEquals(Map.of("name", "unicode"), errorsWith("name", "Shop\ud800"));
        assertEquals(Map.of("offline.forwardTo", "bidi"), errorsWith("offline.forwardTo", "support\u202e@shop.example.com"));
        assertEquals(Map.of("offline.forwardTo", "email"), errorsWith("offline.forwardTo", "support\u200b@shop.example.com"));
        assertEquals(Map.of("appearance.title", "control"), errorsWith("appearance.title", "Chat\u0000"));
        assertEquals(Map.of("origins[0]", "control"), errorsWith("origins", List.of("https://shop.example.com\t")));
        assertEquals(Map.of("messages.greeting", "control"), errorsWith("messages.greeting", "Hello\u0007"));
        assertEquals(Map.of(), errorsWith("messages.greeting", "Hello\r\n\tthere \u202bשלום\u202c"));
        assertEquals(Map.of(), errorsWith("offline.forwardTo", ""), "an optional address may be left empty");
    }

    @Test
    void nullForARequiredSettingIsRequiredAndUnknownKeysAreNamed() {
        assertEquals(Map.of("name", "required"), errorsWith("name", null));
        assertEquals(Map.of("origins", "required"), errorsWith("origins", null));
        assertEquals(Map.of("appearance.colour", "unknown"), errorsWith("appearance.colour", "red"));
        List<FieldError> all = new ArrayList<>(WebsiteInput.parse(SCHEMA, Map.of()).errors());
        assertEquals(Map.of("name", "required", "origins", "required"), rules(all));
    }
}
