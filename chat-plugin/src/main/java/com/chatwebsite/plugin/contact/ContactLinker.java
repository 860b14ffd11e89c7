package com.chatwebsite.plugin.contact;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.plugin.form.FieldMapping;
import com.chatwebsite.plugin.form.FormDefinition;
import com.chatwebsite.plugin.form.FormField;
import com.chatwebsite.plugin.identity.VisitorIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links a requester to the host's Contact Manager: finds the contact by the website's match field,
 * fills in the mapped fields the contact lacks, or creates the contact when none matches. It only
 * links: what the requester typed never opens anything of the contact's.
 */
public final class ContactLinker {

    private static final Logger LOG = LoggerFactory.getLogger(ContactLinker.class);

    /** The host's contact field a verified user id is matched on. */
    public static final String EXTERNAL_ID = "externalId";

    private final ContactManager contacts;

    public ContactLinker(ContactManager contacts) {
        this.contacts = contacts;
    }

    /**
     * Finds, updates or creates the contact.
     *
     * @param matchField the website's match field, such as {@code email}
     * @param form the form the values come from
     * @param values the validated values
     * @return the contact's id, or empty when the form gave no value for the match field (or the
     *     Contact Manager failed, which does not stop the chat)
     */
    public Optional<String> link(String matchField, FormDefinition form, Map<String, Object> values) {
        Map<String, String> mapped = contactValues(form, values);
        String matchValue = mapped.get(matchField);
        if (matchValue == null || matchValue.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(findFillOrCreate(matchField, matchValue, mapped));
        } catch (RuntimeException e) {
            LOG.warn("linking a contact by {} failed; going on without one", matchField, e);
            return Optional.empty();
        }
    }

    /**
     * Finds, fills or creates the contact of a verified visitor by {@code externalId}: the signed
     * user id decides which contact it is, never a typed value. The signed e-mail and name come
     * before typed values; either only fills fields the contact lacks.
     *
     * @param identity the verified identity
     * @param form the form the typed values come from
     * @param values the validated values
     * @return the contact's id, or empty if the Contact Manager failed (the chat goes on)
     */
    public Optional<String> linkVerified(VisitorIdentity identity, FormDefinition form, Map<String, Object> values) {
        try {
            Map<String, String> mapped = new LinkedHashMap<>(contactValues(form, values));
            Set<String> known = contacts.fields().stream().map(ContactField::name).collect(Collectors.toSet());
            identity.email().filter(e -> known.contains("email")).ifPresent(e -> mapped.put("email", e));
            identity.name().ifPresent(n -> putName(mapped, known, n));
            mapped.put(EXTERNAL_ID, identity.userId());
            return Optional.of(findFillOrCreate(EXTERNAL_ID, identity.userId(), mapped));
        } catch (RuntimeException e) {
            LOG.warn("linking a verified visitor's contact failed; going on without one", e);
            return Optional.empty();
        }
    }

    /**
     * The first contact whose field has the value, with the mapped fields it lacks filled in, or a
     * new contact of the mapped fields.
     */
    private String findFillOrCreate(String field, String value, Map<String, String> mapped) {
        List<Contact> found = contacts.findByField(field, value);
        if (found.isEmpty()) {
            return contacts.create(mapped).id();
        }
        Contact contact = found.get(0);
        Map<String, String> missing = new LinkedHashMap<>();
        mapped.forEach((name, v) -> {
            if (contact.field(name).filter(current -> !current.isBlank()).isEmpty()) {
                missing.put(name, v);
            }
        });
        if (!missing.isEmpty()) {
            contacts.update(contact.id(), missing);
        }
        return contact.id();
    }

    /** A signed name goes to {@code name}, or is split into {@code firstName} and {@code lastName}. */
    private static void putName(Map<String, String> mapped, Set<String> known, String name) {
        if (known.contains("name")) {
            mapped.put("name", name);
            return;
        }
        int space = name.lastIndexOf(' ');
        if (known.contains("firstName")) {
            mapped.put("firstName", space > 0 && known.contains("lastName") ? name.substring(0, space) : name);
        }
        if (space > 0 && known.contains("lastName")) {
            mapped.put("lastName", name.substring(space + 1));
        }
    }

    /**
     * The values of fields mapped to contact fields, as text.
     *
     * @param form the form
     * @param values the values
     * @return contact field → value
     */
    static Map<String, String> contactValues(FormDefinition form, Map<String, Object> values) {
        return mappedValues(form, values, true);
    }

    /**
     * The routing variables a submission sets.
     *
     * @param form the form
     * @param values the validated values
     * @return variable → value as text
     */
    public static Map<String, String> variables(FormDefinition form, Map<String, Object> values) {
        return mappedValues(form, values, false);
    }

    private static Map<String, String> mappedValues(FormDefinition form, Map<String, Object> values, boolean contact) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : form.sections()) {
            Optional<FieldMapping> m = f.mapTo();
            Object v = values.get(f.name());
            if (m.isEmpty() || m.get().toContact() != contact || v == null) {
                continue;
            }
            String text = v instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                    : v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v);
            if (!text.isBlank()) {
                out.put(m.get().target(), text);
            }
        }
        return out;
    }
}
