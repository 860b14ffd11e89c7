package com.chatwebsite.plugin.form;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.List;
import java.util.Objects;

/**
 * Renders a form as the widget shows it, as a standalone HTML page for the builder's live preview.
 * Every label, option and default is escaped; the page runs no script.
 */
public final class FormPreview {

    private static final Escaper HTML = HtmlEscapers.htmlEscaper();
    private static final String STYLE = "body{font:14px system-ui,sans-serif;margin:0;padding:16px;background:#fff}"
            + ".cw-form{display:flex;flex-direction:column;gap:12px;max-width:360px}"
            + ".cw-field{display:flex;flex-direction:column;gap:4px}"
            + ".cw-field input[type=text],.cw-field input[type=email],.cw-field input[type=number],"
            + ".cw-field select,.cw-field textarea{padding:8px;border:1px solid #bbb;border-radius:6px;font:inherit}"
            + "fieldset{border:0;padding:0;margin:0}.cw-req{color:#b00020}.cw-label{margin:0;white-space:pre-wrap}"
            + ".cw-submit{padding:10px;border:0;border-radius:6px;color:#fff;background:%s}";

    private FormPreview() {
    }

    /**
     * The preview page.
     *
     * @param form the form
     * @param title the heading, such as the panel's title
     * @param color the submit button's colour ({@code #rrggbb})
     * @return a complete HTML document
     */
    public static String page(FormDefinition form, String title, String color) {
        String safeColor = color != null && color.matches("#[0-9a-fA-F]{6}") ? color : "#1f6feb";
        StringBuilder out = new StringBuilder(1024);
        out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\"><title>").append(HTML.escape(title)).append("</title><style>")
                .append(String.format(STYLE, safeColor)).append("</style></head><body>")
                .append("<form class=\"cw-form\" onsubmit=\"return false\"><h2>").append(HTML.escape(title))
                .append("</h2>");
        for (FormField f : form.sections()) {
            field(out, f);
        }
        out.append("<button class=\"cw-submit\" type=\"submit\">Send</button></form></body></html>");
        return out.toString();
    }

    private static void field(StringBuilder out, FormField f) {
        String name = HTML.escape(f.name());
        String required = f.required() ? " required" : "";
        switch (f.type()) {
            case LABEL -> out.append("<p class=\"cw-label\">").append(HTML.escape(f.label())).append("</p>");
            case INPUT -> {
                caption(out.append("<label class=\"cw-field\">"), f);
                out.append("<input type=\"").append(HTML.escape(f.inputType().orElse("text"))).append("\" name=\"")
                        .append(name).append('"').append(required);
                f.defaultValue().ifPresent(v -> out.append(" value=\"").append(HTML.escape(String.valueOf(v)))
                        .append('"'));
                out.append("></label>");
            }
            case TEXTAREA -> {
                caption(out.append("<label class=\"cw-field\">"), f);
                out.append("<textarea rows=\"4\" name=\"").append(name).append('"').append(required).append('>')
                        .append(HTML.escape(String.valueOf(f.defaultValue().orElse("")))).append("</textarea></label>");
            }
            case SELECT -> {
                caption(out.append("<label class=\"cw-field\">"), f);
                out.append("<select name=\"").append(name).append('"').append(required).append("><option value=\"\">")
                        .append("Choose…</option>");
                for (String o : f.options()) {
                    out.append("<option").append(selected(f, o) ? " selected" : "").append('>')
                            .append(HTML.escape(o)).append("</option>");
                }
                out.append("</select></label>");
            }
            case RADIO, CHECKBOXES -> {
                String type = f.type() == FieldType.RADIO ? "radio" : "checkbox";
                out.append("<fieldset class=\"cw-field\"><legend>");
                caption(out, f);
                out.append("</legend>");
                for (String o : f.options()) {
                    out.append("<label><input type=\"").append(type).append("\" name=\"").append(name)
                            .append("\" value=\"").append(HTML.escape(o)).append('"')
                            .append(selected(f, o) ? " checked" : "").append("> ").append(HTML.escape(o))
                            .append("</label>");
                }
                out.append("</fieldset>");
            }
            case AGREEMENT -> out.append("<label class=\"cw-field cw-agreement\"><span><input type=\"checkbox\" name=\"")
                    .append(name).append('"').append(required).append("> ").append(HTML.escape(f.label()))
                    .append(f.required() ? " <span class=\"cw-req\">*</span>" : "").append("</span></label>");
            case ATTACHMENT -> {
                caption(out.append("<label class=\"cw-field\">"), f);
                out.append("<input type=\"file\" multiple name=\"").append(name).append("\" accept=\"")
                        .append(HTML.escape(f.accept().map(a -> a.text()).orElse(""))).append('"').append(required)
                        .append("></label>");
            }
            default -> throw new IllegalStateException(f.type().name());
        }
    }

    private static void caption(StringBuilder out, FormField f) {
        out.append("<span>").append(HTML.escape(f.label()));
        if (f.required()) {
            out.append(" <span class=\"cw-req\">*</span>");
        }
        out.append("</span>");
    }

    private static boolean selected(FormField f, String option) {
        Object d = f.defaultValue().orElse(null);
        return d instanceof List<?> list ? list.contains(option) : Objects.equals(d, option);
    }
}
