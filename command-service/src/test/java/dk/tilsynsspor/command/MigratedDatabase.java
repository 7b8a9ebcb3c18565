package dk.tilsynsspor.command;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;

/** An embedded PostgreSQL with command-service's Flyway migrations applied, for tests that need the real tables. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** Started and migrated; the caller closes it. */
    public static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).schemas("command").createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
        return postgres;
    }
}
