package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.FormHtml;
import java.util.Map;

/**
 * Renders a form as the widget shows it, as a standalone HTML page for the builder's live preview:
 * the widget's own style sheet and strings ({@link WidgetLook}), its panel, header and form markup,
 * the website's language and colour, and the button the widget shows ("Start chat" on the online
 * form). Every label, option and default is escaped; the page runs no script (its CSP allows none).
 */
public final class FormPreview {

    /** Puts the panel in the page's flow instead of the corner of a site. */
    private static final String PREVIEW_STYLE = "body{margin:0;padding:12px;background:#f4f5f7}"
            + "#cw-widget{position:static}#cw-widget .cw-panel{position:static;width:370px;max-width:100%;height:auto;"
            + "max-height:none;border-radius:12px}#cw-widget .cw-body{overflow:visible}"
            + ".cw-agreement{flex-direction:row}.cw-agreement span{display:inline}"
            + ".cw-unavailable{margin:0;padding:8px;border:1px dashed #b00020;color:#b00020}";
    private static final String DEFAULT_COLOR = "#1f6feb";

    private FormPreview() {
    }

    /**
     * The preview page of an online form in English.
     *
     * @param form the form
     * @param title the heading, such as the panel's title
     * @param color the colour ({@code #rrggbb})
     * @param types the available field types by name; each field is rendered by its type
     * @return a complete HTML document
     */
    public static String page(FormDefinition form, String title, String color, Map<String, FormFieldType> types) {
        return page(form, title, color, types, FormKind.ONLINE, "en");
    }

    /**
     * The preview page.
     *
     * @param form the form
     * @param title the heading, such as the panel's title
     * @param color the colour ({@code #rrggbb} or {@code #rgb}); another value gives the default
     * @param types the available field types by name; each field is rendered by its type
     * @param kind which form it is: the online one starts a chat, the offline one sends a message
     * @param language the widget's language; one it does not speak gives English
     * @return a complete HTML document
     */
    public static String page(FormDefinition form, String title, String color, Map<String, FormFieldType> types,
            FormKind kind, String language) {
        WidgetLook look = WidgetLook.get();
        String lang = language != null && look.speaks(language) ? language : "en";
        String safeColor = color != null && color.matches("#([0-9a-fA-F]{3}){1,2}") ? color : DEFAULT_COLOR;
        String heading = title == null || title.isBlank() ? look.text(lang, "title") : title;
        StringBuilder out = new StringBuilder(8192);
        out.append("<!doctype html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\"><title>").append(FormHtml.escape(heading)).append("</title><style>")
                .append(look.css()).append(PREVIEW_STYLE).append("</style></head><body>")
                .append("<div id=\"cw-widget\" lang=\"").append(lang).append("\" style=\"--cw-c:").append(safeColor)
                .append(";--cw-t:").append(ink(safeColor)).append("\"><div class=\"cw-panel\" role=\"region\" aria-label=\"")
                .append(FormHtml.escape(heading)).append("\"><div class=\"cw-header\"><div class=\"cw-title\">")
                .append(FormHtml.escape(heading)).append("</div></div><div class=\"cw-body\">")
                .append("<form class=\"cw-form\" data-kind=\"").append(kind.wire()).append("\" novalidate>");
        if (kind == FormKind.OFFLINE) {
            out.append("<div class=\"cw-heading\">").append(FormHtml.escape(look.text(lang, "leave"))).append("</div>")
                    .append("<p class=\"cw-notice\">").append(FormHtml.escape(look.text(lang, "offline"))).append("</p>");
        }
        String choose = "<option value=\"\">" + FormHtml.escape(look.text(lang, "choose")) + "</option>";
        for (FormField f : form.sections()) {
            out.append(field(f, types.get(f.type())).replace("<option value=\"\">Choose…</option>", choose));
        }
        out.append("<button class=\"cw-submit\" type=\"submit\">")
                .append(FormHtml.escape(look.text(lang, kind == FormKind.ONLINE ? "start" : "send")))
                .append("</button></form></div></div></div></body></html>");
        return out.toString();
    }

    /** The text colour on a background, as the widget picks it. */
    static String ink(String color) {
        String hex = color.length() == 4 ? color.replaceAll("([0-9a-fA-F])", "$1$1") : color;
        int n = Integer.parseInt(hex.substring(1, 7), 16);
        return ((n >> 16) * 299 + ((n >> 8) & 255) * 587 + (n & 255) * 114) / 1000 > 160 ? "#111" : "#fff";
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
