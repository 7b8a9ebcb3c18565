package dk.tilsynsspor.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A command handed a cached copy: the store is asked about the copy only where its sequence numbers would not catch
 * an old one, and a copy found behind turns the decision into a lost race.
 */
class CachedAggregateChecksTest {

    static class Counter {
        @AggregateIdentifier
        String id = "counter-1";
    }

    private final EventStore store = mock(EventStore.class);
    private final CachedAggregateChecks checks = new CachedAggregateChecks(() -> store);
    private final CheckedAggregateCache cache = new CheckedAggregateCache(new WeakReferenceCache(), checks);
    private UnitOfWork<CommandMessage<?>> unitOfWork;

    /** The copy the cache holds, after the aggregate's event number 3. */
    private EventSourcedAggregate<Counter> cachedAtThree() {
        EventSourcedAggregate<Counter> aggregate = EventSourcedAggregate.reconstruct(new Counter(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Counter.class), 3L, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        cache.put("counter-1", new AggregateCacheEntry<>(aggregate));
        return aggregate;
    }

    /** Handles a command as the command bus does: in a unit of work, through the checks, then {@code handler}. */
    private Object handle(InterceptorChain handler) throws Exception {
        unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("count"));
        return checks.handle(unitOfWork, handler);
    }

    @AfterEach
    void endTheUnitOfWork() {
        if (unitOfWork != null && unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    /** What a handler does with its copy: reads it from the cache, as Axon's repository does. */
    private EventSourcedAggregate<Counter> load() {
        AggregateCacheEntry<Counter> entry = cache.get("counter-1");
        assertThat(entry).as("handed out of the cache").isNotNull();
        return entry.recreateAggregate(null, null, null, null);
    }

    @Test
    void aCommandThatAppendsToItsCopyLeavesTheCheckToTheStoresSequenceNumbers() throws Exception {
        cachedAtThree();

        Object result = handle(() -> {
            load().execute(counter -> AggregateLifecycle.apply("counted"));
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        verify(store, never()).lastSequenceNumberFor("counter-1");
    }

    @Test
    void aCommandThatAppendsNothingIsCheckedAfterItsHandler() throws Exception {
        cachedAtThree();
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(3L));

        Object result = handle(() -> {
            load();
            verify(store, never()).lastSequenceNumberFor("counter-1");
            return "repeat";
        });

        assertThat(result).isEqualTo("repeat");
        verify(store, times(1)).lastSequenceNumberFor("counter-1");
    }

    @Test
    void aCommandThatAppendsNothingToACopyBehindTheStoreLosesARace() {
        cachedAtThree();
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(4L));

        assertThatThrownBy(() -> handle(() -> {
            load();
            return "decided on the old state";
        })).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void aRefusalOnACopyBehindTheStoreLosesARaceInsteadOfReachingTheUser() {
        cachedAtThree();
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(5L));

        assertThatThrownBy(() -> handle(() -> {
            load();
            throw new IllegalStateException("refused on the old state");
        })).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void aRefusalOnACurrentCopyReachesTheUser() {
        cachedAtThree();
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(3L));

        assertThatThrownBy(() -> handle(() -> {
            load();
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused");
    }

    @Test
    void aRefusalIsCheckedEvenWhenTheHandlerHadAppliedEventsFirst() {
        cachedAtThree();
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(4L));

        assertThatThrownBy(() -> handle(() -> {
            load().execute(counter -> AggregateLifecycle.apply("counted"));
            throw new IllegalStateException("refused after applying: nothing of it is stored");
        })).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void outsideACommandTheCopyIsCheckedBeforeItIsHandedOut() {
        cachedAtThree();
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(4L));

        assertThat((Object) cache.get("counter-1")).as("behind the store: read from the events instead").isNull();
        verify(store, times(1)).lastSequenceNumberFor("counter-1");
    }
}
