package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.TokenPositions;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One read of the store for every read model being rebuilt (ADR 22, addendum): each batch of events is read and
 * turned into messages once, and the same messages go to every {@link Feed}. A message deserializes its payload and
 * metadata once, whichever read model asks first; before this, each rebuild read the whole store and deserialized
 * every event for itself.
 *
 * <p>Each feed holds at most {@link #QUEUED} batches: the reader waits for the slowest read model, so memory stays
 * bounded. A feed whose read model stops taking batches (a batch failed, and it reads on by itself) is
 * {@linkplain Feed#leave() left}; once every feed has left, the read stops.
 */
final class SharedRead {

    private static final Logger log = LoggerFactory.getLogger(SharedRead.class);
    static final int QUEUED = 4;
    /** How many half-second waits with nothing read short of the head the read sits out before it ends. */
    static final int PATIENCE = 10;
    /** The end of the store, as every feed sees it. */
    private static final List<TrackedEventMessage<?>> END = List.of();

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final int batchSize;
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();

    SharedRead(StreamableMessageSource<TrackedEventMessage<?>> source, int batchSize) {
        this.source = source;
        this.batchSize = batchSize;
    }

    /** A new feed; every feed must be made before {@link #run(TrackingToken, long)}. */
    Feed feed() {
        Feed feed = new Feed();
        feeds.add(feed);
        return feed;
    }

    /**
     * Reads the store from {@code start} (null: from its beginning) until it has nothing more, handing each batch to
     * every feed still taking them, then the end. The store has nothing more once it has been read up to
     * {@code head} (the global index of its last event when the rebuild began) and then finds nothing for half a
     * second; short of the head, a read that ended in holes is waited out (the stream reads again within a second),
     * for at most {@link #PATIENCE} empty waits. Should the read fail, every feed is told so and reads on by itself.
     */
    void run(TrackingToken start, long head) {
        boolean ended = false; // the end, or every feed gone: anything else leaves the feeds told of a failure
        ThreadCpu cpu = ThreadCpu.start();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(start)) {
            long events = 0;
            long position = TokenPositions.of(start);
            int waited = 0;
            while (true) {
                List<TrackedEventMessage<?>> batch = BulkReplay.nextBatch(stream, batchSize);
                if (batch.isEmpty()) {
                    if (position >= head || ++waited > PATIENCE) {
                        break;
                    }
                    continue;
                }
                waited = 0;
                position = Math.max(position, TokenPositions.of(batch.get(batch.size() - 1).trackingToken()));
                if (!handOut(List.copyOf(batch))) {
                    ended = true; // no feed takes batches any more
                    return;
                }
                events += batch.size();
            }
            handOut(END);
            ended = true;
            log.info("Rebuilding: the store's {} events were read once for {} read models ({} of the reading thread's"
                    + " CPU)", events, feeds.size(), cpu.used());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("The rebuild's shared read of the store failed ({}); each read model reads on by itself",
                    e.toString());
        } finally {
            if (!ended) { // an exception, an interruption, or an error such as running out of memory
                feeds.forEach(Feed::fail);
            }
        }
    }

    /** Whether any feed still takes batches. */
    private boolean handOut(List<TrackedEventMessage<?>> batch) throws InterruptedException {
        boolean taken = false;
        for (Feed feed : feeds) {
            taken |= feed.offer(batch);
        }
        return taken;
    }

    /** What one read model takes from the shared read. */
    static final class Feed {

        private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(QUEUED);
        private volatile boolean left;
        private volatile boolean failed;

        private Feed() {
        }

        /** Waits until the batch is queued or the feed is left; whether it was queued. */
        private boolean offer(List<TrackedEventMessage<?>> batch) throws InterruptedException {
            while (!left) {
                if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        }

        private void fail() {
            failed = true;
        }

        /**
         * The next batch, or an empty list at the end of the store.
         *
         * @throws IllegalStateException if the shared read failed: the read model reads on by itself
         */
        List<TrackedEventMessage<?>> next() throws InterruptedException {
            while (true) {
                List<TrackedEventMessage<?>> batch = batches.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
                if (failed) {
                    throw new IllegalStateException("the shared read of the store failed");
                }
            }
        }

        /** Takes no more batches; the shared read no longer waits for this feed. */
        void leave() {
            left = true;
            batches.clear();
        }
    }
}
