package com.chatwebsite.plugin.form;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FormPreviewTest {

    @Test
    void everyLabelOptionAndDefaultIsEscaped() {
        FormDefinition form = FormDefinitionParserTest.parse("["
                + "{\"type\":\"label\",\"label\":\"<script>alert(1)</script>\"},"
                + "{\"type\":\"input\",\"name\":\"a\",\"label\":\"<img src=x onerror=alert(2)>\","
                + "\"default\":\"\\\"><script>alert(3)</script>\"},"
                + "{\"type\":\"select\",\"name\":\"b\",\"label\":\"B\",\"options\":[\"</option><script>alert(4)</script>\"]},"
                + "{\"type\":\"attachment\",\"name\":\"c\",\"label\":\"C\",\"accept\":\".pdf\"}]").form().orElseThrow();
        String html = FormPreview.page(form, "<b>Title</b>", "red;}body{display:none", FormDefinitionParserTest.TYPES);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>Title"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;"));
        assertTrue(html.contains("accept=\".pdf\""));
        assertTrue(html.contains("#1f6feb"), "an invalid colour falls back to the default");
        assertTrue(html.contains("Content-Security-Policy"));
    }
}
