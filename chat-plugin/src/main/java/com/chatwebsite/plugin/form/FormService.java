package com.chatwebsite.plugin.form;

import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each website's online and offline forms: the defaults until the admin saves one. */
public final class FormService {

    private static final Logger LOG = LoggerFactory.getLogger(FormService.class);

    private final FormRepository store;
    private final ContactManager contacts;
    private final Clock clock;
    private final Map<String, FormDefinition> cache = new ConcurrentHashMap<>();

    public FormService(FormRepository store, ContactManager contacts, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * A website's form.
     *
     * @param websiteId the website
     * @param kind which form
     * @return the saved form, or the default
     */
    public FormDefinition get(String websiteId, FormKind kind) {
        return cache.computeIfAbsent(websiteId + "/" + kind.wire(), k -> {
            Map<String, Object> stored = store.find(websiteId, kind)
                    .orElse(kind == FormKind.ONLINE ? DefaultForms.online() : DefaultForms.offline());
            FormDefinitionParser.Parsed parsed = parse(stored);
            if (parsed.form().isEmpty()) {
                LOG.warn("the stored {} form of {} no longer fits the host ({}); using the default", kind.wire(),
                        websiteId, parsed.errors());
                return parse(kind == FormKind.ONLINE ? DefaultForms.online() : DefaultForms.offline()).form()
                        .orElseThrow();
            }
            return parsed.form().get();
        });
    }

    /**
     * Checks a definition without saving it.
     *
     * @param input the definition as maps
     * @return the form or the errors
     */
    public FormDefinitionParser.Parsed parse(Map<String, Object> input) {
        Set<String> fields = contacts.fields().stream().map(ContactField::name).collect(Collectors.toSet());
        return FormDefinitionParser.parse(input, fields);
    }

    /**
     * Saves a website's form if it is valid.
     *
     * @param websiteId the website
     * @param kind which form
     * @param input the definition
     * @return the form or the errors; nothing is saved on errors
     */
    public FormDefinitionParser.Parsed save(String websiteId, FormKind kind, Map<String, Object> input) {
        FormDefinitionParser.Parsed parsed = parse(input);
        parsed.form().ifPresent(form -> {
            store.save(websiteId, kind, form.toMap(), clock.instant());
            cache.put(websiteId + "/" + kind.wire(), form);
        });
        return parsed;
    }
}
