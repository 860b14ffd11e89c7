package com.chatwebsite.host.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.db.Database;
import com.chatwebsite.host.db.Jdbc;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcContactManagerTest {

    @TempDir
    Path dir;
    Database db;
    JdbcContactManager contacts;

    @BeforeEach
    void open() {
        db = Database.open(Optional.empty(), dir);
        contacts = new JdbcContactManager(new Jdbc(db.dataSource()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createFindAndUpdate() {
        Contact ada = contacts.create(Map.of("email", " Ada@Example.com ", "firstName", "Ada", "phone", ""));
        assertEquals(Map.of("email", "Ada@Example.com", "firstName", "Ada"), ada.fields(), "trimmed, blanks dropped");
        assertEquals(List.of(ada), contacts.findByField("email", "ada@example.com"), "e-mail matches without case");
        assertEquals(List.of(), contacts.findByField("firstName", "ada"), "other fields match exactly");
        Contact updated = contacts.update(ada.id(), Map.of("lastName", "Lovelace"));
        assertEquals("Lovelace", updated.fields().get("lastName"));
        assertEquals("Ada", updated.fields().get("firstName"), "fields not named keep their value");
        assertEquals(Optional.of(updated), contacts.findById(ada.id()));
        assertTrue(contacts.findById("nope").isEmpty());
    }

    @Test
    void unknownFieldsAndIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> contacts.create(Map.of("shoeSize", "42")));
        assertThrows(IllegalArgumentException.class, () -> contacts.findByField("shoeSize", "42"));
        assertThrows(NoSuchElementException.class, () -> contacts.update("missing", Map.of("firstName", "x")));
    }
}
