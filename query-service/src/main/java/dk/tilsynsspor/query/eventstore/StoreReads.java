package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads of the event store that failed and have not succeeded since, for health. A row Axon cannot turn into a
 * message, or a store query that fails, stops a processor before any handler (so before its dead-letter queue): its
 * coordinator releases its parts and tries again later, and no part is ever "in error". Without this only the log
 * would tell that the read models have stopped.
 *
 * <p>A failure is kept by the position the read started from (the global index every event before it was read up
 * to). It is cleared by a read from that same position that succeeds (a passing outage), or by a read from before
 * it that gets past it; never by a read that starts further on (another processor ahead of the one stuck).
 */
public class StoreReads {

    /**
     * @param after the global index the failing read started after (-1: the start of the store)
     * @param since when a read from there first failed
     * @param error the exception's type only: its message may quote stored data, and health is shown to anyone
     */
    public record Failure(long after, Instant since, String error) {
    }

    private final Map<Long, Failure> failing = new ConcurrentHashMap<>();

    void failed(TrackingToken from, RuntimeException error) {
        long after = TokenPositions.of(from);
        failing.putIfAbsent(after, new Failure(after, Instant.now(), error.getClass().getSimpleName()));
    }

    /**
     * A read from {@code from} succeeded and ended at {@code to} (the same position when it found nothing). It
     * clears the failures it covered: the one at its own starting position, and those it read past. A read that
     * starts beyond a failure (another processor, further on) says nothing about it.
     */
    void succeeded(TrackingToken from, TrackingToken to) {
        long started = TokenPositions.of(from);
        long reached = TokenPositions.of(to);
        failing.keySet().removeIf(after -> after == started || (started < after && after < reached));
    }

    /** The failure at the lowest position, if any read is failing. */
    public Optional<Failure> first() {
        return failing.values().stream().min(Comparator.comparingLong(Failure::after));
    }
}
