package dk.tilsynsspor.command.eventstore;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CheckedAggregateCacheTest {

    static class Counter {
        @AggregateIdentifier
        String id = "counter-1";
    }

    private final EventStore store = mock(EventStore.class);
    private final CheckedAggregateCache cache = new CheckedAggregateCache(new WeakReferenceCache(),
            new CachedAggregateChecks(() -> store));

    /** An aggregate as Axon caches it after its event number {@code version}. */
    private static AggregateCacheEntry<Counter> cachedAt(long version) {
        return new AggregateCacheEntry<>(EventSourcedAggregate.reconstruct(new Counter(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Counter.class), version, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER));
    }

    @Test
    void aCopyThatHasSeenTheStoresLastEventIsUsed() {
        AggregateCacheEntry<Counter> entry = cachedAt(3);
        cache.put("counter-1", entry);
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(3L));

        assertThat((Object) cache.get("counter-1")).isSameAs(entry);
    }

    @Test
    void anEntryNobodyElseHoldsSurvivesAGarbageCollection() {
        cache.put("counter-1", cachedAt(3)); // only the cache refers to it now
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(3L));

        System.gc();

        assertThat((Object) cache.get("counter-1")).as("held softly, not only weakly").isNotNull();
    }

    @Test
    void aCopyBehindTheStoreIsDroppedSoTheCommandReadsTheEvents() {
        cache.put("counter-1", cachedAt(3));
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(4L));

        assertThat((Object) cache.get("counter-1")).isNull();
        assertThat(cache.containsKey("counter-1")).isFalse();
    }

    @Test
    void aCopyOfAnAggregateTheStoreDoesNotKnowIsNotTrusted() {
        cache.put("counter-1", cachedAt(0));
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.empty());

        assertThat((Object) cache.get("counter-1")).isNull();
    }

    @Test
    void whatIsNotAnAggregateIsHandedBackUnchecked() {
        cache.put("other", "value");

        assertThat((Object) cache.get("other")).isEqualTo("value");
    }
}
