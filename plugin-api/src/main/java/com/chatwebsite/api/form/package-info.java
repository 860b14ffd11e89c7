/**
 * The form builder's field types: what a customer fills in on a pre-chat or offline form. Any
 * plugin may contribute a {@link com.chatwebsite.api.form.FormFieldType}; the plugin that owns the
 * forms checks definitions and submissions through them, and the host's admin page renders the
 * builder from their descriptors.
 *
 * @since 1.2
 */
package com.chatwebsite.api.form;
