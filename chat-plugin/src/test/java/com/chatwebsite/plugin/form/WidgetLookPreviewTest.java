package com.chatwebsite.plugin.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The builder's preview wears the widget's own style sheet, strings and buttons. */
class WidgetLookPreviewTest {

    private static final FormDefinition FORM = FormDefinitionParserTest.parse("["
            + "{\"type\":\"input\",\"name\":\"name\",\"label\":\"Name\",\"required\":true},"
            + "{\"type\":\"select\",\"name\":\"topic\",\"label\":\"Topic\",\"options\":[\"a\"]}]").form().orElseThrow();

    @Test
    void theLookIsReadFromTheShippedWidget() throws Exception {
        String js;
        try (InputStream in = WidgetLook.class.getResourceAsStream("/widget/widget.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        WidgetLook look = WidgetLook.get();
        assertTrue(look.css().startsWith("#cw-widget{--cw-c:#1f6feb"), look.css());
        assertTrue(look.css().contains(".cw-submit,.cw-send,.cw-new{"), look.css());
        assertFalse(look.css().contains("' +"), "only the string's content");
        assertTrue(js.contains(look.css().substring(0, 60)));
        assertEquals("Start chat", look.text("en", "start"));
        assertEquals("Inizia la chat", look.text("it", "start"));
        assertEquals("Senden", look.text("de", "send"));
        assertEquals("Start chat", look.text("xx", "start"), "English for a language the widget lacks");
    }

    @Test
    void theOnlineFormStartsAChatInTheWebsitesLanguage() {
        String html = FormPreview.page(FORM, "Shop", "#ffcc00", FormDefinitionParserTest.TYPES, FormKind.ONLINE, "it");
        assertTrue(html.contains("<html lang=\"it\">"), html);
        assertTrue(html.contains(">Inizia la chat</button>"), html);
        assertFalse(html.contains(">Send</button>") || html.contains(">Invia</button>"), html);
        assertTrue(html.contains("<option value=\"\">Scegli…</option>"), html);
        assertTrue(html.contains(WidgetLook.get().css()), "the widget's whole style sheet");
        assertTrue(html.contains("style=\"--cw-c:#ffcc00;--cw-t:#111\""), "dark text on a light colour, as the widget");
        assertTrue(html.contains("class=\"cw-panel\"") && html.contains("class=\"cw-title\">Shop<"), html);
        assertFalse(html.contains("<script") || html.contains("onsubmit"), "no script at all");
    }

    @Test
    void theOfflineFormSendsAMessage() {
        String html = FormPreview.page(FORM, "", null, FormDefinitionParserTest.TYPES, FormKind.OFFLINE, "en");
        assertTrue(html.contains(">Send</button>"), html);
        assertTrue(html.contains("class=\"cw-heading\">Leave us a message<"), html);
        assertTrue(html.contains("class=\"cw-title\">Chat with us<"), "the widget's default title");
    }
}
