package dk.tilsynsspor.query.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Another event source's streams, with a processor told of new events at most once per {@code wakeInterval} — what
 * {@link EventArrivals} does for the PostgreSQL mode, for the Axon Server mode (ADR 3, addendum). Axon Server's stream
 * calls a pooled processor's availability callback for every event it receives; the processor then reads what is
 * there (one event, or two) and commits it with its token, so under load each read model paid a transaction for every
 * two or three events. Here an event after a quiet spell wakes the processor at once; one that comes sooner after the
 * last wake-up waits for the interval's end, and that one wake-up answers every event received meanwhile, so under
 * load a processor reads and projects an interval's events in one batch. An event becomes visible at most one interval
 * later. Nothing else changes: the events, their order and tokens, and a processor that reads on while events are
 * there (catching up, a rebuild) are the source's own.
 */
public final class PacedEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final long wakeIntervalNanos;
    private final ScheduledExecutorService timer;

    /** {@code wakeInterval}: the least time between two wake-ups of a stream's reader (zero: every event). */
    public PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> source, Duration wakeInterval) {
        this.source = Objects.requireNonNull(source, "source");
        if (Objects.requireNonNull(wakeInterval, "wake interval (tilsynsspor.processing.wake-interval)").isNegative()) {
            throw new IllegalArgumentException("the wake interval cannot be negative: " + wakeInterval);
        }
        this.wakeIntervalNanos = wakeInterval.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "paced-event-source");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(trackingToken);
        return wakeIntervalNanos == 0 ? stream : new PacedStream(stream);
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return source.createTokenSince(duration);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    private final class PacedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        /** A wake-up is due (now or at the interval's end); it answers every event that arrives until it runs. */
        private final AtomicBoolean due = new AtomicBoolean();
        private volatile long lastWake = System.nanoTime() - wakeIntervalNanos; // the first event wakes at once
        private volatile boolean closed;

        PacedStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Objects.requireNonNull(callback, "callback");
            return stream.setOnAvailableCallback(() -> arrived(callback));
        }

        private void arrived(Runnable callback) {
            if (closed || !due.compareAndSet(false, true)) {
                return; // the wake-up that is due runs after this event is in the stream, so it answers it too
            }
            long early = lastWake + wakeIntervalNanos - System.nanoTime();
            if (early <= 0) {
                wake(callback);
            } else {
                try {
                    timer.schedule(() -> wake(callback), early, TimeUnit.NANOSECONDS);
                } catch (RuntimeException shutDown) { // the service is stopping: wake the reader now instead
                    wake(callback);
                }
            }
        }

        private void wake(Runnable callback) {
            lastWake = System.nanoTime();
            due.set(false); // after lastWake, so that an event arriving from here on is paced from this wake-up
            if (!closed) {
                callback.run();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            closed = true;
            stream.close();
        }
    }
}
