package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild empties the summaries' table and fills it again: a batch's read of its orders' summaries still goes by
 * the index once the table has grown, however the first batches' reads were planned. Everything runs in one open
 * transaction, so the transaction's own scan counters ({@code pg_stat_xact_user_tables}) tell how each read reached
 * the rows. The same read sent as an ordinary prepared statement is shown scanning the whole table, so the test can
 * tell the two apart.
 */
class OrderSummariesOnPostgresTest {

    private static final int GROWN_TO = 20_000;
    /** About as many orders as a rebuild's batch of a thousand events begins and ends. */
    private static final int ORDERS_PER_BATCH = 40;
    private static final String READ = "SELECT order_id FROM query.order_summary WHERE order_id = ANY(?)";

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();
    private QueryDatabase.Transaction transaction;
    private JdbcTemplate jdbc;

    private record Scans(long sequential, long index) {
    }

    /** Each test in a transaction of its own, rolled back after it. */
    @BeforeEach
    void emptiedTable() throws Exception {
        transaction = database.transaction();
        jdbc = transaction.jdbc();
        grow(100);
        jdbc.execute("TRUNCATE query.order_summary"); // the rebuild's reset: no statistics, no pages
    }

    @AfterEach
    void close() throws Exception {
        transaction.close();
    }

    @Test
    void aBatchsReadOfItsOrdersGoesByTheIndexAfterTheTableGrewFromEmpty() {
        OrderTrailProjection projection = new OrderTrailProjection(jdbc);
        for (int batch = 0; batch < 12; batch++) { // past the driver's and the server's thresholds for a cached plan
            batchOfOrders(projection);
        }
        grow(GROWN_TO);

        Scans before = scans();
        batchOfOrders(projection);
        Scans scans = minus(scans(), before);

        assertThat(scans.sequential()).isZero();
        assertThat(scans.index()).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.order_summary", Long.class))
                .isEqualTo(GROWN_TO + 13 * ORDERS_PER_BATCH);
    }

    @Test
    void theSameReadAsAnOrdinaryPreparedStatementScansTheWholeGrownTable() {
        for (int read = 0; read < 12; read++) {
            jdbc.queryForList(READ, UUID.class, (Object) orderIds());
        }
        grow(GROWN_TO);

        Scans before = scans();
        jdbc.queryForList(READ, UUID.class, (Object) orderIds());

        assertThat(minus(scans(), before).sequential()).isPositive();
    }

    private static UUID[] orderIds() {
        return Stream.generate(UUID::randomUUID).limit(ORDERS_PER_BATCH).toArray(UUID[]::new);
    }

    /** One batch that imposes new orders and acknowledges them: one read of their summaries, one JDBC batch. */
    private static void batchOfOrders(OrderTrailProjection projection) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        for (UUID orderId : orderIds()) {
            SupervisoryOrderImposed imposed = new SupervisoryOrderImposed(orderId, "tilsyn-a", "org-b", "REF-1",
                    "lov", LocalDate.of(2026, 3, 1), "resumé", List.of(new Requirement(UUID.randomUUID(), "Krav",
                    "Ændring", QualityTheme.values()[0], LocalDate.of(2026, 6, 1))));
            projection.on(imposed, new GenericDomainEventMessage<>("Order", orderId.toString(), 0, imposed));
            projection.on(new SupervisoryOrderAcknowledged(orderId, "org-b"));
        }
        batch.commit();
    }

    private void grow(int rows) {
        jdbc.update("""
                INSERT INTO query.order_summary (order_id, reference, authority_id, organisation_id, issued_on, status,
                                                 imposed_at)
                SELECT gen_random_uuid(), 'REF', 'tilsyn-a', 'org-b', DATE '2026-01-01', 'IMPOSED', now()
                  FROM generate_series(1, ?)""", rows);
    }

    private Scans scans() {
        return jdbc.queryForObject("""
                SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables
                 WHERE schemaname = 'query' AND relname = 'order_summary'""",
                (rs, row) -> new Scans(rs.getLong(1), rs.getLong(2)));
    }

    private static Scans minus(Scans after, Scans before) {
        return new Scans(after.sequential() - before.sequential(), after.index() - before.index());
    }
}
