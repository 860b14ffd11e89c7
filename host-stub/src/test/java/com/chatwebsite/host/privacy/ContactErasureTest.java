package com.chatwebsite.host.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.PostgresSupport;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure of a contact's data: after it nothing of the person is left in any column of any plugin
 * table nor in any file under the host's data folder, while another person's data is untouched; the
 * export before it holds the person's data; a second erasure finds nothing. On H2 and PostgreSQL.
 */
class ContactErasureTest {

    static final String ONLINE_FORM = """
            [{"type":"input","name":"name","label":"Name","required":true,"mapTo":{"contact":"firstName"}},
             {"type":"input","name":"email","label":"E-mail","inputType":"email","required":true,
              "mapTo":{"contact":"email"}},
             {"type":"agreement","name":"privacy","label":"I agree to the privacy policy.","required":true,
              "version":"2026-05"},
             {"type":"attachment","name":"files","label":"Files","accept":".txt"}]""";
    static final String OFFLINE_FORM = """
            [{"type":"input","name":"name","label":"Name","required":true,"mapTo":{"contact":"firstName"}},
             {"type":"input","name":"email","label":"E-mail","inputType":"email","required":true,
              "mapTo":{"contact":"email"}},
             {"type":"textarea","name":"message","label":"Message","required":true},
             {"type":"agreement","name":"marketing","label":"Send me offers."},
             {"type":"attachment","name":"files","label":"Files","accept":".txt"}]""";

    /** What identifies Zelda, whose data is erased. */
    private static final List<String> ZELDA = List.of("zelda.quux@example.com", "Zelda", "Quux",
            "zelda chat message", "zelda offline text", "zelda rating comment", "ZELDA-FILE-CONTENT", "zelda-notes",
            "zelda-offline");

    @TempDir
    Path dir;

    @Test
    void erasureLeavesNothingOfThePersonOnH2() throws Exception {
        try (HostStub host = TestHost.start(dir)) {
            scenario(host);
        }
    }

