package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;

/**
 * The event store as query-service's processors read it: Axon's storage engine for the rows (with its gap-aware
 * tokens), and {@link EventArrivals} to say when there is something new. Unlike the streams of Axon's
 * {@code EmbeddedEventStore}, these streams accept an availability callback, so a pooled streaming processor reacts
 * to a new event at once instead of polling twice a second.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final ReaderEngine storageEngine;
    private final EventArrivals arrivals;
    private final StoreReads reads;

    NotifiedEventSource(ReaderEngine storageEngine, EventArrivals arrivals, StoreReads reads) {
        this.storageEngine = storageEngine;
        this.arrivals = arrivals;
        this.reads = reads;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new NotifiedEventStream(storageEngine::readOnce, storageEngine.batchSize(), arrivals, reads,
                trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return storageEngine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storageEngine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storageEngine.createTokenAt(dateTime);
    }
}
