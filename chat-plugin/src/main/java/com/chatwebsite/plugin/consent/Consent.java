package com.chatwebsite.plugin.consent;

/**
 * What a customer agreed to by checking an agreement field of a form.
 *
 * @param fieldName the agreement field's name
 * @param text the field's text (its label) as the customer read it
 * @param version the field's {@code version}, or a short hash of the text when it has none
 */
public record Consent(String fieldName, String text, String version) {
}
