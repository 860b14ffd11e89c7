package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each website's online and offline forms (the defaults until the admin saves one), checked through
 * the field types available now. A cached form is read again when the available types change.
 */
public final class FormService {

    private static final Logger LOG = LoggerFactory.getLogger(FormService.class);

    private final FormRepository store;
    private final ContactManager contacts;
    private final FieldTypes types;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String typesSignature, FormDefinition form) {
    }

    public FormService(FormRepository store, ContactManager contacts, FieldTypes types, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.types = types;
        this.clock = clock;
    }

    /**
     * The field types available now.
     *
     * @return name to type
     */
    public Map<String, FormFieldType> types() {
        return types.current();
    }

    /**
     * A website's form.
     *
     * @param websiteId the website
     * @param kind which form
     * @return the saved form (with the sections whose type is missing named in its problems), or the default
     */
    public FormDefinition get(String websiteId, FormKind kind) {
        Map<String, FormFieldType> now = types.current();
        String signature = FieldTypes.signature(now);
        String key = websiteId + "/" + kind.wire();
        Cached cached = cache.get(key);
        if (cached != null && cached.typesSignature().equals(signature)) {
            return cached.form();
        }
        Map<String, Object> stored = store.find(websiteId, kind).orElseGet(() -> defaults(kind));
        FormDefinitionParser.Parsed parsed = FormDefinitionParser.read(stored, contactFields(), now);
        if (parsed.form().isEmpty()) {
            LOG.warn("the stored {} form of {} no longer fits the host ({}); using the default", kind.wire(),
                    websiteId, parsed.errors());
            parsed = FormDefinitionParser.read(defaults(kind), contactFields(), now);
        }
        FormDefinition form = parsed.form().orElseThrow();
        cache.put(key, new Cached(signature, form));
        return form;
    }

    /**
     * Checks a definition without saving it.
     *
     * @param input the definition as maps
     * @return the form or the errors
     */
    public FormDefinitionParser.Parsed parse(Map<String, Object> input) {
        return FormDefinitionParser.parse(input, contactFields(), types.current());
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
        Map<String, FormFieldType> now = types.current();
        FormDefinitionParser.Parsed parsed = FormDefinitionParser.parse(input, contactFields(), now);
        parsed.form().ifPresent(form -> {
            store.save(websiteId, kind, form.toMap(), clock.instant());
            cache.put(websiteId + "/" + kind.wire(), new Cached(FieldTypes.signature(now), form));
        });
        return parsed;
    }

    /**
     * Validates a submission against a form with the field types available now.
     *
     * @param form the form
     * @param input the submitted values by field name
     * @param uploads checks attachment references
     * @param oneLine fields that take one line only
     * @return the result
     */
    public SubmissionValidator.Result validate(FormDefinition form, Map<String, Object> input,
            SubmissionValidator.UploadCheck uploads, Set<String> oneLine) {
        return SubmissionValidator.validate(form, input, uploads, oneLine, types.current());
    }

    /**
     * The builder's preview of a form.
     *
     * @param form the form
     * @param title the heading
     * @param color the button colour
     * @param kind which form it is
     * @param language the widget's language
     * @return the HTML page
     */
    public String preview(FormDefinition form, String title, String color, FormKind kind, String language) {
        return FormPreview.page(form, title, color, types.current(), kind, language);
    }

    private Set<String> contactFields() {
        return contacts.fields().stream().map(ContactField::name).collect(Collectors.toSet());
    }

    private static Map<String, Object> defaults(FormKind kind) {
        return kind == FormKind.ONLINE ? DefaultForms.online() : DefaultForms.offline();
    }
}
