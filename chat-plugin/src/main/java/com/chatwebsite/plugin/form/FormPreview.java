package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.FormHtml;
import java.util.Map;

/**
 * Renders a form as the widget shows it, as a standalone HTML page for the builder's live preview.
 * Every label, option and default is escaped; the page runs no script.
 */
public final class FormPreview {

    private static final String STYLE = "body{font:14px system-ui,sans-serif;margin:0;padding:16px;background:#fff}"
            + ".cw-form{display:flex;flex-direction:column;gap:12px;max-width:360px}"
            + ".cw-field{display:flex;flex-direction:column;gap:4px}"
            + ".cw-field input:not([type=checkbox]):not([type=radio]):not([type=file]),.cw-field select,.cw-field textarea{padding:8px;border:1px solid #bbb;border-radius:6px;font:inherit}"
            + "fieldset{border:0;padding:0;margin:0}.cw-req{color:#b00020}.cw-label{margin:0;white-space:pre-wrap}"
            + ".cw-unavailable{margin:0;padding:8px;border:1px dashed #b00020;color:#b00020}"
            + ".cw-submit{padding:10px;border:0;border-radius:6px;color:#fff;background:%s}";

    private FormPreview() {
    }

    /**
     * The preview page.
     *
     * @param form the form
     * @param title the heading, such as the panel's title
     * @param color the submit button's colour ({@code #rrggbb})
     * @param types the available field types by name; each field is rendered by its type
     * @return a complete HTML document
     */
    public static String page(FormDefinition form, String title, String color, Map<String, FormFieldType> types) {
        String safeColor = color != null && color.matches("#[0-9a-fA-F]{6}") ? color : "#1f6feb";
        StringBuilder out = new StringBuilder(1024);
        out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\"><title>").append(FormHtml.escape(title)).append("</title><style>")
                .append(String.format(STYLE, safeColor)).append("</style></head><body>")
                .append("<form class=\"cw-form\" onsubmit=\"return false\"><h2>").append(FormHtml.escape(title))
                .append("</h2>");
        for (FormField f : form.sections()) {
            out.append(field(f, types.get(f.type())));
        }
        out.append("<button class=\"cw-submit\" type=\"submit\">Send</button></form></body></html>");
        return out.toString();
    }

    private static String field(FormField f, FormFieldType type) {
        if (type != null) {
            try {
                return FieldTypeFailure.call(type, f.type(), () -> type.previewHtml(f.definition()));
            } catch (FieldTypeFailure e) {
                // shown as unavailable below
            }
        }
        return "<p class=\"cw-unavailable\">" + FormHtml.escape("The field " + f.label() + " (" + f.type()
                + ") cannot be shown now.") + "</p>";
    }
}
