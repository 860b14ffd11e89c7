package com.chatwebsite.plugin.session;

import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.host.OfferField;
import com.chatwebsite.plugin.form.FormField;
import com.chatwebsite.plugin.form.FormKind;
import com.chatwebsite.plugin.form.FormService;
import com.chatwebsite.plugin.upload.StoredUpload;
import com.chatwebsite.plugin.upload.UploadService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an agent sees a chat's pre-chat fields: in the website's online form order, with the form's
 * labels, and attached files by name. Read when the chat is offered, so a form changed later still
 * shows the fields the customer filled in (a field no longer in the form is shown by name).
 */
public final class OfferForm {

    private static final Logger LOG = LoggerFactory.getLogger(OfferForm.class);

    private final FormService forms;
    private final UploadService uploads;

    public OfferForm(FormService forms, UploadService uploads) {
        this.forms = forms;
        this.uploads = uploads;
    }

    /**
     * The offer's form for a session.
     *
     * @param s the session
     * @return one entry per field the customer filled in that the form knows, in form order; empty
     *     if the form cannot be read (the agent then sees the fields by name)
     */
    public List<OfferField> of(ChatSession s) {
        try {
            Map<String, String> fileNames = new LinkedHashMap<>();
            for (StoredUpload u : uploads.ownedBy(s.id())) {
                fileNames.put(u.id(), u.fileName());
            }
            List<OfferField> out = new ArrayList<>();
            for (FormField f : forms.get(s.websiteId(), FormKind.ONLINE).sections()) {
                if (!f.control().takesValue() || !s.fields().containsKey(f.name())) {
                    continue;
                }
                String label = f.label() == null || f.label().isBlank() ? f.name() : f.label().strip();
                out.add(new OfferField(f.name(), label,
                        f.control() == WidgetControl.FILE ? filesOf(s.fields().get(f.name()), fileNames) : Map.of()));
            }
            return out;
        } catch (RuntimeException e) {
            LOG.warn("could not read the form of website {}; session {} is offered with its fields by name",
                    s.websiteId(), s.id(), e);
            return List.of();
        }
    }

    private static Map<String, String> filesOf(Object value, Map<String, String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof List<?> ids) {
            for (Object id : ids) {
                String name = names.get(String.valueOf(id));
                if (name != null) {
                    out.put(String.valueOf(id), name);
                }
            }
        }
        return out;
    }
}
