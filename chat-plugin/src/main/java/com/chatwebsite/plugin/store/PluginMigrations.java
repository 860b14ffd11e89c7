package com.chatwebsite.plugin.store;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
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
     * Applies the pending migrations, after checking that the database's schema is not newer than
     * this plugin: a schema migrated by a later version of the plugin (a downgrade, or an older node
     * of a cluster joining after an upgrade) is refused before anything is changed, since this
     * plugin's code would read and write tables it does not know.
     *
     * @return how many ran (0 when the schema is current)
     * @throws SchemaTooNewException when the history holds a version above this plugin's newest
     */
    public int migrate() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            Flyway flyway = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    // The host's tables share the schema: start our history at version 0.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load();
            refuseNewerSchema(flyway.info());
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Compares the newest applied version with the newest this jar holds. Flyway alone would only
     * log a warning (its default {@code ignoreMigrationPatterns} is {@code *:future}), so the check
     * reads the history itself.
     */
    private static void refuseNewerSchema(MigrationInfoService info) {
        Optional<MigrationVersion> known = Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        Optional<MigrationVersion> applied = Arrays.stream(info.applied())
                .filter(m -> m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        if (applied.isPresent() && known.isPresent() && applied.get().isNewerThan(known.get())) {
            throw new SchemaTooNewException(applied.get().getVersion(), known.get().getVersion());
        }
    }

    /** The database was migrated by a newer plugin than this one; nothing was changed. */
    public static final class SchemaTooNewException extends IllegalStateException {

        private final String schemaVersion;
        private final String pluginVersion;

        SchemaTooNewException(String schemaVersion, String pluginVersion) {
            super("the database schema is at version " + schemaVersion + " (" + HISTORY_TABLE
                    + "), newer than this plugin's " + pluginVersion + ": upgrade the plugin");
            this.schemaVersion = schemaVersion;
            this.pluginVersion = pluginVersion;
        }

        /** The newest version in the history table. */
        public String schemaVersion() {
            return schemaVersion;
        }

        /** The newest migration in this plugin's jar. */
        public String pluginVersion() {
            return pluginVersion;
        }
    }
}
