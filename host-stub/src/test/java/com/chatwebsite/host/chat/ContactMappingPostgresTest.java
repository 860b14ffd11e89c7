package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.PostgresSupport;
import com.chatwebsite.host.TestHost;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contact match, create and fill-in through the host's real Contact Manager on PostgreSQL. */
class ContactMappingPostgresTest {

    @TempDir
    Path dir;

    @Test
    void sessionsCreateThenMatchTheContactOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = PostgresSupport.start();
                HostStub host = HostStub.start(TestHost.config(dir, Optional.of(new HostConfig.JdbcSettings(
                        PostgresSupport.jdbcUrl(pg), "postgres", "")), Optional.empty()), Clock.systemUTC())) {
            ChatApi api = new ChatApi(host);
            api.setAvailable(TestHost.AGENT_TOKEN, true);
            Site site = api.createWebsite(ChatApi.website("Pg"));
            assertEquals(201, api.open(site.key(), "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}").status());
            List<Contact> created = host.services().contacts().findByField("email", "ADA@example.com");
            assertEquals(1, created.size());
            assertEquals("Ada", created.get(0).fields().get("firstName"));
            host.services().contacts().update(created.get(0).id(), java.util.Map.of("firstName", ""));
            assertEquals(201, api.open(site.key(), "{\"name\":\"Ada L.\",\"email\":\"ada@example.com\"}").status());
            List<Contact> matched = host.services().contacts().findByField("email", "ada@example.com");
            assertEquals(1, matched.size(), "matched, not created again");
            assertEquals("Ada L.", matched.get(0).fields().get("firstName"), "the emptied field is filled in again");
        }
    }
}
