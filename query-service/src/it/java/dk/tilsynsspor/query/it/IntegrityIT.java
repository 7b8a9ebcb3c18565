package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tamper-evident trail: each order's events form a hash chain sealed moments after they are stored (ADR 28),
 * and the verification recomputes it from the event store, finding every kind of direct edit at the first sequence
 * it broke.
 */
@ExtendWith(EndToEnd.class)
class IntegrityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Imposed, acknowledged, two action plans, two quality goals. */
    private static final int EVENTS = 6;

    @Test
    void anUntouchedTrailVerifiesAndCarriesTheHashesOfItsChain(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-CHAIN-1");
        JsonNode verification = verification(stack, example);
        assertThat(verification.get("intact").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.get("firstBrokenSequence").isNull()).isTrue();
        long entries = verification.get("entries").asLong();

        JsonNode trail = await().atMost(Duration.ofSeconds(5)).until(
                () -> stack.queries.get("inspector", example.order("/audit-trail")).body().get("entries"),
                found -> found != null && found.size() == entries);
        for (JsonNode entry : trail) {
            assertThat(entry.get("hash").asText()).matches("[0-9a-f]{64}");
        }
        assertThat(trail.get(trail.size() - 1).get("hash").asText())
                .isEqualTo(verification.get("headHash").asText());
        JsonNode export = JSON.readTree(stack.queries.download("inspector",
                example.order("/audit-trail/export?format=json")).body());
        assertThat(export.at("/trail/entries").findValuesAsText("hash"))
                .containsExactlyElementsOf(trail.findValuesAsText("hash"));
        assertThat(export.at("/verification/headHash").asText()).isEqualTo(verification.get("headHash").asText());
    }

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of("a payload changed", 3, EVENTS, """
                        UPDATE events.domain_event_entry
                           SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'low', 'high'), 'UTF8')
                         WHERE globalIndex = (SELECT global_index FROM events.chain_link
                                              WHERE order_id = ?::uuid AND position = 3)"""),
                Arguments.of("metadata changed", 2, EVENTS, """
                        UPDATE events.domain_event_entry
                           SET metaData = convert_to(replace(convert_from(metaData, 'UTF8'), 'leader', 'inspector'),
                                                     'UTF8')
                         WHERE globalIndex = (SELECT global_index FROM events.chain_link
                                              WHERE order_id = ?::uuid AND position = 2)"""),
                Arguments.of("an event deleted", 4, EVENTS, """
                        DELETE FROM events.domain_event_entry
                         WHERE globalIndex = (SELECT global_index FROM events.chain_link
                                              WHERE order_id = ?::uuid AND position = 4)"""),
                Arguments.of("the last event deleted", EVENTS, EVENTS, """
                        DELETE FROM events.domain_event_entry
                         WHERE globalIndex = (SELECT global_index FROM events.chain_link
                                              WHERE order_id = ?::uuid AND position = 6)"""),
                Arguments.of("a link deleted", 5, EVENTS, """
                        DELETE FROM events.chain_link WHERE order_id = ?::uuid AND position = 5"""),
                Arguments.of("the last link deleted and the head wound back", EVENTS, EVENTS - 1, """
                        DELETE FROM events.chain_link WHERE order_id = ?::uuid AND position = 6;
                        UPDATE events.order_chain c SET position = 5, hash = k.hash FROM events.chain_link k
                         WHERE c.order_id = ?::uuid AND k.order_id = c.order_id AND k.position = 5"""),
                Arguments.of("two events reordered", 2, EVENTS, """
                        WITH pair AS (SELECT min(global_index) AS first, max(global_index) AS second
                                        FROM events.chain_link
                                       WHERE order_id = ?::uuid AND position IN (2, 3))
                        UPDATE events.domain_event_entry e
                           SET globalIndex = CASE WHEN e.globalIndex = pair.first THEN -pair.second
                                                  ELSE -pair.first END
                          FROM pair WHERE e.globalIndex IN (pair.first, pair.second);
                        UPDATE events.domain_event_entry SET globalIndex = -globalIndex WHERE globalIndex < 0"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampering")
    void verificationFindsTheFirstBrokenSequence(String tampered, int firstBroken, int entries, String sql,
                                                 EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-TAMPER-" + UUID.randomUUID());
        example.acknowledgeAndPlan();
        JsonNode before = verification(stack, example);
        assertThat(before.get("intact").asBoolean()).isTrue();
        assertThat(before.get("entries").asInt()).isEqualTo(EVENTS);

        try (Connection connection = stack.database.connect()) {
            connection.setAutoCommit(false);
            execute(connection, "CREATE TEMPORARY TABLE untouched AS SELECT * FROM events.domain_event_entry"
                    + " WHERE chainOrderId = ?::uuid", example.orderId);
            execute(connection, "CREATE TEMPORARY TABLE untouched_links AS SELECT * FROM events.chain_link"
                    + " WHERE order_id = ?::uuid", example.orderId);
            execute(connection, "CREATE TEMPORARY TABLE untouched_head AS SELECT * FROM events.order_chain"
                    + " WHERE order_id = ?::uuid", example.orderId);
            for (String statement : sql.split(";")) {
                assertThat(execute(connection, statement, example.orderId)).as(statement).isPositive();
            }
            connection.commit();

            JsonNode after = verification(stack, example);
            assertThat(after.get("intact").asBoolean()).as("%s", after).isFalse();
            assertThat(after.get("firstBrokenSequence").asInt()).isEqualTo(firstBroken);
            assertThat(after.get("entries").asInt()).isEqualTo(entries);

            // put the rows back as they were (triggers off: they are not new events), so that no other test sees
            // a tampered store, and the chain verifies again
            execute(connection, "SET session_replication_role = replica", null);
            execute(connection, "DELETE FROM events.domain_event_entry WHERE chainOrderId = ?::uuid",
                    example.orderId);
            execute(connection, "INSERT INTO events.domain_event_entry SELECT * FROM untouched", null);
            execute(connection, "DELETE FROM events.chain_link WHERE order_id = ?::uuid", example.orderId);
            execute(connection, "INSERT INTO events.chain_link SELECT * FROM untouched_links", null);
            execute(connection, "UPDATE events.order_chain c SET position = h.position, hash = h.hash"
                    + " FROM untouched_head h WHERE c.order_id = h.order_id", null);
            execute(connection, "SET session_replication_role = origin", null);
            connection.commit();
        }
        assertThat(verification(stack, example).get("intact").asBoolean()).isTrue();
    }

    private static int execute(Connection connection, String sql, String orderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int parameter = 1; parameter <= statement.getParameterMetaData().getParameterCount(); parameter++) {
                statement.setString(parameter, orderId);
            }
            return statement.executeUpdate();
        }
    }

    @Test
    void theChainIsSealedByTheDatabaseForEveryWriter(EndToEnd.Stack stack) throws SQLException {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-CHAIN-2");
        example.acknowledgeAndPlan(); // links after the first, each hashed onto the one before
        verification(stack, example); // sealed
        try (Connection connection = stack.database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*) AS linked, max(k.position) AS last,
                            bool_and(k.hash = events.chain_link_hash(
                                coalesce((SELECT p.hash FROM events.chain_link p
                                           WHERE p.order_id = k.order_id AND p.position = k.position - 1),
                                         ''::bytea), k.position, e)) AS valid
                       FROM events.chain_link k JOIN events.domain_event_entry e ON e.globalIndex = k.global_index
                      WHERE k.order_id = ?::uuid""")) {
            query.setString(1, example.orderId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt("linked")).isEqualTo(EVENTS);
                assertThat(row.getInt("last")).isEqualTo(EVENTS);
                assertThat(row.getBoolean("valid")).isTrue();
            }
        }
    }

    private static JsonNode verification(EndToEnd.Stack stack, WorkedExample example) {
        return example.sealedVerification(stack.queries);
    }
}
