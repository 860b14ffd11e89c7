package com.chatwebsite.plugin.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the plugin's own tables on the host's database: its own location, its own history
 * table, and the plugin's class loader (so Flyway finds the scripts inside the plugin jar).
 */
public final class PluginMigrations {

    /** Where the scripts are, inside the plugin jar. */
    public static final String LOCATION = "classpath:db/chat-website";
    /** The plugin's Flyway history table, apart from the host's. */
    public static final String HISTORY_TABLE = "chat_website_schema_history";

    private final DataSource dataSource;
    private final ClassLoader classLoader;

    public PluginMigrations(DataSource dataSource, ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.classLoader = classLoader;
    }

    /**
     * Applies the pending migrations.
     *
     * @return how many ran (0 when the schema is current)
     */
    public int migrate() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            MigrateResult result = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    // The host's tables share the schema: start our history at version 0.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
