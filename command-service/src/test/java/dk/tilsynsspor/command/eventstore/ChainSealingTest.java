package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.command.MigratedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain is sealed after the appends commit (migration V11, ADR 28): {@code events.seal_order_chains} links every
 * event whose transaction has ended exactly once, in the order of the transactions, with V3's formula; an event of a
 * transaction still running, and every event of a later transaction, waits; a rolled-back append leaves no link and
 * holds nothing up; concurrent sealers never link an event twice.
 */
class ChainSealingTest {

    private static EmbeddedPostgres postgres;
    private static DataSource database;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() throws Exception {
        postgres = MigratedDatabase.start();
        database = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(database);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void everythingSealed() {
        while (seal(1_000) > 0) {
            // what an earlier test left
        }
    }

    @Test
    void eventsOfEndedTransactionsAreLinkedOnceInOrderWithTheChainsFormula() {
        UUID order = UUID.randomUUID();
        List<Long> indexes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            indexes.add(OrderEvents.append(jdbc, order, "case-" + (i % 2), i / 2));
        }
        long unrelated = appendWithoutOrder();

        assertThat(seal(1_000)).isEqualTo(5);
        assertThat(seal(1_000)).isZero();

        assertThat(links(order)).extracting(link -> link.get("global_index")).containsExactlyElementsOf(indexes);
        assertThat(links(order)).extracting(link -> link.get("position")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertChainValid(order, 5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events.chain_link WHERE global_index = ?", Long.class,
                unrelated)).isZero();
    }

    @Test
    void aBatchLinksAtMostItsSizeAndTheNextGoesOnFromIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            OrderEvents.append(jdbc, first, "a", i);
            OrderEvents.append(jdbc, second, "b", i);
        }

        assertThat(seal(4)).isEqualTo(4);
        assertThat(seal(4)).isEqualTo(2);
        assertThat(seal(4)).isZero();

        assertChainValid(first, 3);
        assertChainValid(second, 3);
    }

    @Test
    void aTransactionStillRunningHoldsBackTheLaterOnesAndIsLinkedFirstWhenItCommits() throws SQLException {
        UUID order = UUID.randomUUID();
        try (Connection early = database.getConnection()) {
            early.setAutoCommit(false);
            long earlyIndex = OrderEvents.append(early, order, "early", 0); // draws its transaction id first
            long later = OrderEvents.append(jdbc, order, "later", 0);        // commits first

            assertThat(seal(1_000)).isZero();
            assertThat(links(order)).isEmpty();

            early.commit();
            assertThat(seal(1_000)).isEqualTo(2);
            assertThat(links(order)).extracting(link -> link.get("global_index")).containsExactly(earlyIndex, later);
        }
        assertChainValid(order, 2);
    }

    @Test
    void aRolledBackAppendLeavesNoLinkAndHoldsNothingUp() throws SQLException {
        UUID order = UUID.randomUUID();
        try (Connection undone = database.getConnection()) {
            undone.setAutoCommit(false);
            OrderEvents.append(undone, order, "undone", 0);
            undone.rollback();
        }
        long kept = OrderEvents.append(jdbc, order, "kept", 0);

        assertThat(seal(1_000)).isEqualTo(1);
        assertThat(links(order)).extracting(link -> link.get("global_index")).containsExactly(kept);
        assertChainValid(order, 1);
    }

    @Test
    void concurrentSealersLinkEveryEventOnce() throws Exception {
        UUID order = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int writer = 0; writer < 3; writer++) {
                String aggregate = "writer-" + writer;
                work.add(() -> {
                    for (int i = 0; i < 100; i++) {
                        OrderEvents.append(jdbc, order, aggregate, i);
                    }
                    return 0;
                });
            }
            for (int sealer = 0; sealer < 3; sealer++) {
                work.add(() -> {
                    int made = 0;
                    for (int i = 0; i < 100; i++) {
                        made += seal(7);
                    }
                    return made;
                });
            }
            for (Future<Integer> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        while (seal(1_000) > 0) {
            // the rest
        }

        assertChainValid(order, 300);
    }

    /** Positions 1..n without a gap, each link the formula over its event and the one before, the head the last. */
    private static void assertChainValid(UUID order, long length) {
        Map<String, Object> chain = jdbc.queryForMap("""
                SELECT count(*) AS links, max(k.position) AS last, count(DISTINCT k.global_index) AS events,
                       bool_and(k.hash = events.chain_link_hash(
                           coalesce((SELECT p.hash FROM events.chain_link p
                                      WHERE p.order_id = k.order_id AND p.position = k.position - 1), ''::bytea),
                           k.position, e)) AS valid,
                       bool_and(e.chainOrderId = k.order_id) AS named
                  FROM events.chain_link k JOIN events.domain_event_entry e ON e.globalIndex = k.global_index
                 WHERE k.order_id = ?""", order);
        assertThat(chain).containsEntry("links", length).containsEntry("last", length)
                .containsEntry("events", length).containsEntry("valid", true).containsEntry("named", true);
        Map<String, Object> head = jdbc.queryForMap("""
                SELECT c.position, c.hash = k.hash AS same FROM events.order_chain c
                  JOIN events.chain_link k ON k.order_id = c.order_id AND k.position = c.position
                 WHERE c.order_id = ?""", order);
        assertThat(head).containsEntry("position", length).containsEntry("same", true);
        // every event of the order is linked
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events.domain_event_entry WHERE chainOrderId = ?",
                Long.class, order)).isEqualTo(length);
    }

    private static List<Map<String, Object>> links(UUID order) {
        return jdbc.queryForList("SELECT position, global_index FROM events.chain_link WHERE order_id = ?"
                + " ORDER BY position", order);
    }

    private static int seal(int most) {
        return jdbc.queryForObject("SELECT events.seal_order_chains(?)", Integer.class, most);
    }

    private static long appendWithoutOrder() {
        return jdbc.queryForObject(OrderEvents.APPEND, Long.class, UUID.randomUUID().toString(), 0L,
                UUID.randomUUID().toString(), "{\"caseId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                DateTimeUtils.formatInstant(Instant.now()));
    }
}
