package dk.tilsynsspor.query.trail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose team assignments were projected before their home organisation was kept (V11): the migration fills
 * it from the assignments' events in the store, and an event it cannot read leaves its row as it was instead of
 * stopping the service's start; the closed cases among those (V12) are found in the store likewise, and then every
 * closed case (V13), which the read of the cases that may serve no order leaves out, and each case's organisation
 * (V14), by which that read takes one organisation's.
 */
class CaseAssignmentHomeBackfillTest {

    private static final String ASSIGNED = "dk.tilsynsspor.core.casework.ProfessionalAssignedToCase";
    private static final String CLOSED = "dk.tilsynsspor.core.casework.CitizenCaseClosed";
    private static final String OPENED = "dk.tilsynsspor.core.casework.CitizenCaseOpened";

    @Test
    void assignmentsProjectedBeforeTheColumnGetTheirHomeOrganisationFromTheirEvents() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            JdbcTemplate jdbc = migratedTo(database, "10");
            UUID caseId = UUID.randomUUID();
            Map<Long, byte[]> payloads = Map.of(
                    1L, json("{\"caseId\":\"" + caseId + "\",\"professionalId\":\"psykolog-region\","
                            + "\"homeOrganisationId\":\"region-h-psykiatri\"}"),
                    2L, json("{\"caseId\":\"" + caseId + "\",\"professionalId\":\"paedagog\"}"),
                    3L, new byte[]{'{', (byte) 0xff, '}'}, // not UTF-8
                    4L, json("{\"professionalId\":\"x\",\"homeOrganisationId\":\"a\\u0000b\"}")); // no text for ->>
            payloads.forEach((index, payload) -> {
                jdbc.update("INSERT INTO events.domain_event_entry VALUES (?, ?, ?, ?)", index, caseId.toString(),
                        ASSIGNED, payload);
                jdbc.update("""
                        INSERT INTO query.case_assignment (global_index, case_id, professional_id, organisation_id,
                                                           label) VALUES (?, ?, ?, 'kk-handicap', 'label')""",
                        index, caseId, "p" + index);
            });

            UUID otherCase = UUID.randomUUID(); // closed, but nobody of another organisation was on its team
            Map.of(5L, caseId, 6L, otherCase).forEach((index, closed) -> jdbc.update(
                    "INSERT INTO events.domain_event_entry VALUES (?, ?, ?, ?)", index, closed.toString(),
                    "dk.tilsynsspor.core.casework.CitizenCaseClosed", json("{\"caseId\":\"" + closed + "\"}")));

            Flyway.configure().dataSource(database).schemas("query").target("12").load().migrate();

            assertThat(jdbc.queryForList("""
                    SELECT global_index, home_organisation_id FROM query.case_assignment ORDER BY global_index"""))
                    .extracting(row -> row.get("home_organisation_id"))
                    .containsExactly("region-h-psykiatri", null, null, null);
            assertThat(jdbc.queryForList("SELECT case_id FROM query.closed_case", UUID.class))
                    .as("V12: a closed case that the home organisation's overview reads from").containsExactly(caseId);
        }
    }

    @Test
    void everyClosedCaseIsFoundInTheStoreAndNoLongerReadAsOneThatMayServeNoOrder() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            JdbcTemplate jdbc = migratedTo(database, "12");
            UUID closedBefore = UUID.randomUUID(); // opened without an order, closed before V12, nobody from elsewhere
            UUID open = UUID.randomUUID();
            jdbc.update("INSERT INTO query.case_without_order (case_id) VALUES (?), (?)", closedBefore, open);
            jdbc.update("INSERT INTO events.domain_event_entry VALUES (1, ?, ?, ?), (2, 'not-a-case-id', ?, ?)",
                    closedBefore.toString(), CLOSED, json("{\"caseId\":\"" + closedBefore + "\"}"), CLOSED,
                    json("{}"));
            assertThat(jdbc.queryForList("SELECT case_id FROM query.closed_case", UUID.class)).as("before V13")
                    .isEmpty();

            Flyway.configure().dataSource(database).schemas("query").load().migrate();

            assertThat(jdbc.queryForList("SELECT case_id FROM query.closed_case", UUID.class))
                    .as("an aggregate id that is no case's is passed over").containsExactly(closedBefore);
            assertThat(new TrailRepository(jdbc, null, null).casesThatMayServeNoOrder("kk-handicap"))
                    .containsExactly(open);
        }
    }

    @Test
    void eachCaseGetsItsOrganisationFromItsOpeningInTheStoreAndIsReadForThatOrganisationOnly() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            JdbcTemplate jdbc = migratedTo(database, "13");
            UUID own = UUID.randomUUID();
            UUID elsewhere = UUID.randomUUID();
            UUID unreadable = UUID.randomUUID();
            jdbc.update("INSERT INTO query.case_without_order (case_id) VALUES (?), (?), (?)", own, elsewhere,
                    unreadable);
            jdbc.update("INSERT INTO events.domain_event_entry VALUES (1, ?, ?, ?), (2, ?, ?, ?), (3, ?, ?, ?)",
                    own.toString(), OPENED, json("{\"caseId\":\"" + own + "\",\"organisationId\":\"kk-handicap\"}"),
                    elsewhere.toString(), OPENED, json("{\"organisationId\":\"region-h-psykiatri\"}"),
                    unreadable.toString(), OPENED, new byte[]{'{', (byte) 0xff, '}'});

            Flyway.configure().dataSource(database).schemas("query").load().migrate();

            assertThat(jdbc.queryForList("SELECT organisation_id FROM query.case_organisation ORDER BY organisation_id",
                    String.class)).containsExactly("kk-handicap", "region-h-psykiatri");
            assertThat(new TrailRepository(jdbc, null, null).casesThatMayServeNoOrder("kk-handicap"))
                    .as("a case whose organisation could not be read is kept for the fold to judge")
                    .containsExactlyInAnyOrder(own, unreadable);
        }
    }

    /** The read models' schema as of {@code version}, beside a store's event table with the columns read here. */
    private static JdbcTemplate migratedTo(DataSource database, String version) {
        Flyway.configure().dataSource(database).schemas("query").createSchemas(true).target(version).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("""
                CREATE SCHEMA events;
                CREATE TABLE events.domain_event_entry (
                    globalIndex BIGINT PRIMARY KEY, aggregateIdentifier VARCHAR(255) NOT NULL,
                    payloadType VARCHAR(255) NOT NULL, payload BYTEA NOT NULL)""");
        return jdbc;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
