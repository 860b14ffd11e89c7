package com.chatwebsite.plugin.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The widget's own look, read from the {@code widget.js} this jar ships: its style sheet (the
 * {@code CSS} string) and its strings by language (the {@code KEYS} and {@code LANG} tables), so the
 * builder's preview shows a form exactly as the widget does, without running the widget.
 */
public final class WidgetLook {

    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern KEYS = Pattern.compile("var KEYS = '([^']*)'");
    private static final Pattern LANG_LINE = Pattern.compile("^\\s+(\\w\\w): '((?:[^'\\\\]|\\\\.)*)',?$", Pattern.MULTILINE);

    private static final WidgetLook INSTANCE = load();

    private final String css;
    private final Map<String, Map<String, String>> strings;

    private WidgetLook(String css, Map<String, Map<String, String>> strings) {
        this.css = css;
        this.strings = strings;
    }

    /** The look of the widget in this jar. */
    public static WidgetLook get() {
        return INSTANCE;
    }

    /** The widget's style sheet. */
    public String css() {
        return css;
    }

    /**
     * A string of the widget in a language, English when the language or the string is missing.
     *
     * @param language such as {@code it}
     * @param key a key of the widget's table, such as {@code start}
     * @return the text
     */
    public String text(String language, String key) {
        String s = strings.getOrDefault(language, Map.of()).get(key);
        return s != null ? s : strings.getOrDefault("en", Map.of()).getOrDefault(key, key);
    }

    /** Whether the widget speaks a language. */
    public boolean speaks(String language) {
        return strings.containsKey(language);
    }

    static WidgetLook parse(String js) {
        int cssStart = js.indexOf("var CSS = ");
        int cssEnd = js.indexOf(";\n", cssStart);
        if (cssStart < 0 || cssEnd < 0) {
            throw new IllegalStateException("widget.js has no CSS string");
        }
        StringBuilder css = new StringBuilder();
        Matcher m = LITERAL.matcher(js.substring(cssStart, cssEnd));
        while (m.find()) {
            css.append(unescape(m.group(1)));
        }
        Matcher k = KEYS.matcher(js);
        if (!k.find()) {
            throw new IllegalStateException("widget.js has no KEYS");
        }
        List<String> keys = List.of(k.group(1).split(" "));
        int langStart = js.indexOf("var LANG = {");
        int langEnd = js.indexOf("};", langStart);
        Map<String, Map<String, String>> strings = new HashMap<>();
        Matcher line = LANG_LINE.matcher(js.substring(langStart, langEnd));
        while (line.find()) {
            String[] values = unescape(line.group(2)).split("\\|", -1);
            Map<String, String> table = new HashMap<>();
            for (int i = 0; i < keys.size() && i < values.length; i++) {
                table.put(keys.get(i), values[i]);
            }
            strings.put(line.group(1), Map.copyOf(table));
        }
        return new WidgetLook(css.toString(), Map.copyOf(strings));
    }

    private static String unescape(String literal) {
        return literal.replaceAll("\\\\(.)", "$1");
    }

    private static WidgetLook load() {
        try (InputStream in = WidgetLook.class.getResourceAsStream("/widget/widget.js")) {
            if (in == null) {
                throw new IllegalStateException("widget/widget.js is missing from the plugin jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
