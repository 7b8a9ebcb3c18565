package dk.tilsynsspor.query.projection;

import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's writes on PostgreSQL with the driver as query-service configures it ({@code reWriteBatchedInserts}: a
 * JDBC batch of inserts becomes one statement of many rows): two upserts of one row in a batch, as a notice and its
 * imposition make when a rebuild's batch holds both, are sent so that PostgreSQL takes them, the later one last.
 */
class BatchedWritesOnPostgresTest {

    private static final String UPSERT = """
            INSERT INTO parties (order_id, reference) VALUES (?, ?)
            ON CONFLICT (order_id) DO UPDATE SET reference = excluded.reference""";

    @RegisterExtension
    static final SingleInstancePostgresExtension POSTGRES = EmbeddedPostgresExtension.singleInstance();

    @Test
    void twoUpsertsOfOneRowInABatchAreBothTakenInTheirOrder() throws Exception {
        try (Connection connection = POSTGRES.getEmbeddedPostgres().getDatabase("postgres", "postgres",
                Map.of("reWriteBatchedInserts", "true")).getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.execute("CREATE TABLE parties (order_id INT PRIMARY KEY, reference TEXT NOT NULL)");
            BatchedWrites writes = new BatchedWrites(jdbc);
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
            writes.add(BatchedWrites.row("parties", 1), UPSERT, 1, "notice");
            writes.add(BatchedWrites.row("parties", 2), UPSERT, 2, "other");
            writes.add(BatchedWrites.row("parties", 1), UPSERT, 1, "imposed");
            writes.add(BatchedWrites.row("parties", 3), UPSERT, 3, "third"); // four: the driver's one statement

            batch.commit();

            assertThat(jdbc.queryForList("SELECT order_id, reference FROM parties ORDER BY order_id"))
                    .containsExactly(Map.of("order_id", 1, "reference", "imposed"),
                            Map.of("order_id", 2, "reference", "other"), Map.of("order_id", 3, "reference", "third"));
            assertThat(writes.careful()).isFalse();
        }
    }

    /**
     * Writes of several rows by a list of keys, planned at each execution: sent unnamed, never prepared on the server
     * (where a plan cached while the table was small would scan all of it at every later batch), alone and several
     * in one JDBC batch.
     */
    @Test
    void writesByAListOfKeysArePlannedAtEachExecutionAloneAndInABatch() throws Exception {
        try (Connection connection = POSTGRES.getEmbeddedPostgres().getDatabase("postgres", "postgres",
                Map.of("reWriteBatchedInserts", "true")).getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.execute("CREATE TABLE requirements (order_id INT, requirement INT,"
                    + " PRIMARY KEY (order_id, requirement))");
            jdbc.update("INSERT INTO requirements SELECT o, r FROM generate_series(1, 20) o, generate_series(1, 3) r");
            String delete = "DELETE FROM requirements WHERE order_id = ANY (?)";
            BatchedWrites writes = new BatchedWrites(jdbc);
            for (int order = 1; order <= 16; order += 2) { // eight batches, one delete of two orders each
                DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
                writes.add(List.of(BatchedWrites.row("requirements", order), BatchedWrites.row("requirements",
                        order + 1)), PlannedEachTime.statement(delete, (Object) new Integer[]{order, order + 1}));
                batch.commit();
            }
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
            writes.add(List.of(BatchedWrites.row("requirements", 17)), PlannedEachTime.statement(delete,
                    (Object) new Integer[]{17}));
            writes.add(List.of(BatchedWrites.row("requirements", 18)), PlannedEachTime.statement(delete,
                    (Object) new Integer[]{18, 19}));
            batch.commit();

            assertThat(jdbc.queryForList("SELECT DISTINCT order_id FROM requirements", Integer.class))
                    .containsExactly(20);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE"
                    + " 'DELETE FROM requirements%'", Long.class)).isZero();
        }
    }
}
