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
}
