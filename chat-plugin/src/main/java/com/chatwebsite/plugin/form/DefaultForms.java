package com.chatwebsite.plugin.form;

import java.util.List;
import java.util.Map;

/** The forms a new website starts with: name and e-mail before a chat; name, e-mail and message offline. */
public final class DefaultForms {

    private DefaultForms() {
    }

    public static Map<String, Object> online() {
        return Map.of("sections", List.of(
                Map.of("type", "input", "inputType", "text", "name", "name", "label", "Name", "required", true,
                        "mapTo", Map.of("contact", "firstName")),
                Map.of("type", "input", "inputType", "email", "name", "email", "label", "E-mail", "required", true,
                        "mapTo", Map.of("contact", "email"))));
    }

    public static Map<String, Object> offline() {
        return Map.of("sections", List.of(
                Map.of("type", "input", "inputType", "text", "name", "name", "label", "Name", "required", true,
                        "mapTo", Map.of("contact", "firstName")),
                Map.of("type", "input", "inputType", "email", "name", "email", "label", "E-mail", "required", true,
                        "mapTo", Map.of("contact", "email")),
                Map.of("type", "textarea", "name", "message", "label", "Message", "required", true)));
    }
}