    @Test
    void erasureLeavesNothingOfThePersonOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = PostgresSupport.start();
                HostStub host = HostStub.start(TestHost.config(dir, Optional.of(new HostConfig.JdbcSettings(
                        PostgresSupport.jdbcUrl(pg), "postgres", "")), Optional.empty()), Clock.systemUTC())) {
            scenario(host);
        }
    }

    private void scenario(HostStub host) throws Exception {
        ChatApi api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        ObjectNode website = ChatApi.website("Privacy");
        // offline messages also open an e-mail interaction in the host, with the requester as sender
        website.putObject("offline").putObject("openInteraction").put("to", "inbox@shop.example.com");
        Site site = api.createWebsite(website);
        assertEquals(200, api.putForm(site, "online", ONLINE_FORM).status());
        assertEquals(200, api.putForm(site, "offline", OFFLINE_FORM).status());
        // a receiver that never answers: every event's payload (fields, messages) waits in the webhook outbox
        Http.Reply hook = api.http.send("POST", ChatApi.PLUGIN + "/api/websites/" + site.id() + "/webhooks",
                TestHost.ADMIN_TOKEN, "{\"url\":\"http://127.0.0.1:9/hook\",\"allowPrivateTargets\":true,"
                        + "\"events\":[\"chat.opened\",\"chat.message\",\"chat.closed\",\"offline.submitted\","
                        + "\"chat.rated\"]}");
        assertEquals(201, hook.status(), hook.body());

        Session zelda = chat(api, site, "Zelda Quux", "zelda.quux@example.com", "zelda-notes.txt",
                "ZELDA-FILE-CONTENT", "zelda chat message");
        rateAndClose(api, zelda, "zelda rating comment", "zelda.quux@example.com");
        String offlineUpload = api.upload(site.key(), "offline", "files", "zelda-offline.txt",
                "ZELDA-FILE-CONTENT offline".getBytes(StandardCharsets.UTF_8)).json().get("uploadId").asText();
        Http.Reply offline = api.widget("POST", site.key(), "/offline", "{\"fields\":{\"name\":\"Zelda Quux\","
                + "\"email\":\"zelda.quux@example.com\",\"message\":\"zelda offline text\",\"marketing\":true,"
                + "\"files\":[\"" + offlineUpload + "\"]}}", null);
        assertEquals(202, offline.status(), offline.body());
        Session bruno = chat(api, site, "Bruno Other", "bruno.other@example.com", "bruno-notes.txt",
                "BRUNO-FILE-CONTENT", "bruno chat message");
        rateAndClose(api, bruno, "bruno rating comment", null);

        String zeldaId = contactId(api, "zelda.quux@example.com");
        String brunoId = contactId(api, "bruno.other@example.com");

        JsonNode export = api.http.get(ChatApi.PLUGIN + "/api/contacts/" + zeldaId + "/export", TestHost.ADMIN_TOKEN)
                .json();
        assertEquals(1, export.get("chats").size(), export.toString());
        assertTrue(export.get("chats").get(0).get("messages").toString().contains("zelda chat message"));
        assertEquals("zelda rating comment", export.get("chats").get(0).get("rating").get("comment").asText());
        assertEquals("zelda offline text", export.get("offlineMessages").get(0).get("fields").get("message").asText());
        assertEquals(2, export.get("uploads").size(), export.get("uploads").toString());
        assertEquals(2, export.get("consents").size(), export.get("consents").toString());
        assertEquals(1, export.get("ratings").size());
        assertFalse(export.toString().toLowerCase(Locale.ROOT).contains("bruno"), "nobody else's data");

        assertFalse(tableHits(host.services().dataSource(), HOST_COPIES, List.of("zelda chat message")).isEmpty(),
                "the agents' streams hold her messages before");
        assertTrue(pluginTableHits(host.services().dataSource(), List.of("zelda offline text")).stream()
                .anyMatch(hit -> hit.toLowerCase(Locale.ROOT).contains("cw_webhook_delivery")), "the webhook outbox holds her data before");
        DataSource ds = host.services().dataSource();
        waitForRows("the host's e-mail interaction from her", () -> !tableHits(ds, List.of("host_mail_interaction"),
                List.of("zelda.quux@example.com")).isEmpty());
        Http.Reply erased = api.http.send("POST", ChatApi.PLUGIN + "/api/contacts/" + zeldaId + "/erasure",
                TestHost.ADMIN_TOKEN, "{\"confirm\":true,\"contact\":true}");
        assertEquals(200, erased.status(), erased.body());
        JsonNode counts = erased.json().get("counts");
        assertEquals(1, counts.get("chats").asInt(), counts.toString());
        assertEquals(1, counts.get("offlineMessages").asInt());
        assertEquals(2, counts.get("uploads").asInt());
        assertEquals(2, counts.get("consents").asInt());
        assertEquals(1, counts.get("ratings").asInt());
        assertEquals(1, counts.get("transcripts").asInt());
        assertTrue(counts.get("messages").asInt() >= 2, counts.toString());
        assertEquals(1, counts.get("contacts").asInt(), "the host erased the contact");
        assertEquals("admin", erased.json().get("erasedBy").asText());

        List<String> left = tableHits(ds, allTables(ds), ZELDA);
        assertTrue(left.isEmpty(), "left in a table, the plugin's or the host's: " + left);
        assertTrue(host.services().contacts().findById(zeldaId).isEmpty());
        assertTrue(host.services().contacts().findById(brunoId).isPresent(), "the other contact stays");
        assertFalse(tableHits(ds, HOST_COPIES, List.of("bruno chat message")).isEmpty(), "the other person's stay");
        List<String> leftFiles = fileHits(host.config().dataDir(), ZELDA);
        assertTrue(leftFiles.isEmpty(), "left in files: " + leftFiles);
        for (String other : List.of("bruno chat message", "bruno rating comment", "bruno.other@example.com",
                "bruno-notes")) {
            assertFalse(pluginTableHits(ds, List.of(other)).isEmpty(), "the other person's data stays: " + other);
        }
        assertEquals(1, fileHits(host.config().dataDir(), List.of("BRUNO-FILE-CONTENT")).size());
        assertEquals(1, api.http.get(ChatApi.PLUGIN + "/api/contacts/" + brunoId + "/export", TestHost.ADMIN_TOKEN)
                .json().get("chats").size());

        Http.Reply again = api.http.send("POST", ChatApi.PLUGIN + "/api/contacts/" + zeldaId + "/erasure",
                TestHost.ADMIN_TOKEN, "{\"confirm\":true,\"contact\":true}");
        assertEquals(200, again.status(), again.body());
        again.json().get("counts").forEach(n -> assertEquals(0, n.asInt(), again.body()));
        JsonNode audit = api.http.get(ChatApi.PLUGIN + "/api/erasures", TestHost.ADMIN_TOKEN).json();
        assertEquals(2, audit.get("erasures").size());
        assertFalse(audit.toString().contains(zeldaId), "the audit names no contact");

        assertEquals(400, api.http.send("POST", ChatApi.PLUGIN + "/api/contacts/" + brunoId + "/erasure",
                TestHost.ADMIN_TOKEN, "{\"confirm\":false}").status(), "no erasure without confirm");
        assertEquals(401, api.http.send("POST", ChatApi.PLUGIN + "/api/contacts/" + brunoId + "/erasure",
                null, "{\"confirm\":true}").status());
    }

    static Session chat(ChatApi api, Site site, String name, String email, String fileName, String fileContent,
            String text) {
        String upload = api.upload(site.key(), "online", "files", fileName,
                fileContent.getBytes(StandardCharsets.UTF_8)).json().get("uploadId").asText();
        Http.Reply open = api.open(site.key(), "{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"privacy\":true,\"files\":[\"" + upload + "\"]}");
        assertEquals(201, open.status(), open.body());
        Session s = new Session(site.key(), open.json().get("sessionId").asText(), open.json().get("token").asText());
        assertEquals(200, api.agent("POST", "/interactions/" + s.id() + "/accept", null).status());
        Http.Reply said = api.say(s, text, null);
        assertTrue(said.status() / 100 == 2, said.body());
        return s;
    }

    static void rateAndClose(ChatApi api, Session s, String comment, String transcriptTo) {
        Http.Reply closed = api.agent("POST", "/interactions/" + s.id() + "/close", "{\"disposition\":\"Solved\"}");
        assertTrue(closed.status() / 100 == 2, closed.body());
        Http.Reply rated = api.widget("POST", s.key(), "/sessions/" + s.id() + "/rating",
                "{\"score\":4,\"comment\":\"" + comment + "\"}", s.token());
        assertTrue(rated.status() / 100 == 2, rated.body());
        if (transcriptTo != null) {
            Http.Reply t = api.widget("POST", s.key(), "/sessions/" + s.id() + "/transcript",
                    "{\"email\":\"" + transcriptTo + "\"}", s.token());
            assertTrue(t.status() / 100 == 2, t.body());
        }
    }

    static String contactId(ChatApi api, String email) {
        JsonNode found = api.http.get(ChatApi.PLUGIN + "/api/contacts?email=" + email, TestHost.ADMIN_TOKEN).json();
        assertEquals(1, found.get("contacts").size(), found.toString());
        return found.get("contacts").get(0).get("id").asText();
    }

    /** Every column of every plugin table ({@code cw_*}) holding one of the texts: "table.column text". */
    /** The host's copies of a chat the plugin asks it to forget: offers and the agents' stream events. */
    static final List<String> HOST_COPIES = List.of("host_routing", "host_routing_notified", "host_agent_event");

    static List<String> tableHits(DataSource ds, List<String> tables, List<String> texts) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (String t : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String v = rs.getString(i);
                            for (String text : texts) {
                                if (v != null && v.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                                    hits.add(t + "." + rs.getMetaData().getColumnName(i) + " " + text);
                                }
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** Every table of the database's own schemas (the plugin's, the host's, Flyway's). */
    static List<String> allTables(DataSource ds) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("information_schema")
                        && !schema.toLowerCase(Locale.ROOT).startsWith("pg_")) {
                    String table = '"' + rs.getString("TABLE_NAME") + '"'; // as created: some names are lower case
                    tables.add(schema == null ? table : '"' + schema + "\"." + table);
                }
            }
        }
        assertTrue(tables.size() >= 25, "the database's tables: " + tables);
        return tables;
    }

    static List<String> pluginTableHits(DataSource ds, List<String> texts) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                if (t.toLowerCase(Locale.ROOT).startsWith("cw_")) {
                    tables.add(t);
                }
            }
        }
        assertTrue(tables.size() >= 14, "the plugin's tables: " + tables);
        return tableHits(ds, tables, texts);
    }

    /**
     * Files under the data folder holding one of the texts. The database file is the tables' business
     * (scanned column by column; the host's own contacts live there too) and the mail drop holds mail
     * already sent (the transcript), so neither is read.
     */
    static List<String> fileHits(Path dataDir, List<String> texts) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".mv.db") || name.endsWith(".trace.db") || f.startsWith(dataDir.resolve("mail"))) {
                    continue;
                }
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                for (String text : texts) {
                    if (content.contains(text.toLowerCase(Locale.ROOT))
                            || name.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                        hits.add(dataDir.relativize(f) + " " + text);
                    }
                }
            }
        }
        return hits;
    }

    static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        Poll.until(Duration.ofSeconds(10), what, condition);
    }

    interface SqlCheck {
        boolean holds() throws SQLException;
    }

    static void waitForRows(String what, SqlCheck check) {
        waitFor(what, () -> {
            try {
                return check.holds();
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
    }
}
