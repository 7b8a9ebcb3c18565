package dk.tilsynsspor.command.document;

import dk.tilsynsspor.command.MigratedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep deletes exactly the kept files that no event names and that are older than the grace period. */
class UnnamedFilesTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() throws Exception {
        postgres = MigratedDatabase.start();
        DataSource dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static UUID kept(String age, boolean named) {
        UUID documentId = UUID.randomUUID();
        jdbc.update("INSERT INTO events.evidence_document (document_id, sealed, content, stored_at)"
                + " VALUES (?, FALSE, '\\x00'::bytea, now() - ?::interval)", documentId, age);
        if (named) {
            jdbc.update("INSERT INTO command.document_lookup (document_id, order_id, requirement_id, withdrawn)"
                    + " VALUES (?, ?, ?, FALSE)", documentId, UUID.randomUUID(), UUID.randomUUID());
        }
        return documentId;
    }

    private static boolean stillKept(UUID documentId) {
        return jdbc.queryForObject("SELECT count(*) FROM events.evidence_document WHERE document_id = ?",
                Integer.class, documentId) == 1;
    }

    @Test
    void deletesOnlyOldFilesNoEventNames() {
        UUID orphan = kept("2 hours", false);
        UUID attached = kept("2 hours", true);
        UUID inFlight = kept("1 minute", false);

        int deleted = new UnnamedFiles(jdbc, Duration.ofHours(1)).sweep();

        assertThat(deleted).isEqualTo(1);
        assertThat(stillKept(orphan)).isFalse();
        assertThat(stillKept(attached)).as("named by its event").isTrue();
        assertThat(stillKept(inFlight)).as("its command may still be running").isTrue();
    }
}
