package dk.tilsynsspor.command.eventstore;

import io.axoniq.axonserver.connector.AxonServerConnection;
import io.axoniq.axonserver.connector.event.AggregateEventStream;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The chain mirror's read of Axon Server's own events along its stream (StoredEventCursor's class doc). */
class StoredEventCursorTest {

    /** Axon Server's event stream: tokens 0..n, each its aggregate's event. */
    private final List<Event> stored = new ArrayList<>();
    private final List<ListStream> opened = new ArrayList<>();
    private final EventChannel channel = mock(EventChannel.class);
    private final StoredEventCursor cursor;

    StoredEventCursorTest() {
        AxonServerConnection connection = mock(AxonServerConnection.class);
        when(connection.eventChannel()).thenReturn(channel);
        cursor = new StoredEventCursor(() -> connection);
    }

    @BeforeEach
    void storedEvents() {
        for (int i = 0; i < 10; i++) {
            stored.add(event("order-" + (i % 3), i / 3));
        }
        when(channel.openStream(anyLong(), anyInt())).thenAnswer(call -> {
            ListStream stream = new ListStream(stored, (long) call.getArgument(0) + 1);
            opened.add(stream);
            return stream;
        });
    }

    @Test
    void eventsInTokenOrderAreReadFromOneStream() throws InterruptedException {
        for (int token = 0; token < stored.size(); token++) {
            Event expected = stored.get(token);
            assertThat(cursor.at(token, expected.getAggregateIdentifier(), expected.getAggregateSequenceNumber()))
                    .contains(expected);
        }
        verify(channel, times(1)).openStream(anyLong(), anyInt());
        verify(channel, never()).openAggregateStream(anyString(), anyLong());
    }

    @Test
    void aTokenAheadIsReachedAlongTheStreamAndATokenBehindOpensItAgainJustBeforeIt() throws InterruptedException {
        assertThat(cursor.at(7, "order-1", 2)).contains(stored.get(7));
        verify(channel).openStream(6, StoredEventCursor.BUFFER);
        assertThat(cursor.at(9, "order-0", 3)).contains(stored.get(9)); // token 8 passed over
        assertThat(cursor.at(4, "order-1", 1)).contains(stored.get(4)); // the processor went back
        verify(channel).openStream(3, StoredEventCursor.BUFFER);
        assertThat(cursor.at(4, "order-1", 1)).contains(stored.get(4)); // the same event again: again from before it
        verify(channel, times(2)).openStream(3, StoredEventCursor.BUFFER);
    }

    @Test
    void anEventThatIsNotTheOneHandedOverIsReadFromItsAggregate() throws InterruptedException {
        Event own = event("order-2", 0);
        AggregateEventStream aggregate = mock(AggregateEventStream.class);
        when(aggregate.hasNext()).thenReturn(true, false);
        when(aggregate.next()).thenReturn(own);
        when(channel.openAggregateStream("order-2", 0L)).thenReturn(aggregate);

        // the stream's token 5 is order-2#1, not order-2#0
        assertThat(cursor.at(5, "order-2", 0)).contains(own);
        verify(channel).openAggregateStream("order-2", 0L);
    }

    @Test
    void anEventTheStreamDoesNotBringIsReadFromItsAggregateAndMissingThereIsEmpty() throws InterruptedException {
        AggregateEventStream aggregate = mock(AggregateEventStream.class);
        when(aggregate.hasNext()).thenReturn(false);
        when(channel.openAggregateStream("order-9", 0L)).thenReturn(aggregate);

        assertThat(cursor.at(stored.size(), "order-9", 0)).isEmpty(); // past the stream's end: nothing within the wait
        verify(channel).openAggregateStream("order-9", 0L);
    }

    @Test
    void aStreamNotReadFromForAWhileIsClosedAndTheNextEventOpensItAgain() throws InterruptedException {
        assertThat(cursor.closeIfIdle(Duration.ZERO)).as("no stream open yet").isFalse();
        assertThat(cursor.at(2, "order-2", 0)).contains(stored.get(2));
        assertThat(cursor.closeIfIdle(Duration.ofHours(1))).as("read from just now").isFalse();
        assertThat(opened).singleElement().satisfies(stream -> assertThat(stream.isClosed()).isFalse());

        assertThat(cursor.closeIfIdle(Duration.ZERO)).isTrue();
        assertThat(opened.get(0).isClosed()).isTrue();

        assertThat(cursor.at(3, "order-0", 1)).contains(stored.get(3));
        verify(channel).openStream(2, StoredEventCursor.BUFFER);
        assertThat(opened).hasSize(2);
    }

    private static Event event(String aggregate, long sequence) {
        return Event.newBuilder().setAggregateIdentifier(aggregate).setAggregateSequenceNumber(sequence)
                .setMessageIdentifier(aggregate + "#" + sequence).build();
    }

    /** A stream over the stored events from a token on; nothing more once they are all taken. */
    private static final class ListStream implements EventStream {

        private final List<Event> events;
        private long next;
        private boolean closed;

        ListStream(List<Event> events, long first) {
            this.events = events;
            this.next = first;
        }

        @Override
        public EventWithToken nextIfAvailable(long timeout, TimeUnit unit) {
            return nextIfAvailable();
        }

        @Override
        public EventWithToken nextIfAvailable() {
            if (next >= events.size()) {
                return null;
            }
            EventWithToken event = EventWithToken.newBuilder().setToken(next).setEvent(events.get((int) next))
                    .build();
            next++;
            return event;
        }

        @Override
        public EventWithToken next() {
            return nextIfAvailable();
        }

        @Override
        public EventWithToken peek() {
            return next >= events.size() ? null : EventWithToken.newBuilder().setToken(next).build();
        }

        @Override
        public void onAvailable(Runnable callback) {
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public Optional<Throwable> getError() {
            return Optional.empty();
        }

        @Override
        public void excludePayloadType(String type, String revision) {
        }
    }
}
