package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static dk.tilsynsspor.query.projection.PlannedEachTime.plannedEachTime;

/**
 * The reader's queries of the event table, planned for the table as it is at each read, never from a plan cached
 * while it was smaller, and answered in PostgreSQL's binary format.
 *
 * <p>The JDBC driver prepares a statement on the server after its fifth execution, and PostgreSQL may then keep one
 * generic plan for it for the connection's life. A plan made while the store held a few dozen events (and autovacuum
 * had analyzed it so) is a sequential scan, the cheapest then, and it stays one while the table grows, until another
 * {@code ANALYZE} of the table happens to invalidate it. Seen in a benchmark run: the read with one gap cost 2.7 ms
 * and 643 pages per call on a table of some 80,000 events that had grown faster than autovacuum looked at it, against
 * 0.04 ms for the same read by index. So each read is planned with its own bounds, which costs some tens of
 * microseconds and is an index range scan: the read's transaction tells the server so
 * ({@code SET LOCAL plan_cache_mode = force_custom_plan}, for that transaction only).
 *
 * <p>The statements themselves are prepared on the server from their first execution, because only such a statement
 * is answered in the binary format: an unnamed one comes back as text, where the payload and metadata columns
 * ({@code bytea}) are spelt out in hexadecimal, twice their size, encoded by the server and decoded by the driver.
 * Measured on a table of 500,000 events of some 440 bytes: the server's CPU per read of all of them 1.2 s in text,
 * 0.8 s in binary, and the read 1.7 times as fast. A read outside a transaction (where {@code SET LOCAL} does nothing)
 * is sent unnamed instead, planned at each execution as well. Only the tracking reads change how they are sent; their
 * SQL is Axon's.
 */
final class PlannedAsTheStoreIs {

    /** The driver's setting for a statement prepared on the server at once and read in binary format. */
    private static final int PREPARED_AND_BINARY = -1;

    private PlannedAsTheStoreIs() {
    }

    /** The engine's builder with its tracking reads planned at each read. */
    static JdbcEventStorageEngine.Builder reads(JdbcEventStorageEngine.Builder engine) {
        return engine
                .readEventDataWithoutGaps((connection, schema, globalIndex, batchSize) -> plannedForEachRead(
                        connection, JdbcEventStorageEngineStatements.readEventDataWithoutGaps(connection, schema,
                                globalIndex, batchSize)))
                .readEventDataWithGaps((connection, schema, globalIndex, batchSize, gaps) -> plannedForEachRead(
                        connection, JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, schema,
                                globalIndex, batchSize, gaps)))
                .fetchTrackedEvents((connection, schema, index) -> plannedForEachRead(connection,
                        JdbcEventStorageEngineStatements.fetchTrackedEvents(connection, schema, index)));
    }

    /**
     * {@code statement}, about to be executed on {@code connection}, planned for its own arguments: in a transaction
     * prepared on the server (and answered in binary) with the transaction's plans made at each execution; outside
     * one, sent unnamed.
     */
    static PreparedStatement plannedForEachRead(Connection connection, PreparedStatement statement)
            throws SQLException {
        if (connection.getAutoCommit()) {
            return plannedEachTime(statement);
        }
        try (Statement setting = connection.createStatement()) {
            setting.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
        statement.unwrap(PGStatement.class).setPrepareThreshold(PREPARED_AND_BINARY);
        return statement;
    }
}
