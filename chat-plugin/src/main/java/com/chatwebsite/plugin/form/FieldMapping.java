package com.chatwebsite.plugin.form;

/**
 * Where a field's value goes: a contact field of the host's Contact Manager, or a routing variable
 * that travels with the chat offered to agents.
 *
 * @param toContact true for a contact field, false for a routing variable
 * @param target the contact field's or the variable's name
 */
public record FieldMapping(boolean toContact, String target) {
}
