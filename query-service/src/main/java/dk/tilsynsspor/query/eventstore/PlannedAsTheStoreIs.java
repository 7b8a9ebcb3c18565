package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;

import static dk.tilsynsspor.query.projection.PlannedEachTime.plannedEachTime;

/**
 * The reader's queries of the event table, planned for the table as it is at each read, never from a plan cached
 * while it was smaller.
 *
 * <p>The JDBC driver prepares a statement on the server after its fifth execution, and PostgreSQL may then keep one
 * generic plan for it for the connection's life. A plan made while the store held a few dozen events (and autovacuum
 * had analyzed it so) is a sequential scan, the cheapest then, and it stays one while the table grows, until another
 * {@code ANALYZE} of the table happens to invalidate it. Seen in a benchmark run: the read with one gap cost 2.7 ms
 * and 643 pages per call on a table of some 80,000 events that had grown faster than autovacuum looked at it, against
 * 0.04 ms for the same read by index. So these statements are never prepared on the server: each read is planned
 * with its own bounds, which costs some tens of microseconds and is an index range scan. Only the tracking reads
 * change how they are sent; their SQL is Axon's.
 */
final class PlannedAsTheStoreIs {

    private PlannedAsTheStoreIs() {
    }

    /** The engine's builder with its tracking reads planned at each read. */
    static JdbcEventStorageEngine.Builder reads(JdbcEventStorageEngine.Builder engine) {
        return engine
                .readEventDataWithoutGaps((connection, schema, globalIndex, batchSize) -> plannedEachTime(
                        JdbcEventStorageEngineStatements.readEventDataWithoutGaps(connection, schema, globalIndex,
                                batchSize)))
                .readEventDataWithGaps((connection, schema, globalIndex, batchSize, gaps) -> plannedEachTime(
                        JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, schema, globalIndex,
                                batchSize, gaps)))
                .fetchTrackedEvents((connection, schema, index) -> plannedEachTime(
                        JdbcEventStorageEngineStatements.fetchTrackedEvents(connection, schema, index)));
    }
}
