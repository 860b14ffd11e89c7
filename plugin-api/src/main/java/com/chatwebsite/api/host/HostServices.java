package com.chatwebsite.api.host;

import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The services a host gives to a plugin: the one argument of a plugin's and of each extension's
 * constructor.
 *
 * <p>The host builds one instance at start-up and passes the same instance to every plugin. Each
 * service is safe to call from any thread, at any time between the plugin's {@code start()} and
 * the return of its {@code stop()}; after that the host may refuse calls.
 *
 * <p>New host services come as new components in a minor version. The constructors of earlier
 * versions stay (a plugin's tests build this record with fakes), filling a new service with a
 * stand-in that refuses calls or does nothing, as its Javadoc will say.
 *
 * @param contacts the host's Contact Manager (CRM)
 * @param mail the host's SMTP account and e-mail channel
 * @param router offers interactions to the host's agents
 * @param settings the host's global settings
 * @param dataSource the host's database; a plugin keeps its own tables there, migrated under its
 *     own schema-history table
 * @param events the host's event bus
 * @param clock the time source every plugin uses instead of {@code System.currentTimeMillis()}
 * @param info facts about the host: its public URL and the plugin's data folder
 * @param extensions finds extensions across the started plugins
 * @since 1.0
 */
public record HostServices(
        ContactManager contacts,
        MailService mail,
        InteractionRouter router,
        HostSettings settings,
        DataSource dataSource,
        EventBus events,
        Clock clock,
        HostInfo info,
        ExtensionLookup extensions) {

    /** Checks that no service is missing. */
    public HostServices {
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(extensions, "extensions");
    }
}
