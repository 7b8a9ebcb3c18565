package dk.tilsynsspor.query.replay;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One read of the store for every rebuild: the same messages to each, memory bounded, no rebuild held up by another. */
class SharedReadTest {

    /** A store of {@code events} events that fails after {@code failAfter} reads (never if negative). */
    private static List<List<TrackedEventMessage<?>>> drain(SharedRead.Feed feed) throws InterruptedException {
        List<List<TrackedEventMessage<?>>> batches = new ArrayList<>();
        List<TrackedEventMessage<?>> batch;
        while (!(batch = feed.next()).isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    @Test
    void everyFeedGetsTheSameMessagesInTheSameBatchesThenTheEnd() throws Exception {
        Store store = Store.numbered(25, -1);
        SharedRead shared = new SharedRead(store, 10);
        SharedRead.Feed trail = shared.feed();
        SharedRead.Feed notifications = shared.feed();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> shared.run(null, 24));
        CompletableFuture<List<List<TrackedEventMessage<?>>>> other = CompletableFuture.supplyAsync(() -> {
            try {
                return drain(notifications);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        List<List<TrackedEventMessage<?>>> batches = drain(trail);

        assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
        List<List<TrackedEventMessage<?>>> others = other.get(10, TimeUnit.SECONDS);
        assertThat(others).hasSize(3);
        for (int i = 0; i < batches.size(); i++) { // the very same messages: each deserializes its payload once
            for (int j = 0; j < batches.get(i).size(); j++) {
                assertThat(others.get(i).get(j)).isSameAs(batches.get(i).get(j));
            }
        }
        reading.get(10, TimeUnit.SECONDS);
        assertThat(store.opened).hasValue(1);
        assertThat(store.closed).isTrue();
    }

    @Test
    void shortOfTheHeadAReadThatFindsNothingIsWaitedOutAtTheHeadItEnds() throws Exception {
        Store store = Store.numbered(30, -1);
        store.pauseAt = 15;
        // the batch before ends on the first empty read; then as many empty waits as the read sits out
        store.pauses.set(1 + SharedRead.PATIENCE);
        SharedRead shared = new SharedRead(store, 10);
        SharedRead.Feed feed = shared.feed();
        CompletableFuture.runAsync(() -> shared.run(null, 29));

        assertThat(drain(feed)).extracting(List::size).containsExactly(10, 5, 10, 5);

        Store pausing = Store.numbered(30, -1);
        pausing.pauseAt = 15;
        pausing.pauses.set(1 + SharedRead.PATIENCE + 1); // one more: the read gives up, and the processor
        SharedRead patient = new SharedRead(pausing, 10); // carries on from where the rebuild got to
        SharedRead.Feed other = patient.feed();
        CompletableFuture.runAsync(() -> patient.run(null, 29));

        assertThat(drain(other)).extracting(List::size).containsExactly(10, 5);
    }

    @Test
    void theReadWaitsForTheSlowestFeedWithAtMostAFewBatchesQueued() throws Exception {
        Store store = Store.numbered(1_000, -1);
        SharedRead shared = new SharedRead(store, 10);
        SharedRead.Feed slow = shared.feed();
        CompletableFuture.runAsync(() -> shared.run(null, Long.MAX_VALUE));

        // nobody takes from the feed: the read stops once the feed's queue is full, and the one batch in hand
        await().atMost(Duration.ofSeconds(5)).until(() -> store.read.get() >= SharedRead.QUEUED * 10);
        Thread.sleep(300);
        assertThat(store.read.get()).isLessThanOrEqualTo((SharedRead.QUEUED + 1) * 10);

        assertThat(drain(slow)).hasSize(100); // and takes up again as the feed is drained
    }

    @Test
    void aFeedThatLeavesHoldsUpNoOtherAndTheReadStopsOnceAllHaveLeft() throws Exception {
        Store store = Store.numbered(1_000, -1);
        SharedRead shared = new SharedRead(store, 10);
        SharedRead.Feed leaving = shared.feed();
        SharedRead.Feed staying = shared.feed();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> shared.run(null, Long.MAX_VALUE));

        leaving.next();
        leaving.leave(); // as a rebuild whose batch failed: it reads on by itself
        assertThat(drain(staying)).hasSize(100);
        reading.get(10, TimeUnit.SECONDS);

        Store second = Store.numbered(1_000, -1);
        SharedRead alone = new SharedRead(second, 10);
        SharedRead.Feed only = alone.feed();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> alone.run(null, Long.MAX_VALUE));
        only.next();
        only.leave();
        stopped.get(10, TimeUnit.SECONDS); // nothing to read for
        assertThat(second.read.get()).isLessThan(1_000);
        assertThat(second.closed).isTrue();
    }

    @Test
    void aFailedReadIsToldToEveryFeedAfterTheBatchesItHandedOut() throws Exception {
        Store store = Store.numbered(100, 25);
        SharedRead shared = new SharedRead(store, 10);
        SharedRead.Feed feed = shared.feed();
        CompletableFuture.runAsync(() -> shared.run(new GlobalSequenceTrackingToken(4), Long.MAX_VALUE));

        assertThat(feed.next()).extracting(m -> m.trackingToken().position().orElseThrow())
                .containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        assertThat(feed.next()).hasSize(10);
        assertThatThrownBy(feed::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shared read of the store failed");
        assertThat(store.openedAt).isEqualTo(new GlobalSequenceTrackingToken(4));
    }

    @Test
    @Timeout(10) // before the fix the feed waited forever
    void anErrorOnTheReadingThreadIsToldToEveryFeedTooNoneWaitsForever() throws Exception {
        SharedRead shared = new SharedRead(token -> {
            throw new OutOfMemoryError("as when the reading thread runs out of memory");
        }, 10);
        SharedRead.Feed feed = shared.feed();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> shared.run(null, 24));

        assertThatThrownBy(feed::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shared read of the store failed");
        assertThat(reading).failsWithin(Duration.ofSeconds(5));
    }
}
