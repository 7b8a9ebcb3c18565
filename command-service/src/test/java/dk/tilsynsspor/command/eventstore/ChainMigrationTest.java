package dk.tilsynsspor.command.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.DateTimeUtils;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store upgraded in place (migration V11, ADR 28): the links the trigger stored in the event rows move, unchanged,
 * to {@code events.chain_link}, and the chain goes on from its head: the next sealed link follows the last one
 * the trigger made, with the same formula.
 */
class ChainMigrationTest {

    @Test
    void linksMadeByTheTriggerAreKeptAndTheSealerGoesOnFromTheirHead() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            JdbcTemplate jdbc = new JdbcTemplate(database);
            migrate(database, "10");
            UUID order = UUID.randomUUID();
            for (int i = 0; i < 3; i++) {
                append(jdbc, order, i);
            }
            List<Map<String, Object>> before = jdbc.queryForList("""
                    SELECT chainOrderId AS order_id, chainPosition AS position, globalIndex AS global_index,
                           chainHash AS hash
                      FROM events.domain_event_entry ORDER BY globalIndex""");
            assertThat(before).hasSize(3);

            migrate(database, "latest");

            List<Map<String, Object>> moved = jdbc.queryForList(
                    "SELECT order_id, position, global_index, hash FROM events.chain_link ORDER BY global_index");
            assertThat(moved).usingRecursiveComparison().isEqualTo(before);
            assertThat(jdbc.queryForObject("SELECT events.seal_order_chains(100)", Integer.class)).isZero();

            long next = append(jdbc, order, 3);
            assertThat(jdbc.queryForObject("SELECT events.seal_order_chains(100)", Integer.class)).isEqualTo(1);

            Map<String, Object> link = jdbc.queryForMap("""
                    SELECT k.position, k.hash = events.chain_link_hash(p.hash, k.position, e) AS valid,
                           c.position = k.position AND c.hash = k.hash AS head
                      FROM events.chain_link k
                      JOIN events.domain_event_entry e ON e.globalIndex = k.global_index
                      JOIN events.chain_link p ON p.order_id = k.order_id AND p.position = k.position - 1
                      JOIN events.order_chain c ON c.order_id = k.order_id
                     WHERE k.global_index = ?""", next);
            assertThat(link).containsEntry("position", 4L).containsEntry("valid", true).containsEntry("head", true);
        }
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).schemas("command").createSchemas(true)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    private static long append(JdbcTemplate jdbc, UUID order, long sequence) {
        return jdbc.queryForObject("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                       metaData, payload, payloadType, timeStamp)
                VALUES (?, ?, 'Test', ?, '{}'::bytea, ?, 'test', ?) RETURNING globalIndex""", Long.class,
                order.toString(), sequence, UUID.randomUUID().toString(),
                ("{\"orderId\":\"" + order + "\"}").getBytes(StandardCharsets.UTF_8),
                DateTimeUtils.formatInstant(Instant.now()));
    }
}
