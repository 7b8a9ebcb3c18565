package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The stream's reading logic: batches in order, no query while idle and nothing arrived since it caught up, at once
 * when something did. The rows come from Axon's in-memory storage engine (the logic under test does not touch SQL; the same stream
 * over PostgreSQL runs in every end-to-end test); the arrivals are signalled by hand instead of by PostgreSQL.
 */
class NotifiedEventStreamTest {

    private final InMemoryEventStorageEngine storage = spy(new InMemoryEventStorageEngine());
    private final EventArrivals arrivals = new EventArrivals(new DataSourceProperties(), Duration.ZERO);
    private final StoreReads reads = new StoreReads();
    private long sequence;

    private void append(String payload) {
        storage.appendEvents(List.of(new GenericDomainEventMessage<>("Order", "order-1", sequence++, payload)));
    }

    /** A stream whose one read is at most {@code fullRead} of the stored events after the token. */
    private NotifiedEventStream stream(TrackingToken start, int fullRead) {
        return new NotifiedEventStream(token -> storage.readEvents(token, false).limit(fullRead), fullRead, arrivals,
                reads, start);
    }

    @Test
    void storedEventsAreReadInOrderInBatchesOfTheSizeAsked() throws Exception {
        append("first");
        append("second");
        append("third");
        NotifiedEventStream stream = stream(null, 2);

        assertThat(stream.peek()).hasValueSatisfying(event -> assertThat(event.getPayload()).isEqualTo("first"));
        List<Object> read = List.of(stream.nextAvailable().getPayload(), stream.nextAvailable().getPayload(),
                stream.nextAvailable().getPayload());

        assertThat(read).containsExactly("first", "second", "third");
        verify(storage, times(2)).readEvents(any(), eq(false));
    }

    @Test
    void anIdleStreamDoesNotQueryTheStoreAgainUntilSomethingArrives() throws Exception {
        NotifiedEventStream stream = stream(null, 10);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        stream.peek();
        stream.peek();
        verify(storage, times(1)).readEvents(any(), eq(false));

        append("new");
        arrivals.signal();

        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();
        TrackedEventMessage<?> event = stream.nextAvailable();
        assertThat(event.getPayload()).isEqualTo("new");
        verify(storage, times(2)).readEvents(any(), eq(false));
    }

    @Test
    void aReadThatFindsLessThanAFullReadHasCaughtUpAndTheNextWaitsForAnArrival() throws Exception {
        append("first");
        append("second");
        NotifiedEventStream stream = stream(null, 10);
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");

        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        stream.peek();
        verify(storage, times(1)).readEvents(any(), eq(false));

        append("third");
        arrivals.signal();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("third");
        verify(storage, times(2)).readEvents(any(), eq(false));
    }

    @Test
    void aReadThatFoundEventsBeyondAWideHoleReadsOnWithoutWaitingForAnArrival() throws Exception {
        List<TrackingToken> readFrom = new ArrayList<>();
        NotifiedEventStream stream = new NotifiedEventStream(token -> {
            readFrom.add(token);
            // the first read finds one event past a hole of 700 global indexes (Axon's check for a wide hole)
            return token == null ? Stream.of(tracked(700)) : Stream.of();
        }, 10, arrivals, reads, null);

        assertThat(stream.peek()).hasValueSatisfying(event -> assertThat(event.getPayload()).isEqualTo("at 700"));
        stream.nextAvailable();
        assertThat(stream.peek()).isEmpty();
        stream.peek();

        assertThat(readFrom).containsExactly(null, new GlobalSequenceTrackingToken(700));
    }

    @Test
    void aReadShortOnlyByHolesInItsRangeReadsOnWithoutWaitingForAnArrival() throws Exception {
        // as the store reads (ReaderEngine): the events in the next five global indexes after the token; the store
        // begins at index 1 and index 6 was rolled back
        List<Long> stored = List.of(1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L, 10L, 11L, 12L);
        List<TrackingToken> readFrom = new ArrayList<>();
        NotifiedEventStream stream = new NotifiedEventStream(token -> {
            readFrom.add(token);
            long from = TokenPositions.of(token);
            return stored.stream().filter(index -> index > from && index <= from + 5)
                    .map(NotifiedEventStreamTest::tracked);
        }, 5, arrivals, reads, null);

        List<Object> read = new ArrayList<>();
        while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
            read.add(stream.nextAvailable().trackingToken().position().orElseThrow());
        }

        assertThat(read).isEqualTo(stored); // (-1, 4] gave 4 events, (4, 9] gave 4: each ended its range
        assertThat(readFrom).containsExactly(null, new GlobalSequenceTrackingToken(4),
                new GlobalSequenceTrackingToken(9)); // (9, 14] ended at 12: caught up, no read until an arrival
    }

    private static TrackedEventMessage<?> tracked(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                new GenericEventMessage<>("at " + index));
    }

    @Test
    void aReadThatFailsIsKeptUntilAReadFromThereSucceeds() throws Exception {
        append("first");
        append("second");
        NotifiedEventStream before = stream(null, 10);
        before.nextAvailable();
        TrackingToken past = before.nextAvailable().trackingToken(); // global index 1
        append("unreadable");
        doThrow(new IllegalStateException("a row no reader can read")).when(storage).readEvents(any(), eq(false));

        NotifiedEventStream stream = stream(past, 10);
        assertThatThrownBy(stream::peek).isInstanceOf(IllegalStateException.class);
        assertThat(reads.first()).hasValueSatisfying(failure -> {
            assertThat(failure.after()).isEqualTo(1);
            assertThat(failure.error()).isEqualTo("IllegalStateException"); // never the message: it may quote data
        });
        NotifiedEventStream again = stream(past, 10);
        assertThatThrownBy(again::peek).isInstanceOf(IllegalStateException.class);
        assertThat(reads.first()).isPresent();

        doCallRealMethod().when(storage).readEvents(any(), eq(false));
        NotifiedEventStream ahead = stream(stored(2).trackingToken(), 10);
        assertThat(ahead.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse(); // another processor, further on
        assertThat(reads.first()).as("a read beyond the failure says nothing about it").isPresent();

        NotifiedEventStream mended = stream(past, 10);
        assertThat(mended.nextAvailable().getPayload()).isEqualTo("unreadable");
        assertThat(reads.first()).isEmpty();
    }

    private TrackedEventMessage<?> stored(int index) {
        return storage.readEvents(null, false).skip(index).findFirst().orElseThrow();
    }

    @Test
    void theAvailabilityCallbackRunsOnEachArrivalUntilTheStreamCloses() {
        NotifiedEventStream stream = stream(null, 10);
        AtomicInteger called = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(called::incrementAndGet)).isTrue();

        arrivals.signal();
        stream.close();
        arrivals.signal();

        assertThat(called.get()).isEqualTo(1);
    }
}
