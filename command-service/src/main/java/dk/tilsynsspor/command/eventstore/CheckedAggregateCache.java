package dk.tilsynsspor.command.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The aggregates' cache, checked against the event store each time a command reads from it: a cached aggregate is
 * used only if no event was stored for it after the last one it has seen, so with several command-service instances
 * on one store no command is decided on an old state (a refusal decided on one would be wrong, and only a command
 * that appends would have been caught by the taken sequence number). The check reads one number through the event
 * store ({@link EventStore#lastSequenceNumberFor}), which is still far cheaper than reading and applying the
 * aggregate's events. While a command is handled, the check is left to {@link CachedAggregateChecks}, which makes it
 * after the handler and only where the taken sequence number would not catch an old state; elsewhere it is made
 * here, before the copy is handed out.
 *
 * <p>The entries are also held softly (the {@value #KEPT} most recently used, each for at most {@link #IDLE} after
 * its last use): behind Axon's {@code WeakReferenceCache} alone, an aggregate used a moment ago was gone at the next
 * young collection, which under load meant every few commands on an order re-read its whole stream, and a long
 * stream's reading made the garbage that cleared the others' (the benchmark's long streams ran at 4 commands/s).
 * Soft references are cleared only when the heap needs the room; the bound and the idle time keep the heap from
 * filling with aggregates nobody uses any more (10,000 of them slowed every command down).
 */
final class CheckedAggregateCache implements Cache {

    /** How many entries are held softly at most (the most recently used). */
    static final int KEPT = 1_000;
    /** How long an entry is held softly after its last use. */
    static final Duration IDLE = Duration.ofMinutes(10);

    private final Cache cache;
    private final CachedAggregateChecks checks;
    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> held = Caffeine.newBuilder()
            .maximumSize(KEPT).expireAfterAccess(IDLE).softValues().build();

    CheckedAggregateCache(Cache cache, CachedAggregateChecks checks) {
        this.cache = cache;
        this.checks = checks;
    }

    @Override
    public <K, V> V get(K key) {
        V value = cache.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key.toString(), entry)) {
            remove(key);
            return null;
        }
        if (value != null) {
            held.put(key, value);
        }
        return value;
    }

    private boolean current(String aggregateId, AggregateCacheEntry<?> entry) {
        Aggregate<?> aggregate;
        try {
            // an entry made in this process holds the aggregate itself and hands it back as it is
            aggregate = entry.recreateAggregate(null, null, null, null);
        } catch (RuntimeException notInThisProcess) {
            return false;
        }
        Long version = aggregate.version();
        return version != null && (checks.deferred(aggregateId, aggregate, version)
                || checks.current(aggregateId, version));
    }

    @Override
    public void put(Object key, Object value) {
        cache.put(key, value);
        held.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = cache.putIfAbsent(key, value);
        if (added) {
            held.put(key, value);
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        held.invalidate(key);
        return cache.remove(key);
    }

    @Override
    public void removeAll() {
        held.invalidateAll();
        cache.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cache.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        cache.computeIfPresent(key, update);
    }
}
