package dk.tilsynsspor.query.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An Axon event table (its columns as Axon reads them, the global index given by the test) on a real PostgreSQL,
 * written and read over one connection in one open transaction that is rolled back at the end: the transaction's
 * own access counters ({@code pg_stat_xact_user_tables}) then count what the engine under test did, and nothing
 * else.
 */
final class EventTableInATransaction implements AutoCloseable {

    private final Connection connection;
    private final JdbcTemplate jdbc;

    EventTableInATransaction(EmbeddedPostgres postgres) throws SQLException {
        connection = postgres.getPostgresDatabase().getConnection();
        connection.setAutoCommit(false);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute("""
                CREATE TABLE domain_event_entry (
                    globalIndex BIGINT PRIMARY KEY, eventIdentifier TEXT NOT NULL, aggregateIdentifier TEXT NOT NULL,
                    sequenceNumber BIGINT NOT NULL, type TEXT, timeStamp TEXT NOT NULL, payloadType TEXT NOT NULL,
                    payloadRevision TEXT, payload BYTEA NOT NULL, metaData BYTEA)""");
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The connection the table is read and written over, in its open transaction. */
    Connection connection() {
        return connection;
    }

    /** Events at global indexes {@code from} to {@code to}, each with the payload {@code "e<index>"}. */
    void append(long from, long to) {
        jdbc.update("""
                INSERT INTO domain_event_entry SELECT n, 'event-' || n, 'order', n, 'Order', '2026-12-01T00:00:00Z',
                       'java.lang.String', NULL, convert_to('"e' || n || '"', 'UTF8'), convert_to('{}', 'UTF8')
                  FROM generate_series(?::bigint, ?::bigint) n""", from, to);
    }

    /** The engine's builder over this connection and table, reading {@code batchSize} global indexes at a time. */
    JdbcEventStorageEngine.Builder engine(JdbcEventStorageEngine.Builder builder, int batchSize) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return builder
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(new SingleConnectionDataSource(connection, true)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventSchema.builder().eventTable("domain_event_entry").build())
                .batchSize(batchSize);
    }

    /** Sequential and index scans of the table so far in this transaction. */
    Scans scans() {
        return jdbc.queryForObject("""
                SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables
                 WHERE relname = 'domain_event_entry'""", (rs, row) -> new Scans(rs.getLong(1), rs.getLong(2)));
    }

    record Scans(long sequential, long index) {
        Scans minus(Scans before) {
            return new Scans(sequential - before.sequential, index - before.index);
        }

        long total() {
            return sequential + index;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
