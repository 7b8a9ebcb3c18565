package dk.tilsynsspor.query.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracking read of a store that grew since the reader's first reads is planned for the store as it is: an index
 * range scan, not the sequential scan that was cheapest while the table was small. The engine reads over one
 * connection in one open transaction, so the transaction's own scan counters ({@code pg_stat_xact_user_tables})
 * tell how the last read reached the rows. The same reads through Axon's own statements are shown scanning the whole
 * table, so the test can tell the two apart.
 */
class PlannedAsTheStoreIsTest {

    private static final int GROWN_TO = 20_000;

    private static EmbeddedPostgres postgres;
    private Connection connection;
    private JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void table() throws SQLException {
        connection = postgres.getPostgresDatabase().getConnection();
        connection.setAutoCommit(false);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute("""
                CREATE TABLE domain_event_entry (
                    globalIndex BIGINT PRIMARY KEY, eventIdentifier TEXT NOT NULL, aggregateIdentifier TEXT NOT NULL,
                    sequenceNumber BIGINT NOT NULL, type TEXT, timeStamp TEXT NOT NULL, payloadType TEXT NOT NULL,
                    payloadRevision TEXT, payload BYTEA NOT NULL, metaData BYTEA)""");
        append(1, 40);
        jdbc.execute("ANALYZE domain_event_entry"); // as autovacuum does while a new store is small
    }

    @AfterEach
    void close() throws SQLException {
        connection.rollback();
        connection.close();
    }

    private void append(int from, int to) {
        jdbc.update("""
                INSERT INTO domain_event_entry SELECT n, 'event-' || n, 'order', n, 'Order', '2026-12-01T00:00:00Z',
                       'java.lang.String', NULL, convert_to('"x"', 'UTF8'), convert_to('{}', 'UTF8')
                  FROM generate_series(?, ?) n""", from, to);
    }

    private JdbcEventStorageEngine engine(UnaryOperator<JdbcEventStorageEngine.Builder> reads) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return reads.apply(JdbcEventStorageEngine.builder())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(new SingleConnectionDataSource(connection, true)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventSchema.builder().eventTable("domain_event_entry").build())
                .batchSize(10)
                .build();
    }

    /** How the engine's last read, from global index {@code after} with one gap before it, reached the rows. */
    private Scans lastReadAfterGrowth(JdbcEventStorageEngine engine) {
        for (int read = 0; read < 12; read++) { // past the driver's and the server's thresholds for a cached plan
            assertThat(engine.readEvents(GapAwareTrackingToken.newInstance(30, Set.of(20L)), false).limit(5).count())
                    .isEqualTo(5);
        }
        append(41, GROWN_TO);
        Scans before = scans();
        long read = engine.readEvents(GapAwareTrackingToken.newInstance(GROWN_TO - 10, Set.of((long) GROWN_TO - 20)),
                false).limit(5).count();
        assertThat(read).isEqualTo(5);
        return scans().minus(before);
    }

    private Scans scans() {
        return jdbc.queryForObject("""
                SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables
                 WHERE relname = 'domain_event_entry'""", (rs, row) -> new Scans(rs.getLong(1), rs.getLong(2)));
    }

    private record Scans(long sequential, long index) {
        Scans minus(Scans before) {
            return new Scans(sequential - before.sequential, index - before.index);
        }
    }

    @Test
    void aReadOfAGrownStoreUsesTheIndex() {
        Scans scans = lastReadAfterGrowth(engine(PlannedAsTheStoreIs::reads));

        assertThat(scans.sequential()).isZero();
        assertThat(scans.index()).isPositive();
    }

    @Test
    void withAPlanCachedWhileTheStoreWasSmallTheSameReadScansTheWholeTable() {
        Scans scans = lastReadAfterGrowth(engine(UnaryOperator.identity()));

        assertThat(scans.sequential()).isPositive();
    }
}
