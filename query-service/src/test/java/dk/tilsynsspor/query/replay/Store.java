package dk.tilsynsspor.query.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** A store of listed events for the rebuild's tests: it counts its reads, and can pause or fail where told. */
final class Store implements StreamableMessageSource<TrackedEventMessage<?>> {
    final List<TrackedEventMessage<?>> events;
    final int failAfter;
    final AtomicInteger read = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    /** Reads that find nothing at {@link #pauseAt}, as when a read's range ends in holes. */
    final AtomicInteger pauses = new AtomicInteger();
    volatile int pauseAt = -1;
    volatile boolean closed;
    volatile TrackingToken openedAt;

    /** These events, their global indexes their places in the list; a read fails at {@code failAfter} (-1: never). */
    Store(List<TrackedEventMessage<?>> events, int failAfter) {
        this.events = events;
        this.failAfter = failAfter;
    }

    /** {@code events} events with texts for payloads ("event 0", ...). */
    static Store numbered(int events, int failAfter) {
        return new Store(IntStream.range(0, events).<TrackedEventMessage<?>>mapToObj(i ->
                new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i),
                        GenericEventMessage.asEventMessage("event " + i))).toList(), failAfter);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        opened.incrementAndGet();
        openedAt = from;
        int first = from == null ? 0 : (int) from.position().orElseThrow() + 1;
        read.set(first);
        return new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return read.get() < events.size() ? Optional.of(events.get(read.get())) : Optional.empty();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                if (read.get() == pauseAt && pauses.get() > 0) {
                    pauses.decrementAndGet();
                    return false;
                }
                return read.get() < events.size();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                if (failAfter >= 0 && read.get() >= failAfter) {
                    throw new IllegalStateException("the store cannot be read");
                }
                return events.get(read.getAndIncrement());
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
