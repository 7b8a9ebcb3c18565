package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Events put straight into the event store that the projection cannot handle, or that carry values the API no longer
 * accepts: the other orders (of any authority) are still projected, health names what was set aside, a rebuild says
 * so too, and after the cause is mended a restart projects the dead letters. A stack of its own, so that its
 * deliberately broken store and DOWN health touch no other test. PostgreSQL's event store only: it writes the poison
 * into that table, which query-service does not read when the events are in Axon Server (there the table is the
 * chain's mirror, ADR 19), so the class is skipped in a run against Axon Server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonEventIT {

    /** The poisoned imposition cannot be read by either processor that reads impositions: each sets it aside. */
    private static final String SET_ASIDE = "notifications: 1 event(s) set aside as dead letters; "
            + "order-trail: 1 event(s) set aside as dead letters";

    private EndToEnd.Stack stack;
    private WorkedExample example;
    private final String poisonedOrder = UUID.randomUUID().toString();

    @BeforeAll
    void start() {
        assumeFalse(AxonServer.given(), "puts events straight into PostgreSQL's event store");
        stack = new EndToEnd.Stack();
        example = WorkedExample.verified(stack.commands, "POISON-NEIGHBOUR");
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aPoisonEventIsSetAsideAndEveryOtherOrderIsStillProjected() throws SQLException {
        // A copy of a real order's first event whose requirements are no list: the projection cannot read it.
        copyImposedEvent(poisonedOrder, "\"requirements\":[", "\"requirements\":\"not a list\",\"was\":[");
        Api.Response later = stack.commands.post("inspector2", "/api/orders", Map.of(
                "authorityId", "socialtilsyn-nord", "organisationId", "aarhus-psykiatri", "reference", "AFTER-POISON",
                "legalBasis", "§ 8", "issuedOn", "2026-11-01", "noticeWaivedReason", "akut", "requirements", List.of(Map.of(
                        "title", "t", "requiredChange", "c", "qualityTheme", "OTHER", "deadline", "2027-02-01"))));
        assertThat(later.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stack.queries.get("inspector2",
                "/api/orders/" + later.body().get("id").asText() + "/dossier").status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Api.Response health = stack.queries.get(null, "/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().at("/components/readModels/description").asText())
                    .isEqualTo(SET_ASIDE);
        });
        assertThat(stack.queries.get("inspector", "/api/orders/" + poisonedOrder + "/dossier").status())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void valuesTheApiNoLongerTakesStillReadEverywhere() throws SQLException {
        String measurement = example.restraintMeasurements.get(0);
        int before = trailSize();
        copyEventWith(measurement, "\"value\":", "\"value\":1E+1000,\"was\":", "0000-03-01");
        copyEventWith(measurement, "\"value\":", "\"value\":-1e309,\"was\":", "+10000-01-01");
        // a NUL, which JSONB cannot hold, as events stored before texts were checked may have: shown as U+FFFD (the
        // store's chain trigger refuses one in a payload today, so it is put in the metadata's reason)
        copyEventWith(measurement, "\"value\":", "\"value\":", "2026-01-15",
                "{", "{\"reason\":\"f\u00f8r\\u0000efter\",");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(trailSize()).isEqualTo(before + 3));
        assertThat(stack.queries.get("inspector", example.order("/audit-trail")).body().get("entries")
                .findValuesAsText("reason")).contains("f\u00f8r\uFFFDefter");
        JsonNode dossier = stack.queries.get("inspector", example.order("/dossier")).body();
        assertThat(dossier.findValuesAsText("measuredOn")).contains("0000-03-01", "+10000-01-01");
        for (String format : new String[]{"csv", "json", "pdf"}) {
            assertThat(stack.queries.download("inspector", example.order("/audit-trail/export?format=" + format))
                    .statusCode()).as(format).isEqualTo(200);
        }
        assertThat(stack.queries.get("leader", "/api/organisations/kk-handicap/overview").status()).isEqualTo(200);
        assertThat(stack.queries.get("inspector", "/api/orders").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aRebuildSaysWhatItCouldNotProjectAndARestartAfterTheFixProjectsIt() throws SQLException {
        stack.queryService.stop();
        stack.queryService.start("--tilsynsspor.rebuild-read-models=true");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stack.queries.get(null,
                "/actuator/health").body().at("/components/readModels/description").asText())
                .isEqualTo(SET_ASIDE));

        mendPoisonedEvent();
        stack.queryService.stop();
        stack.queryService.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stack.queries.get("inspector", "/api/orders/" + poisonedOrder + "/dossier").status())
                    .isEqualTo(200);
            assertThat(stack.queries.get(null, "/actuator/health").status()).isEqualTo(200);
        });
    }

    @Test
    @Order(4)
    void anEventStoreNoProcessorCanReadTurnsHealthDownUntilItCanAgain() throws SQLException {
        // every read of the store fails, before any handler: no segment is in error, no event is set aside
        stack.database.run("ALTER TABLE events.domain_event_entry RENAME COLUMN payload TO payload_hidden");
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Api.Response health = stack.queries.get(null, "/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body().at("/components/readModels/description").asText())
                        .startsWith("the event store cannot be read after global index ")
                        .doesNotContain("payload"); // the exception's type only, never its message
            });
        } finally {
            stack.database.run("ALTER TABLE events.domain_event_entry RENAME COLUMN payload_hidden TO payload");
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(stack.queries.get(null,
                "/actuator/health").status()).isEqualTo(200));
    }

    private int trailSize() {
        return stack.queries.get("inspector", example.order("/audit-trail")).body().get("entries").size();
    }

    private void copyImposedEvent(String newOrderId, String find, String replacement) throws SQLException {
        try (Connection connection = stack.database.connect(); PreparedStatement copy = connection.prepareStatement("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                       metaData, payload, payloadRevision, payloadType, timeStamp)
                SELECT ?, 0, type, gen_random_uuid()::text, metaData,
                       convert_to(replace(replace(convert_from(payload, 'UTF8'), aggregateIdentifier, ?), ?, ?),
                                  'UTF8'), payloadRevision, payloadType, timeStamp
                  FROM events.domain_event_entry WHERE aggregateIdentifier = ? AND sequenceNumber = 0""")) {
            copy.setString(1, newOrderId);
            copy.setString(2, newOrderId);
            copy.setString(3, find);
            copy.setString(4, replacement);
            copy.setString(5, example.orderId);
            assertThat(copy.executeUpdate()).isEqualTo(1);
        }
    }

    /** A copy of one of the order's events as its next event, with one value changed and a date of another day. */
    private void copyEventWith(String contains, String find, String replacement, String day) throws SQLException {
        copyEventWith(contains, find, replacement, day, "", "");
    }

    /** The same, with one text of its metadata changed too. */
    private void copyEventWith(String contains, String find, String replacement, String day, String findInMetaData,
                               String replacementInMetaData) throws SQLException {
        String orderId = example.orderId;
        try (Connection connection = stack.database.connect(); PreparedStatement copy = connection.prepareStatement("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                       metaData, payload, payloadRevision, payloadType, timeStamp)
                SELECT aggregateIdentifier,
                       (SELECT max(sequenceNumber) + 1 FROM events.domain_event_entry WHERE aggregateIdentifier = ?),
                       type, gen_random_uuid()::text,
                       convert_to(replace(convert_from(metaData, 'UTF8'), ?, ?), 'UTF8'),
                       convert_to(regexp_replace(replace(replace(convert_from(payload, 'UTF8'), ?, ?), ?, ?),
                                  '"measuredOn":"[^"]*"', '"measuredOn":"' || ? || '"'), 'UTF8'),
                       payloadRevision, payloadType, timeStamp
                  FROM events.domain_event_entry
                 WHERE aggregateIdentifier = ? AND payloadType LIKE '%QualityMeasurementRecorded'
                   AND convert_from(payload, 'UTF8') LIKE '%' || ? || '%'""")) {
            copy.setString(1, orderId);
            copy.setString(2, findInMetaData);
            copy.setString(3, replacementInMetaData);
            copy.setString(4, contains);
            copy.setString(5, UUID.randomUUID().toString());
            copy.setString(6, find);
            copy.setString(7, replacement);
            copy.setString(8, day);
            copy.setString(9, orderId);
            copy.setString(10, contains);
            assertThat(copy.executeUpdate()).isEqualTo(1);
        }
    }

    /**
     * The fix. A real one deploys code that reads the event as stored; here the stored bytes are mended instead,
     * in the event store and in the dead letter's copy of the event, which is what a retry reads.
     */
    private void mendPoisonedEvent() throws SQLException {
        String mended = "convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"requirements\":\"not a list\",\"was\":[', '\"requirements\":['), 'UTF8')";
        try (Connection connection = stack.database.connect();
             PreparedStatement store = connection.prepareStatement("UPDATE events.domain_event_entry SET payload = "
                     + mended + " WHERE aggregateIdentifier = ?");
             PreparedStatement deadLetter = connection.prepareStatement("UPDATE query.dead_letter_entry SET payload = "
                     + mended + " WHERE aggregateIdentifier = ?")) {
            store.setString(1, poisonedOrder);
            deadLetter.setString(1, poisonedOrder);
            assertThat(store.executeUpdate()).isEqualTo(1);
            assertThat(deadLetter.executeUpdate()).as("its dead letter in each processor").isEqualTo(2);
        }
    }
}
