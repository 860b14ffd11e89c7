package com.chatwebsite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import com.chatwebsite.api.settings.SettingsSchema;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.ServerSentEvent;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiValueTypesTest {

    @Test
    void schemaBuilderRejectsADuplicateKey() {
        SettingsSchema.Builder b = SettingsSchema.builder("x", "X")
                .add(SettingDescriptor.builder("name", SettingType.STRING).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add(SettingDescriptor.builder("name", SettingType.TEXT).build()));
        assertTrue(e.getMessage().contains("name"));
    }

    @Test
    void descriptorsCheckTheirShape() {
        assertThrows(IllegalArgumentException.class,
                () -> SettingDescriptor.builder("colour", SettingType.SELECT).build(), "select without options");
        assertThrows(IllegalArgumentException.class,
                () -> SettingDescriptor.builder("list", SettingType.OBJECT_LIST).build(), "object list without items");
        assertThrows(IllegalArgumentException.class,
                () -> SettingDescriptor.builder("bad key", SettingType.STRING).build());
        SettingDescriptor d = SettingDescriptor.builder("offline.forwardTo", SettingType.EMAIL).label("Forward")
                .required().secret().group("Offline", 3).defaultValue("a@b.c").build();
        assertEquals(Optional.of("a@b.c"), d.defaultValue());
        assertTrue(d.required() && d.secret());
        assertEquals(3, d.order());
    }

    @Test
    void serverSentEventFramesEveryLineAndRefusesBrokenIds() {
        assertEquals("id: 7\nevent: message\ndata: a\ndata: b\ndata: c\n\n",
                ServerSentEvent.of("7", "message", "a\nb\r\nc").toWireFormat());
        assertThrows(IllegalArgumentException.class, () -> ServerSentEvent.of("7\ndata: x", "message", "{}"));
        assertThrows(IllegalArgumentException.class, () -> ServerSentEvent.of("7", "message\r", "{}"));
    }

    @Test
    void routesCheckTheirTemplateAndResponsesTheirHeaders() {
        assertEquals("GET", WebRoute.of("get", "/api/websites/{id}", RouteAccess.ADMIN, r -> null).method());
        assertThrows(IllegalArgumentException.class, () -> WebRoute.of("GET", "api/x", RouteAccess.ADMIN, r -> null));
        assertThrows(IllegalArgumentException.class, () -> WebRoute.of("GET", "/a/{}", RouteAccess.ADMIN, r -> null));
        assertThrows(IllegalArgumentException.class, () -> WebRoute.of("GET", "/a/../b", RouteAccess.ADMIN, r -> null));
        assertThrows(IllegalArgumentException.class,
                () -> WebResponse.empty(200).withHeader("X-A", "1\r\nSet-Cookie: x"));
        assertEquals(List.of("Content-Type"), List.copyOf(WebResponse.json(200, "{}").headers().keySet()));
    }
}
