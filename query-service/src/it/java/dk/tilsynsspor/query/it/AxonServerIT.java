package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.tilsynsspor.query.it.WorkedExample.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What only the Axon Server mode has (ADR 10, 18, 19): run with {@code -Dit.axonserver.jar=…}; skipped otherwise.
 * Two instances of each service share the work; a lookup whose commit was lost after its append is repaired from
 * Axon Server's stream.
 */
@ExtendWith(EndToEnd.class)
class AxonServerIT {

    @BeforeEach
    void onAxonServerOnly(EndToEnd.Stack stack) {
        assumeTrue(stack.onAxonServer(), "needs -Dit.axonserver.jar or -Dit.axonserver.address");
    }

    @Test
    void twoInstancesOfEachServiceShareCommandsAndQueries(EndToEnd.Stack stack) {
        ServiceProcess secondCommands = stack.anotherCommandService();
        ServiceProcess secondQueries = stack.anotherQueryService();
        secondCommands.start();
        secondQueries.start();
        try {
            Api otherCommands = new Api(secondCommands.baseUrl(), stack.tokens);
            Api otherQueries = new Api(secondQueries.baseUrl(), stack.tokens);
            WorkedExample example = WorkedExample.imposed(otherCommands, "ST-AS-SCALE");
            expect(200, stack.commands.post("leader", example.order("/acknowledgement"), "{}"));
            expect(201, otherCommands.post("leader", example.requirement(example.restraintRequirement,
                    "/action-plans"), Map.of("plannedChanges", "p", "responsibleLeader", "leader",
                    "milestones", List.of())));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (Api queries : List.of(stack.queries, otherQueries)) {
                    Api.Response dossier = queries.get("inspector", example.order("/dossier"));
                    assertThat(dossier.status()).isEqualTo(200);
                    assertThat(dossier.body().hasNonNull("acknowledgedAt")).as("%s", dossier.body()).isTrue();
                }
            });
            assertThat(stack.eventTypes(example.orderId)).containsExactly("SupervisoryOrderImposed",
                    "SupervisoryOrderAcknowledged", "ActionPlanSubmitted");
        } finally {
            secondQueries.stop();
            secondCommands.stop();
        }
    }

    /**
     * The instance died after Axon Server stored the order and before its database committed the lookup: simulated by
     * deleting the lookup and the repair's place in the stream. The repair, started again, restores the lookup, so a
     * case can be opened for the order.
     */
    @Test
    void aLookupLostAfterItsAppendIsRepairedFromTheStream(EndToEnd.Stack stack) throws SQLException {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-AS-REPAIR");
        await().atMost(Duration.ofSeconds(30)).until(() -> lookupExists(stack, example.orderId));

        stack.commandService.stop();
        stack.database.run("DELETE FROM command.order_lookup WHERE order_id = '" + UUID.fromString(example.orderId) + "'");
        stack.database.run("DELETE FROM command.token_entry WHERE processorName = 'command-lookup-repair'");
        assertThat(lookupExists(stack, example.orderId)).isFalse();
        stack.commandService.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> lookupExists(stack, example.orderId));
        expect(201, stack.commands.post("leader", "/api/cases", Map.of("organisationId", "kk-handicap",
                "citizenRef", "borger-repair", "orderId", example.orderId,
                "requirementIds", List.of(example.methodRequirement))));
    }

    /**
     * The hash chain with Axon Server: every event of the order mirrored before its command is answered and sealed
     * moments later (ADR 28), verified intact; a mirrored event changed breaks it; and one changed and re-hashed with
     * the database's own formula (a consistent but false chain, which PostgreSQL alone could not tell) breaks it too,
     * because the verification compares each linked event with Axon Server's own copy.
     */
    @Test
    void theTrailIsMirroredBeforeTheAnswerAndVerifiedAgainstAxonServersOwnEvents(EndToEnd.Stack stack)
            throws SQLException {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-AS-CHAIN");
        JsonNode intact = example.sealedVerification(stack.queries);
        assertThat(intact.get("intact").asBoolean()).as("%s", intact).isTrue();
        long entries = intact.get("entries").asLong();
        assertThat(entries).isGreaterThan(10);

        // mirrored before the answer: each next command's event is in the order's store the moment it is answered,
        // and in its chain once sealed; asked at once, twenty times, so that a verification meeting a sealing is
        // likely (some ten in sixty were short while the verification joined the query bus's transaction)
        for (int round = 1; round <= 20; round++) {
            expect(201, stack.commands.post("leader", example.requirement(example.restraintRequirement,
                    "/measurements"), Map.of("value", round, "measuredOn", "2027-02-28", "source", "round " + round)));
            JsonNode next = stack.queries.get("inspector", example.order("/audit-trail/verification")).body();
            long expected = entries + round;
            assertThat(next.get("entries").asLong() + next.get("unlinked").asLong()).as(() -> "verification " + next
                    + "; the order's last events in the store just after it (global index, aggregate, sequence, type,"
                    + " transaction, link's position, sealed up to):\n" + lastEvents(stack, example.orderId))
                    .isEqualTo(expected);
            assertThat(next.get("intact").asBoolean()).as("%s", next).isTrue();
        }
        long linked = entries + 20; // the last measurement's position
        JsonNode next = example.sealedVerification(stack.queries);
        assertThat(next.get("entries").asLong()).isEqualTo(linked);
        assertThat(next.get("intact").asBoolean()).isTrue();

        // the last link's metadata changed and its hash and the head recomputed, as someone who can write to
        // PostgreSQL could do it
        UUID order = UUID.fromString(example.orderId);
        String last = "(SELECT global_index FROM events.chain_link WHERE order_id = '" + order + "' AND position = "
                + linked + ")";
        stack.database.run("UPDATE events.domain_event_entry SET metaData = convert_to('{\"actorId\":\"someone-else\"}',"
                + " 'UTF8') WHERE globalIndex = " + last);
        stack.database.run("UPDATE events.chain_link k SET hash = events.chain_link_hash(p.hash, k.position, e)"
                + " FROM events.chain_link p, events.domain_event_entry e WHERE k.order_id = '" + order + "'"
                + " AND k.position = " + linked + " AND p.order_id = k.order_id AND p.position = k.position - 1"
                + " AND e.globalIndex = k.global_index");
        stack.database.run("UPDATE events.order_chain c SET hash = k.hash FROM events.chain_link k"
                + " WHERE c.order_id = '" + order + "' AND k.order_id = c.order_id AND k.position = " + linked);

        JsonNode rehashed = stack.queries.get("inspector", example.order("/audit-trail/verification")).body();
        assertThat(rehashed.get("intact").asBoolean()).as("%s", rehashed).isFalse();
        assertThat(rehashed.get("firstBrokenSequence").asLong()).isEqualTo(linked);

        // and a payload changed without re-hashing breaks it where it was changed
        stack.database.run("UPDATE events.domain_event_entry SET payload = convert_to(replace(convert_from(payload,"
                + " 'UTF8'), 'low', 'high'), 'UTF8') WHERE globalIndex = (SELECT global_index FROM events.chain_link"
                + " WHERE order_id = '" + order + "' AND position = 3)");
        JsonNode changed = stack.queries.get("inspector", example.order("/audit-trail/verification")).body();
        assertThat(changed.get("intact").asBoolean()).isFalse();
        assertThat(changed.get("firstBrokenSequence").asLong()).isLessThanOrEqualTo(3);
    }

    /** The order's last four events in the store as the chain sees them, for a failure's description. */
    private static String lastEvents(EndToEnd.Stack stack, String orderId) {
        try (Connection connection = stack.database.connect();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT d.globalIndex, d.aggregateIdentifier, d.sequenceNumber, d.payloadType, d.appendTx::text,
                            (SELECT k.position FROM events.chain_link k WHERE k.global_index = d.globalIndex),
                            (SELECT s.append_tx::text || '/' || s.global_index FROM events.chain_sealed s)
                       FROM events.domain_event_entry d WHERE d.chainOrderId = ?::uuid
                      ORDER BY d.globalIndex DESC LIMIT 4""")) {
            statement.setString(1, orderId);
            StringBuilder rows = new StringBuilder();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    for (int column = 1; column <= 7; column++) {
                        rows.append(row.getString(column)).append(column == 7 ? "\n" : " ");
                    }
                }
            }
            return rows.toString();
        } catch (SQLException e) {
            return e.toString();
        }
    }

    private static boolean lookupExists(EndToEnd.Stack stack, String orderId) throws SQLException {
        try (Connection connection = stack.database.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM command.order_lookup WHERE order_id = ?")) {
            statement.setObject(1, UUID.fromString(orderId));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
