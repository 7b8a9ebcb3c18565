package dk.tilsynsspor.query.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Axon Server's stream as the processors see it in that mode: told of new events at most once per interval. */
class PacedEventSourceTest {

    private final FakeSource source = new FakeSource();
    private PacedEventSource paced;

    @AfterEach
    void stop() {
        if (paced != null) {
            paced.destroy();
        }
    }

    @Test
    void theFirstEventWakesTheReaderAtOnce() {
        paced = new PacedEventSource(source, Duration.ofHours(1));
        AtomicInteger wakeUps = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();

        source.stream.arrive(1);

        assertThat(wakeUps).hasValue(1);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains(1L);
    }

    @Test
    void eventsSoonAfterAWakeUpAreAnsweredTogetherAtTheIntervalsEnd() throws InterruptedException {
        paced = new PacedEventSource(source, Duration.ofSeconds(2));
        AtomicInteger wakeUps = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);

        for (long event = 1; event <= 10; event++) {
            source.stream.arrive(event);
        }

        assertThat(wakeUps).as("only the first event woke the reader so far").hasValue(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(wakeUps).hasValue(2));
        // the one wake-up finds every event that arrived meanwhile, in order
        for (long event = 1; event <= 10; event++) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(event);
        }
        assertThat(stream.hasNextAvailable()).isFalse();
        Thread.sleep(100);
        assertThat(wakeUps).as("nothing more arrived, so no further wake-up").hasValue(2);
    }

    @Test
    void aClosedStreamWakesNobody() {
        paced = new PacedEventSource(source, Duration.ofMillis(50));
        AtomicInteger wakeUps = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);
        source.stream.arrive(1);
        source.stream.arrive(2); // its wake-up is due at the interval's end

        stream.close();

        assertThat(source.stream.closed).isTrue();
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(wakeUps).hasValue(1));
        source.stream.arrive(3);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void withoutAnIntervalTheSourcesOwnStreamIsUsed() {
        paced = new PacedEventSource(source, Duration.ZERO);

        assertThat(paced.openStream(null)).isSameAs(source.stream);
    }

    @Test
    void tokensAreTheSourcesOwn() {
        paced = new PacedEventSource(source, Duration.ofMillis(20));

        assertThat(paced.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
        assertThat(paced.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThat(paced.createTokenAt(Instant.EPOCH)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new PacedEventSource(source, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final class FakeSource implements StreamableMessageSource<TrackedEventMessage<?>> {

        final FakeStream stream = new FakeStream();

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return stream;
        }

        @Override
        public TrackingToken createTailToken() {
            return new GlobalSequenceTrackingToken(-1);
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(41);
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return new GlobalSequenceTrackingToken(7);
        }
    }

    /** Events arrive as on Axon Server's stream: put into the stream, then the callback called. */
    private static final class FakeStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> events = new ArrayDeque<>();
        private volatile Runnable callback = () -> { };
        volatile boolean closed;

        void arrive(long event) {
            synchronized (events) {
                events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(event),
                        GenericEventMessage.asEventMessage(event)));
            }
            callback.run();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            synchronized (events) {
                return Optional.ofNullable(events.peek());
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return peek().isPresent();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            synchronized (events) {
                return events.remove();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
