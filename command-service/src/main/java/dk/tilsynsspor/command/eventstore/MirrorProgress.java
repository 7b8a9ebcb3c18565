package dk.tilsynsspor.command.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What the {@link ChainMirror} running in this instance has linked, for the answers waiting in {@link ChainLinks}:
 * each aggregate's last linked sequence number (in a cache bounded to {@value #AGGREGATES} aggregates; for one not
 * in it the mirror's table is read), and a signal after every committed batch, so that an answer is released the
 * moment its events are linked instead of at its next look at the table. Only what this instance's mirror committed
 * is known here; with the mirror on another instance nothing is, and the answers read the table as before
 * ({@link #activeHere()}).
 */
@Component
public class MirrorProgress {

    /** How recently the mirror here must have committed for the answers to rely on this instead of the store. */
    static final Duration ACTIVE = Duration.ofSeconds(1);
    private static final int AGGREGATES = 10_000;
    private static final String BATCH = MirrorProgress.class.getName() + ".batch";

    private final Cache<String, Long> linked = Caffeine.newBuilder().maximumSize(AGGREGATES).build();
    private final Object signal = new Object();
    private long version; // guarded by signal
    private volatile long lastCommitNanos = System.nanoTime() - ACTIVE.toNanos() - 1;

    /**
     * The mirror copied the aggregate's event in the current unit of work (the sealer links it after): it counts as
     * linked once that unit of work has committed (the batch's copies and its token in one transaction).
     */
    void linkedOnCommit(String aggregateId, long sequence) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<String, Long> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Map<String, Long> copies = new HashMap<>();
            unitOfWork.afterCommit(committed -> linked(copies));
            return copies;
        });
        batch.merge(aggregateId, sequence, Math::max);
    }

    /** The mirror committed the copies of these aggregates' events, up to these sequence numbers. */
    void linked(Map<String, Long> upTo) {
        upTo.forEach((aggregateId, sequence) -> linked.asMap().merge(aggregateId, sequence, Math::max));
        lastCommitNanos = System.nanoTime();
        synchronized (signal) {
            version++;
            signal.notifyAll();
        }
    }

    /** Whether this instance's mirror has linked the aggregate's events up to {@code sequence}, as far as it knows. */
    boolean linked(String aggregateId, long sequence) {
        Long upTo = linked.getIfPresent(aggregateId);
        return upTo != null && upTo >= sequence;
    }

    /** Whether the mirror runs here: it committed within {@link #ACTIVE}. */
    boolean activeHere() {
        return System.nanoTime() - lastCommitNanos < ACTIVE.toNanos();
    }

    /** Counts the mirror's commits here; pass it to {@link #awaitAfter} to wait for the next one. */
    long version() {
        synchronized (signal) {
            return version;
        }
    }

    /** Waits until the mirror here commits after {@code seen} (at once if it has), or for {@code timeout}. */
    void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            long left;
            while (version == seen && (left = until - System.nanoTime()) > 0) {
                signal.wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }
}
