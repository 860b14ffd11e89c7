package com.chatwebsite.api.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's Contact Manager (its CRM), which plugins search and fill.
 *
 * <p>Implemented by the host; called by plugins from any thread, typically while handling a
 * request (a chat opening, an offline form). Each call is its own transaction. Matching is exact
 * on the stored value, except that the host compares {@code email} values without regard to case.
 *
 * @since 1.0
 */
public interface ContactManager {

    /**
     * The fields contacts can have, in the order a UI should list them.
     *
     * @return the host's contact fields
     */
    List<ContactField> fields();

    /**
     * One contact by id.
     *
     * @param id the host's id
     * @return the contact, if it exists
     */
    Optional<Contact> findById(String id);

    /**
     * Finds the contacts whose field has the value.
     *
     * @param field a field name from {@link #fields()}
     * @param value the value to match
     * @return the matches, oldest first; empty when none
     * @throws IllegalArgumentException if the field is unknown
     */
    List<Contact> findByField(String field, String value);

    /**
     * Creates a contact.
     *
     * @param fields its fields; names must come from {@link #fields()}, blank values are dropped
     * @return the new contact with its id
     * @throws IllegalArgumentException if a field is unknown
     */
    Contact create(Map<String, String> fields);

    /**
     * Sets fields of an existing contact; fields not named keep their value.
     *
     * @param id the contact's id
     * @param fields the fields to set
     * @return the contact as it now is
     * @throws IllegalArgumentException if a field is unknown
     * @throws java.util.NoSuchElementException if no contact has that id
     */
    Contact update(String id, Map<String, String> fields);

    /**
     * Erases a contact and what the host files under it (such as the e-mail interactions it sent),
     * for a person's erasure request (GDPR). A plugin calls it from an admin request thread, once it
     * erased its own data about the contact, and only when the admin asked for the contact to go
     * too. Durable when it returns. The default refuses, for hosts whose contacts are erased in the
     * CRM itself.
     *
     * @param id the contact's id
     * @return true if the contact existed
     * @throws UnsupportedOperationException if this host does not erase contacts through plugins
     * @since 1.2
     */
    default boolean erase(String id) {
        throw new UnsupportedOperationException("this host erases contacts in its own tools only");
    }
}
