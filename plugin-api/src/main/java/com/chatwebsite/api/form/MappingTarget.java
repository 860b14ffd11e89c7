package com.chatwebsite.api.form;

/**
 * Where a field's value may go: a field of the host's Contact Manager or a routing variable sent to
 * agents with the chat. A {@link FormFieldType} lists the targets its values make sense for; the
 * form builder refuses a mapping to any other.
 *
 * @since 1.2
 */
public enum MappingTarget {
    /** A contact field, written as {@code "mapTo": {"contact": "<field>"}}. */
    CONTACT_FIELD,
    /** A routing variable, written as {@code "mapTo": {"variable": "<name>"}}. */
    ROUTING_VARIABLE
}
