package dk.tilsynsspor.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When a command may use a cached aggregate without first asking the store whether another instance has appended to
 * it since: the check is made after the handler has decided, and only where the store would not catch the old state
 * by itself.
 *
 * <p>A command that appends to an aggregate it was handed from the cache is safe without the check: its events take
 * the sequence numbers after the copy's last one, and if another instance stored events after that copy, the first of
 * those numbers is taken, the store refuses the append (SQLSTATE 23505, or Axon Server's sequence check), the unit of
 * work rolls back, Axon drops the copy, and {@code RaceRetryingCommandBus} runs the command again on the events. That
 * is the same path a race between a check and the append always took. What the store cannot catch is a decision that
 * appends nothing to the copy: a refusal (a rule the old state seemed to break), a repeat recognised as such, or a
 * read of one aggregate to decide about another. For those, and only those, the store's last sequence number for the
 * aggregate is read after the handler, and if it is past the copy's, the decision is thrown away as a lost race and
 * made again on the events. A refusal is always checked, also when the handler had applied events before refusing:
 * nothing of it reaches the store. So each command decided on a copy makes the round trip only when it appends
 * nothing, instead of every time.
 *
 * <p>Only command handling defers the check, through this interceptor on the command bus; anything else that loads
 * an aggregate from the cache (a deadline firing, for one) gets the check at once, as before ({@link
 * CheckedAggregateCache}).
 */
public final class CachedAggregateChecks implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String DEFERRED = CachedAggregateChecks.class.getName() + ".deferred";

    private final Supplier<EventStore> eventStore;

    CachedAggregateChecks(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    /** The copy's state as it was handed to the handler: the aggregate and its version then. */
    private record Handed(Aggregate<?> aggregate, long version) {
    }

    /**
     * Whether the check of {@code aggregate}, handed out of the cache at {@code version}, is deferred to the end of the
     * command being handled; if not (outside a command), the caller checks at once.
     */
    boolean deferred(String aggregateId, Aggregate<?> aggregate, long version) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Map<String, Handed> handed = CurrentUnitOfWork.get().getResource(DEFERRED);
        if (handed == null) {
            return false;
        }
        handed.putIfAbsent(aggregateId, new Handed(aggregate, version));
        return true;
    }

    /** Whether the store has no event for the aggregate after {@code version} (and knows the aggregate at all). */
    boolean current(String aggregateId, long version) {
        Optional<Long> stored = eventStore.get().lastSequenceNumberFor(aggregateId);
        return stored.isPresent() && stored.get() <= version;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Map<String, Handed> handed = new LinkedHashMap<>(2);
        unitOfWork.resources().put(DEFERRED, handed);
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception refusal) {
            checkEvery(handed, true);
            throw refusal;
        }
        checkEvery(handed, false);
        return result;
    }

    /**
     * Checks the copies the command was handed: every one after a refusal, otherwise those it appended nothing to.
     * Throws a lost race if one is behind the store.
     */
    private void checkEvery(Map<String, Handed> handed, boolean refused) {
        for (Map.Entry<String, Handed> entry : handed.entrySet()) {
            Handed copy = entry.getValue();
            Long now = copy.aggregate().version();
            boolean appended = now != null && now > copy.version();
            if ((refused || !appended) && !current(entry.getKey(), copy.version())) {
                throw new ConcurrencyException("The cached copy of aggregate " + entry.getKey() + " at version "
                        + copy.version() + " is behind the store: another instance appended to it");
            }
        }
    }
}
