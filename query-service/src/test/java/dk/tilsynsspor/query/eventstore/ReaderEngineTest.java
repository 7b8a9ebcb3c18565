package dk.tilsynsspor.query.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's read of the store is one query, where Axon's tracking stream made three for a read that found fewer
 * events than a batch: its query, a second from the last event found (empty at the head of the store), and its check
 * for a hole wider than a batch. Counted on PostgreSQL by the reading transaction's own table accesses
 * ({@code pg_stat_xact_user_tables}); the engine reads over one connection in one open transaction.
 */
class ReaderEngineTest {

    private static final int READ = 10;

    private static EmbeddedPostgres postgres;
    private EventTableInATransaction table;
    private ReaderEngine engine;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void store() throws SQLException {
        table = new EventTableInATransaction(postgres);
        engine = ReaderEngine.of(table.engine(PlannedAsTheStoreIs.reads(JdbcEventStorageEngine.builder()), READ));
    }

    @AfterEach
    void close() throws SQLException {
        table.close();
    }

    private void append(long... indexes) {
        for (long index : indexes) {
            table.append(index, index);
        }
    }

    private long accesses() {
        return table.scans().total();
    }

    private static List<Object> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(TrackedEventMessage::getPayload).map(Object.class::cast).toList();
    }

    @Test
    void aReadThatFindsLessThanABatchIsOneQuery() {
        append(0, 1, 2, 3, 4);
        long before = accesses();

        List<? extends TrackedEventMessage<?>> read = engine.readOnce(null).toList();

        assertThat(payloads(read)).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(accesses() - before).isEqualTo(1);
    }

    @Test
    void axonsOwnStreamQueriesThreeTimesForTheSameRead() {
        append(0, 1, 2, 3, 4);
        long before = accesses();

        List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).limit(READ).toList();

        assertThat(payloads(read)).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(accesses() - before).isEqualTo(3);
    }

    @Test
    void aReadFromAGapAwareTokenFindsWhatCommittedInItsGapsAndItsRange() {
        append(0, 1, 3, 4);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(4, Set.of(2L));
        append(2, 5);

        assertThat(payloads(engine.readOnce(token).toList())).containsExactly("e2", "e5");
    }

    @Test
    void anEmptyReadBeforeAHoleWiderThanABatchStillFindsTheEventsBeyondIt() {
        append(0, 1, 500, 501);

        List<? extends TrackedEventMessage<?>> read = engine.readOnce(GapAwareTrackingToken.newInstance(1, Set.of()))
                .toList();

        assertThat(payloads(read)).containsExactly("e500");
    }
}
