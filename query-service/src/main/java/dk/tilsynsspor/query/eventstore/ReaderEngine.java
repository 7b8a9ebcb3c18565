package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.stream.Stream;

import static org.axonframework.eventhandling.EventUtils.upcastAndDeserializeTrackedEvents;

/**
 * Axon's JDBC storage engine as query-service's processors read it: a read is one query.
 *
 * <p>Axon's own tracking stream never takes a short batch for the last one: after the rows of its query it queries
 * again from the last of them, and that query, empty at the head of the store, is followed by a third (the lowest
 * global index after the token, Axon's check for a hole wider than a batch). Each in a transaction of its own. A
 * processor at the head of a busy store therefore spent three queries and two transactions on every read that found
 * something. {@link #readOnce} makes the first query only and leaves the decision to read on to the caller
 * ({@link NotifiedEventStream}), which knows whether anything was appended meanwhile. Its rows, gaps and tokens are
 * Axon's; an empty read still makes Axon's check for a wide hole.
 */
final class ReaderEngine extends JdbcEventStorageEngine {

    private ReaderEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    static ReaderEngine of(JdbcEventStorageEngine.Builder builder) {
        return new ReaderEngine(builder);
    }

    /**
     * The events after {@code token} that one query finds: those in the next {@link #batchSize()} global indexes, and
     * those in the token's gaps that were committed since. Fewer than a batch means the store had no more in that
     * range when it was read.
     */
    Stream<? extends TrackedEventMessage<?>> readOnce(TrackingToken token) {
        return upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, batchSize()).stream(), getEventSerializer(),
                upcasterChain);
    }
}
