package dk.tilsynsspor.query.trail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose team assignments were projected before their home organisation was kept (V11): the migration fills
 * it from the assignments' events in the store, and an event it cannot read leaves its row as it was instead of
 * stopping the service's start; the closed cases among those (V12) are found in the store likewise, and then every
 * closed case (V13), which the read of the cases that may serve no order leaves out, each case's organisation
 * (V14), by which that read takes one organisation's, and the order a case was opened for (V15), by which the open
 * cases of closed orders are read; where in the store each closed case was closed (V16), by which a professional's
 * most recently closed cases are read; and the orders' publications that are up (V17), by which the work queue finds
 * the closed orders still published.
 */
class CaseAssignmentHomeBackfillTest {

    private static final String ASSIGNED = "dk.tilsynsspor.core.casework.ProfessionalAssignedToCase";
    private static final String CLOSED = "dk.tilsynsspor.core.casework.CitizenCaseClosed";
    private static final String OPENED = "dk.tilsynsspor.core.casework.CitizenCaseOpened";
    private static final String PUBLISHED = "dk.tilsynsspor.core.order.OrderPublished";
    private static final String UNPUBLISHED = "dk.tilsynsspor.core.order.OrderUnpublished";
    /** A payload that is not UTF-8, which the migrations must pass over. */
    private static final byte[] NOT_UTF8 = {'{', (byte) 0xff, '}'};
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** One server for the class; each test has a database of its own on it. */
    private static EmbeddedPostgres postgres;

    /** A test's database: the read models' schema as of a version, beside a store's event table. */
    private record Database(DataSource dataSource, JdbcTemplate jdbc) {

        /** Migrates the read models' schema on to {@code version}, or to the latest if null. */
        void migrate(String version) {
            Flyway.configure().dataSource(dataSource).schemas("query").createSchemas(true)
                    .target(version == null ? "latest" : version).load().migrate();
        }

        /** A closed order of authority "tilsyn" to kk-handicap, as its summary row. */
        void closedOrder(UUID orderId) {
            jdbc.update("""
                    INSERT INTO query.order_summary (order_id, reference, authority_id, organisation_id, issued_on,
                                                     status, imposed_at)
                    VALUES (?, 'ST-1', 'tilsyn', 'kk-handicap', NULL, 'CLOSED', now())""", orderId);
        }

