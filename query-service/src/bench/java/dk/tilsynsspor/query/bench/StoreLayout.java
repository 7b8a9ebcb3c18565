package dk.tilsynsspor.query.bench;

import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a configuration of the services keeps its events and its projection's tokens, and how the benchmark reads
 * and fills them: Tilsynsspor's own tables (Flyway's, bytea columns, the global index and hash chain assigned by
 * the store's triggers), or the tables Hibernate makes for Axon's JPA engine (large objects, the global index
 * from a sequence Hibernate draws in blocks of 50).
 */
enum StoreLayout {

    TILSYNSSPOR("events.domain_event_entry", "globalIndex", "aggregateIdentifier",
            "SELECT tokenType, token FROM query.token_entry WHERE processorName = ?", """
            aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision,
            payloadType, timeStamp""", """
            aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision,
            payloadType, timeStamp"""),

    AXON_JPA("public.domain_event_entry", "global_index", "aggregate_identifier",
            "SELECT token_type, lo_get(token) FROM public.token_entry WHERE processor_name = ?", """
            aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision,
            payload_type, time_stamp""", """
            aggregate_identifier, sequence_number, type, event_identifier, lo_get(meta_data), lo_get(payload),
            payload_revision, payload_type, time_stamp""");

    private final String eventTable;
    private final String globalIndex;
    private final String aggregateIdentifier;
    private final String tokenQuery;
    private final String columns;
    private final String values;

    /** {@code columns}: an event's columns but the global index; {@code values}: the same read as text and bytes. */
    StoreLayout(String eventTable, String globalIndex, String aggregateIdentifier, String tokenQuery,
                String columns, String values) {
        this.eventTable = eventTable;
        this.globalIndex = globalIndex;
        this.aggregateIdentifier = aggregateIdentifier;
        this.tokenQuery = tokenQuery;
        this.columns = columns;
        this.values = values;
    }

    String eventTable() {
        return eventTable;
    }

    /** The highest global index stored. */
    long head(Connection connection) throws SQLException {
        return single(connection, "SELECT coalesce(max(" + globalIndex + "), 0) FROM " + eventTable, Long.class);
    }

    /** A processor's tokens (parameter: its name): the token's type and its serialized form as bytes. */
    String tokenQuery() {
        return tokenQuery;
    }

    /**
     * The events of two aggregates in the order they were stored (parameters: both ids): aggregate id, sequence
     * number, type, event id, metadata and payload as bytes, payload revision, payload type, timestamp.
     */
    String eventsOfQuery() {
        return "SELECT " + values + " FROM " + eventTable + " WHERE " + aggregateIdentifier + " IN (?, ?) ORDER BY "
                + globalIndex;
    }

    /**
     * Appends rows given as CSV in the order of {@link #eventsOfQuery()}'s columns, bytes as bytea hex. In
     * Tilsynsspor's table the store's triggers number and chain them. Axon's JPA table has no default for its global
     * index (Hibernate assigns it): the rows get the numbers after both the highest stored and the highest the
     * sequence has handed out, and the sequence is moved past them, so no block a running service holds collides.
     */
    long append(Connection connection, CopyManager copy, String csv) throws SQLException, IOException {
        if (this == TILSYNSSPOR) {
            return copy.copyIn("COPY " + eventTable + " (" + columns + ") FROM STDIN (FORMAT csv)",
                    new StringReader(csv));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE IF NOT EXISTS bench_staging (aggregate_identifier text,
                        sequence_number bigint, type text, event_identifier text, meta_data bytea, payload bytea,
                        payload_revision text, payload_type text, time_stamp text, position bigserial)""");
            copy.copyIn("COPY bench_staging (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(csv));
            long added = statement.executeUpdate("""
                    INSERT INTO public.domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                        event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT greatest((SELECT coalesce(max(global_index), 0) FROM public.domain_event_entry),
                                    (SELECT last_value FROM public.domain_event_entry_seq))
                               + row_number() OVER (ORDER BY position),
                           aggregate_identifier, sequence_number, type, event_identifier,
                           lo_from_bytea(0, meta_data), lo_from_bytea(0, payload), payload_revision, payload_type,
                           time_stamp
                      FROM bench_staging ORDER BY position""");
            statement.execute("TRUNCATE bench_staging");
            try (ResultSet rows = statement.executeQuery("SELECT setval('public.domain_event_entry_seq', "
                    + "(SELECT max(global_index) FROM public.domain_event_entry))")) {
                rows.next();
            }
            return added;
        }
    }

    boolean exists(Connection connection) throws SQLException {
        return single(connection, "SELECT to_regclass('" + eventTable + "') IS NOT NULL", Boolean.class);
    }

    long count(Connection connection) throws SQLException {
        return single(connection, "SELECT count(*) FROM " + eventTable, Long.class);
    }

    /** The one value of a query's one row. */
    private static <T> T single(Connection connection, String sql, Class<T> type) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getObject(1, type);
        }
    }
}
