package com.chatwebsite.api.form;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * HTML for field previews: escaping, and the default rendering of each {@link WidgetControl}
 * that {@link FormFieldType#previewHtml} uses. The fragments use the classes of the widget's own
 * form ({@code cw-field}, {@code cw-label}, {@code cw-req}) and run no script.
 *
 * @since 1.2
 */
public final class FormHtml {

    private FormHtml() {
    }

    /**
     * Escapes text for HTML content and quoted attribute values.
     *
     * @param text any text, possibly null (written as nothing)
     * @return the text with {@code & < > " '} escaped
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A field rendered as the widget shows its control.
     *
     * @param field the field
     * @param control the control
     * @param attributes the widget attributes (see {@link FieldProperties#WIDGET_ATTRIBUTES}); others are left out
     * @return an HTML fragment
     */
    public static String field(FormFieldDefinition field, WidgetControl control, Map<String, String> attributes) {
        StringBuilder out = new StringBuilder(256);
        String name = escape(field.name());
        String required = field.required() ? " required" : "";
        Object defaultValue = field.properties().get("default");
        switch (control) {
            case STATIC -> out.append("<p class=\"cw-label\">").append(escape(field.label())).append("</p>");
            case TEXT -> {
                caption(out.append("<label class=\"cw-field\">"), field);
                String type = attributes.getOrDefault("inputType", "text");
                out.append("<input type=\"").append(escape(FieldProperties.INPUT_TYPES.contains(type) ? type : "text"))
                        .append("\" name=\"").append(name).append('"').append(required);
                attributes(out, attributes);
                if (defaultValue != null) {
                    out.append(" value=\"").append(escape(text(defaultValue))).append('"');
                }
                out.append("></label>");
            }
            case TEXTAREA -> {
                caption(out.append("<label class=\"cw-field\">"), field);
                out.append("<textarea rows=\"").append(escape(attributes.getOrDefault("rows", "4"))).append("\" name=\"")
                        .append(name).append('"').append(required);
                attributes(out, Map.of("maxlength", attributes.getOrDefault("maxlength", ""),
                        "placeholder", attributes.getOrDefault("placeholder", "")));
                out.append('>').append(escape(defaultValue == null ? "" : text(defaultValue)))
                        .append("</textarea></label>");
            }
            case SELECT -> {
                caption(out.append("<label class=\"cw-field\">"), field);
                out.append("<select name=\"").append(name).append('"').append(required)
                        .append("><option value=\"\">Choose…</option>");
                for (String o : field.strings("options")) {
                    out.append("<option").append(chosen(defaultValue, o) ? " selected" : "").append('>')
                            .append(escape(o)).append("</option>");
                }
                out.append("</select></label>");
            }
            case RADIO, CHECKBOXES -> {
                String type = control == WidgetControl.RADIO ? "radio" : "checkbox";
                out.append("<fieldset class=\"cw-field\"><legend>");
                caption(out, field);
                out.append("</legend>");
                for (String o : field.strings("options")) {
                    out.append("<label><input type=\"").append(type).append("\" name=\"").append(name)
                            .append("\" value=\"").append(escape(o)).append('"')
                            .append(chosen(defaultValue, o) ? " checked" : "").append("> ").append(escape(o))
                            .append("</label>");
                }
                out.append("</fieldset>");
            }
            case CHECKBOX -> out.append("<label class=\"cw-field cw-agreement\"><span><input type=\"checkbox\" name=\"")
                    .append(name).append('"').append(required).append("> ").append(escape(field.label()))
                    .append(field.required() ? " <span class=\"cw-req\">*</span>" : "").append("</span></label>");
            case FILE -> {
                caption(out.append("<label class=\"cw-field\">"), field);
                out.append("<input type=\"file\" multiple name=\"").append(name).append("\" accept=\"")
                        .append(escape(attributes.getOrDefault("accept", ""))).append('"').append(required)
                        .append("></label>");
            }
            default -> throw new IllegalArgumentException("no rendering for " + control);
        }
        return out.toString();
    }

    private static void caption(StringBuilder out, FormFieldDefinition f) {
        out.append("<span>").append(escape(f.label()));
        if (f.required()) {
            out.append(" <span class=\"cw-req\">*</span>");
        }
        out.append("</span>");
    }

    private static void attributes(StringBuilder out, Map<String, String> attributes) {
        for (String key : List.of("min", "max", "step", "pattern", "maxlength", "placeholder", "autocomplete",
                "inputmode")) {
            String value = attributes.get(key);
            if (value != null && !value.isEmpty()) {
                out.append(' ').append(key).append("=\"").append(escape(value)).append('"');
            }
        }
    }

    private static String text(Object value) {
        return value instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue())
                : String.valueOf(value);
    }

    private static boolean chosen(Object defaultValue, String option) {
        return defaultValue instanceof List<?> list ? list.contains(option) : Objects.equals(defaultValue, option);
    }
}
