package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One processor's read position in the event store. It queries the store when it has nothing buffered and either
 * something was appended since it last caught up or a second has passed (the safety net for a lost notification);
 * so an idle processor costs no queries beyond its coordinator's own periodic checks.
 *
 * <p>A read that returns less than a full read's worth, its last event short of the end of the range of global
 * indexes it covered, has caught up: the store held no more in that range when it was read. The next read waits for
 * an arrival, as after an empty read. The arrival count is taken
 * before the read, and command-service notifies only after its appends have committed, so an event the read could
 * not see is announced after that count was taken, and read at once. A read that returns nothing after a hole in the
 * global index wider than a read is followed by Axon's check for the next index ({@link ReaderEngine}), and a read
 * that found events beyond such a hole is not taken as caught up, since more may follow them. Only when a read's range
 * ends in holes (rolled-back appends) can an event beyond it wait for the next arrival or the second's re-read.
 */
final class NotifiedEventStream implements TrackingEventStream {

    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One query of the store for the events after a token: at most a full read's worth, in global-index order. */
    @FunctionalInterface
    interface OneRead {
        Stream<? extends TrackedEventMessage<?>> after(TrackingToken token);
    }

    private final OneRead oneRead;
    private final int fullRead;
    private final EventArrivals arrivals;
    private final StoreReads reads;
    private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
    private TrackingToken readPosition;
    private long arrivalsWhenCaughtUp = -1;
    private long caughtUpNanos;
    private Runnable callback;

    NotifiedEventStream(OneRead oneRead, int fullRead, EventArrivals arrivals, StoreReads reads,
                        TrackingToken start) {
        this.oneRead = oneRead;
        this.fullRead = fullRead;
        this.arrivals = arrivals;
        this.reads = reads;
        this.readPosition = start;
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
        boolean nothingNew = arrivalsNow == arrivalsWhenCaughtUp
                && System.nanoTime() - caughtUpNanos < RECHECK_NANOS;
        if (nothingNew) {
            return;
        }
        TrackingToken from = readPosition;
        try (Stream<? extends TrackedEventMessage<?>> events = oneRead.after(readPosition)) {
            events.forEach(event -> {
                buffer.addLast(event);
                readPosition = event.trackingToken();
            });
        } catch (RuntimeException e) {
            reads.failed(buffer.isEmpty() ? from : readPosition, e);
            throw e;
        }
        reads.succeeded(from, readPosition);
        if (caughtUp(from)) {
            arrivalsWhenCaughtUp = arrivalsNow;
            caughtUpNanos = System.nanoTime();
        }
    }

    /**
     * Whether the read just made from {@code from} reached the end of what the store held. A read covers the next
     * {@code fullRead} global indexes after its token ({@link ReaderEngine}), so it finds fewer events than that
     * whenever its range has holes (rolled-back appends, the store's first index): it has caught up only if its last
     * event lies short of the range's end as well. One that ends the range, or lies beyond it (past a wide hole), reads
     * on at once.
     */
    private boolean caughtUp(TrackingToken from) {
        if (buffer.isEmpty()) {
            return true;
        }
        return buffer.size() < fullRead && TokenPositions.of(readPosition) < TokenPositions.of(from) + fullRead;
    }
}
