package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One processor's read position in the event store. It queries the store when it has nothing buffered and either
 * something was appended since its last empty read or a second has passed (the safety net for a lost
 * notification); so an idle processor costs no queries beyond its coordinator's own periodic checks.
 */
final class NotifiedEventStream implements TrackingEventStream {

    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventStorageEngine storageEngine;
    private final EventArrivals arrivals;
    private final StoreReads reads;
    private final int batchSize;
    private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
    private TrackingToken readPosition;
    private long arrivalsAtLastEmptyRead = -1;
    private long lastEmptyReadNanos;
    private Runnable callback;

    NotifiedEventStream(EventStorageEngine storageEngine, EventArrivals arrivals, StoreReads reads,
                        TrackingToken start, int batchSize) {
        this.storageEngine = storageEngine;
        this.arrivals = arrivals;
        this.reads = reads;
        this.readPosition = start;
        this.batchSize = batchSize;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        fillIfEmpty();
        return Optional.ofNullable(buffer.peekFirst());
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long seen = arrivals.count();
            fillIfEmpty();
            long remaining = deadline - System.nanoTime();
            if (!buffer.isEmpty() || remaining <= 0) {
                return !buffer.isEmpty();
            }
            arrivals.awaitChange(seen, Math.min(remaining, RECHECK_NANOS));
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
        return buffer.pollFirst();
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        removeCallback();
        this.callback = callback;
        arrivals.onArrival(callback);
        return true;
    }

    @Override
    public void close() {
        removeCallback();
        buffer.clear();
    }

    private void removeCallback() {
        if (callback != null) {
            arrivals.removeCallback(callback);
            callback = null;
        }
    }

    private void fillIfEmpty() {
        if (!buffer.isEmpty()) {
            return;
        }
        long arrivalsNow = arrivals.count();
        boolean nothingNew = arrivalsNow == arrivalsAtLastEmptyRead
                && System.nanoTime() - lastEmptyReadNanos < RECHECK_NANOS;
        if (nothingNew) {
            return;
        }
        TrackingToken from = readPosition;
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(readPosition, false)) {
            events.limit(batchSize).forEach(event -> {
                buffer.addLast(event);
                readPosition = event.trackingToken();
            });
        } catch (RuntimeException e) {
            reads.failed(buffer.isEmpty() ? from : readPosition, e);
            throw e;
        }
        reads.succeeded(from, readPosition);
        if (buffer.isEmpty()) {
            arrivalsAtLastEmptyRead = arrivalsNow;
            lastEmptyReadNanos = System.nanoTime();
        }
    }
}
