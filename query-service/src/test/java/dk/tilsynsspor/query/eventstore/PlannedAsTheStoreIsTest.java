package dk.tilsynsspor.query.eventstore;

import dk.tilsynsspor.query.eventstore.EventTableInATransaction.Scans;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracking read of a store that grew since the reader's first reads is planned for the store as it is: an index
 * range scan, not the sequential scan that was cheapest while the table was small. The engine reads over one
 * connection in one open transaction, so the transaction's own scan counters ({@code pg_stat_xact_user_tables})
 * tell how the last read reached the rows. The same reads through Axon's own statements are shown scanning the whole
 * table, so the test can tell the two apart. In a transaction the reads are prepared on the server, so that their
 * rows come in binary format, and the server's own count of each prepared statement's plans
 * ({@code pg_prepared_statements}) shows that none was a cached generic plan.
 */
class PlannedAsTheStoreIsTest {

    private static final int GROWN_TO = 20_000;
    private static final int BINARY = 1;
    private static final EventSchema SCHEMA = EventSchema.builder().eventTable("domain_event_entry").build();

    private static EmbeddedPostgres postgres;
    private EventTableInATransaction table;

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
        table = new EventTableInATransaction(postgres);
        table.append(1, 40);
        table.jdbc().execute("ANALYZE domain_event_entry"); // as autovacuum does while a new store is small
    }

    @AfterEach
    void close() throws SQLException {
        table.close();
    }

    private JdbcEventStorageEngine engine(UnaryOperator<JdbcEventStorageEngine.Builder> reads) {
        return table.engine(reads.apply(JdbcEventStorageEngine.builder()), 10).build();
    }

    /** How the engine's last read, from global index {@code after} with one gap before it, reached the rows. */
    private Scans lastReadAfterGrowth(JdbcEventStorageEngine engine) {
        for (int read = 0; read < 12; read++) { // past the driver's and the server's thresholds for a cached plan
            assertThat(engine.readEvents(GapAwareTrackingToken.newInstance(30, Set.of(20L)), false).limit(5).count())
                    .isEqualTo(5);
        }
        table.append(41, GROWN_TO);
        Scans before = table.scans();
        long read = engine.readEvents(GapAwareTrackingToken.newInstance(GROWN_TO - 10, Set.of((long) GROWN_TO - 20)),
                false).limit(5).count();
        assertThat(read).isEqualTo(5);
        return table.scans().minus(before);
    }

    @Test
    void aReadOfAGrownStoreUsesTheIndex() {
        Scans scans = lastReadAfterGrowth(engine(PlannedAsTheStoreIs::reads));

        assertThat(scans.sequential()).isZero();
        assertThat(scans.index()).isPositive();
    }

    @Test
    void inATransactionTheReadsArePreparedOnTheServerAndPlannedForEachRead() {
        lastReadAfterGrowth(engine(PlannedAsTheStoreIs::reads));

        Plans plans = table.jdbc().queryForObject("""
                SELECT count(*), coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)
                  FROM pg_prepared_statements WHERE statement LIKE '%domain_event_entry%'""",
                (rs, row) -> new Plans(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        assertThat(plans.statements()).isPositive();
        assertThat(plans.generic()).isZero();
        assertThat(plans.custom()).isGreaterThanOrEqualTo(13);
    }

    private record Plans(long statements, long generic, long custom) {
    }

    @Test
    void inATransactionTheEventsComeInBinaryFormat() throws SQLException {
        Connection connection = table.connection();
        try (PreparedStatement read = PlannedAsTheStoreIs.plannedForEachRead(connection,
                JdbcEventStorageEngineStatements.readEventDataWithoutGaps(connection, SCHEMA, 0, 10));
             ResultSet rows = read.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(new String(rows.getBytes("payload"))).isEqualTo("\"e1\"");
            PGResultSetMetaData columns = rows.getMetaData().unwrap(PGResultSetMetaData.class);
            assertThat(columns.getFormat(rows.findColumn("payload"))).isEqualTo(BINARY);
            assertThat(columns.getFormat(rows.findColumn("metaData"))).isEqualTo(BINARY);
        }
    }

    @Test
    void outsideATransactionAReadIsSentUnnamed() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE outside_event_entry (globalIndex BIGINT PRIMARY KEY,"
                    + " eventIdentifier TEXT, aggregateIdentifier TEXT, sequenceNumber BIGINT, type TEXT,"
                    + " timeStamp TEXT, payloadType TEXT, payloadRevision TEXT, payload BYTEA, metaData BYTEA)");
            try {
                EventSchema outside = EventSchema.builder().eventTable("outside_event_entry").build();
                for (int time = 0; time < 8; time++) { // past the driver's threshold for naming a statement
                    try (PreparedStatement read = PlannedAsTheStoreIs.plannedForEachRead(connection,
                            JdbcEventStorageEngineStatements.readEventDataWithoutGaps(connection, outside, 0, 10));
                         ResultSet rows = read.executeQuery()) {
                        assertThat(rows.next()).isFalse();
                    }
                }
                try (ResultSet prepared = statement.executeQuery("SELECT count(*) FROM pg_prepared_statements")) {
                    prepared.next();
                    assertThat(prepared.getLong(1)).isZero();
                }
            } finally {
                statement.execute("DROP TABLE outside_event_entry");
            }
        }
    }

    @Test
    void withAPlanCachedWhileTheStoreWasSmallTheSameReadScansTheWholeTable() {
        Scans scans = lastReadAfterGrowth(engine(UnaryOperator.identity()));

        assertThat(scans.sequential()).isPositive();
    }
}
