package com.chatwebsite.host.routing;

import com.chatwebsite.host.db.Database;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** Routing and agent streams on the host's H2 file. */
class RoutingOnH2Test extends RoutingInDatabaseTest {

    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return Database.open(Optional.empty(), dir);
    }
}