        /** An event in the store's table: its global index, aggregate, payload type and payload. */
        void stored(long globalIndex, Object aggregateId, String payloadType, byte[] payload) {
            jdbc.update("INSERT INTO events.domain_event_entry VALUES (?, ?, ?, ?)", globalIndex,
                    aggregateId.toString(), payloadType, payload);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void assignmentsProjectedBeforeTheColumnGetTheirHomeOrganisationFromTheirEvents() throws Exception {
        Database database = migratedTo("10");
        JdbcTemplate jdbc = database.jdbc();
        UUID caseId = UUID.randomUUID();
        Map<Long, byte[]> payloads = Map.of(
                1L, json("{\"caseId\":\"" + caseId + "\",\"professionalId\":\"psykolog-region\","
                        + "\"homeOrganisationId\":\"region-h-psykiatri\"}"),
                2L, json("{\"caseId\":\"" + caseId + "\",\"professionalId\":\"paedagog\"}"),
                3L, NOT_UTF8,
                4L, json("{\"professionalId\":\"x\",\"homeOrganisationId\":\"a\\u0000b\"}")); // no text for ->>
        payloads.forEach((index, payload) -> {
            database.stored(index, caseId, ASSIGNED, payload);
            jdbc.update("""
                    INSERT INTO query.case_assignment (global_index, case_id, professional_id, organisation_id,
                                                       label) VALUES (?, ?, ?, 'kk-handicap', 'label')""",
                    index, caseId, "p" + index);
        });

        UUID otherCase = UUID.randomUUID(); // closed, but nobody of another organisation was on its team
        Map.of(5L, caseId, 6L, otherCase).forEach((index, closed) -> database.stored(index, closed, CLOSED,
                json("{\"caseId\":\"" + closed + "\"}")));

        database.migrate("12");

        assertThat(jdbc.queryForList("""
                SELECT global_index, home_organisation_id FROM query.case_assignment ORDER BY global_index"""))
                .extracting(row -> row.get("home_organisation_id"))
                .containsExactly("region-h-psykiatri", null, null, null);
        assertThat(jdbc.queryForList("SELECT case_id FROM query.closed_case", UUID.class))
                .as("V12: a closed case that the home organisation's overview reads from").containsExactly(caseId);
    }

    @Test
    void everyClosedCaseIsFoundInTheStoreAndNoLongerReadAsOneThatMayServeNoOrder() throws Exception {
        Database database = migratedTo("12");
        JdbcTemplate jdbc = database.jdbc();
        UUID closedBefore = UUID.randomUUID(); // opened without an order, closed before V12, nobody from elsewhere
        UUID open = UUID.randomUUID();
        jdbc.update("INSERT INTO query.case_without_order (case_id) VALUES (?), (?)", closedBefore, open);
        database.stored(1, closedBefore, CLOSED, json("{\"caseId\":\"" + closedBefore + "\"}"));
        database.stored(2, "not-a-case-id", CLOSED, json("{}"));
        assertThat(jdbc.queryForList("SELECT case_id FROM query.closed_case", UUID.class)).as("before V13")
                .isEmpty();

        database.migrate(null);

        assertThat(jdbc.queryForList("SELECT case_id FROM query.closed_case", UUID.class))
                .as("an aggregate id that is no case's is passed over").containsExactly(closedBefore);
        assertThat(new TrailRepository(jdbc, null, null).casesThatMayServeNoOrder("kk-handicap"))
                .containsExactly(open);
    }

    @Test
    void eachCaseGetsItsOrganisationFromItsOpeningInTheStoreAndIsReadForThatOrganisationOnly() throws Exception {
        Database database = migratedTo("13");
        JdbcTemplate jdbc = database.jdbc();
        UUID own = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        jdbc.update("INSERT INTO query.case_without_order (case_id) VALUES (?), (?), (?)", own, elsewhere,
                unreadable);
        database.stored(1, own, OPENED, json("{\"caseId\":\"" + own + "\",\"organisationId\":\"kk-handicap\"}"));
        database.stored(2, elsewhere, OPENED, json("{\"organisationId\":\"region-h-psykiatri\"}"));
        database.stored(3, unreadable, OPENED, NOT_UTF8);

        database.migrate(null);

        assertThat(jdbc.queryForList("SELECT organisation_id FROM query.case_opening ORDER BY organisation_id",
                String.class)).containsExactly("kk-handicap", "region-h-psykiatri");
        assertThat(new TrailRepository(jdbc, null, null).casesThatMayServeNoOrder("kk-handicap"))
                .as("a case whose organisation could not be read is kept for the fold to judge")
                .containsExactlyInAnyOrder(own, unreadable);
    }

    @Test
    void eachCaseGetsTheOrderItWasOpenedForFromItsOpeningInTheStoreAndIsReadOnceTheOrderIsClosed() throws Exception {
        Database database = migratedTo("14");
        JdbcTemplate jdbc = database.jdbc();
        UUID order = UUID.randomUUID();
        UUID forTheOrder = UUID.randomUUID();
        UUID withoutOrder = UUID.randomUUID();
        UUID noUuid = UUID.randomUUID();
        database.closedOrder(order);
        jdbc.update("INSERT INTO query.case_organisation (case_id, organisation_id) VALUES (?, 'kk-handicap'), "
                + "(?, 'kk-handicap'), (?, 'kk-handicap')", forTheOrder, withoutOrder, noUuid);
        database.stored(1, forTheOrder, OPENED, json("{\"orderId\":\"" + order + "\"}"));
        database.stored(2, withoutOrder, OPENED, json("{\"orderId\":null}"));
        database.stored(3, noUuid, OPENED, json("{\"orderId\":\"ST-1\"}"));

        database.migrate(null);

        assertThat(jdbc.queryForMap("SELECT case_id, order_id FROM query.case_opening WHERE order_id IS NOT NULL"))
                .as("an order id that is no UUID is passed over").containsEntry("case_id", forTheOrder)
                .containsEntry("order_id", order);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.case_opening", Integer.class)).isEqualTo(3);
        assertThat(new TrailRepository(jdbc, null, null).openCasesOfClosedOrders("kk-handicap"))
                .containsExactly(forTheOrder);
    }

    @Test
    void eachClosedCaseGetsItsClosuresPositionFromTheStoreAndIsReadAsAProfessionalsMostRecentlyClosed()
            throws Exception {
        Database database = migratedTo("15");
        JdbcTemplate jdbc = database.jdbc();
        UUID closedFirst = UUID.randomUUID();
        UUID closedLast = UUID.randomUUID();
        UUID notInTheStore = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        List<UUID> cases = List.of(closedFirst, closedLast, notInTheStore, open);
        for (int index = 0; index < cases.size(); index++) {
            jdbc.update("""
                    INSERT INTO query.case_assignment (global_index, case_id, professional_id, organisation_id,
                                                       label) VALUES (?, ?, 'paedagog', 'kk-handicap', 'Pia')""",
                    100 + index, cases.get(index));
        }
        jdbc.update("INSERT INTO query.closed_case (case_id) VALUES (?), (?), (?)", closedFirst, closedLast,
                notInTheStore);
        database.stored(1, closedLast, ASSIGNED, json("{}"));
        database.stored(2, closedFirst, CLOSED, json("{}"));
        database.stored(3, closedLast, CLOSED, json("{}"));
        database.stored(4, "not-a-case-id", CLOSED, json("{}"));

        database.migrate(null);

        TrailRepository trails = new TrailRepository(jdbc, null, null);
        assertThat(trails.closedCasesAssigning("paedagog"))
                .as("the most recently closed first; one whose closure is not in the store last")
                .containsExactly(closedLast, closedFirst, notInTheStore);
        assertThat(trails.openCasesAssigning("paedagog")).containsExactly(open);
    }

    @Test
    void thePublicationsUpAreFoundInTheStoreAndTheClosedOrdersStillPublishedReadByThem() throws Exception {
        Database database = migratedTo("16");
        JdbcTemplate jdbc = database.jdbc();
        UUID stillUp = UUID.randomUUID();
        UUID takenDown = UUID.randomUUID();
        UUID up = UUID.randomUUID();
        UUID down = UUID.randomUUID();
        database.closedOrder(stillUp);
        database.closedOrder(takenDown);
        database.stored(1, stillUp, PUBLISHED, json("{\"orderId\":\"" + stillUp + "\",\"publicationId\":\"" + up
                + "\"}"));
        database.stored(2, takenDown, PUBLISHED, json("{\"orderId\":\"" + takenDown + "\",\"publicationId\":\""
                + down + "\"}"));
        database.stored(3, takenDown, UNPUBLISHED, json("{\"orderId\":\"" + takenDown + "\",\"publicationId\":\""
                + down + "\"}"));
        database.stored(4, stillUp, PUBLISHED, NOT_UTF8);
        database.stored(5, stillUp, PUBLISHED, json("{\"orderId\":\"" + stillUp + "\",\"publicationId\":\"x\"}"));

        database.migrate(null);

        assertThat(jdbc.queryForList("SELECT publication_id FROM query.active_publication", UUID.class))
                .as("what cannot be read is passed over").containsExactly(up);
        assertThat(new TrailRepository(jdbc, null, null).ordersWaitingOnAuthority("tilsyn"))
                .containsExactly(stillUp);
    }

    /** A new database with the read models' schema as of {@code version}, beside a store's event table. */
    private static Database migratedTo(String version) {
        String name = "backfill_" + DATABASES.incrementAndGet();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
        DataSource dataSource = postgres.getDatabase("postgres", name);
        Database database = new Database(dataSource, new JdbcTemplate(dataSource));
        database.migrate(version);
        database.jdbc().execute("""
                CREATE SCHEMA events;
                CREATE TABLE events.domain_event_entry (
                    globalIndex BIGINT PRIMARY KEY, aggregateIdentifier VARCHAR(255) NOT NULL,
                    payloadType VARCHAR(255) NOT NULL, payload BYTEA NOT NULL)""");
        return database;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
