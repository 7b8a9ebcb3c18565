package dk.tilsynsspor.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import java.util.function.Function;

/**
 * The root of an aggregate that remembers the {@code Idempotency-Key}s of the commands it applied, from its own
 * events, and answers their repeats as it answered them the first time without applying anything again (ADR 18).
 */
public abstract class KeyedAggregateRoot {

    private final AppliedKeys appliedKeys;

    /** {@code answerOfFirstEvent}: from the first event a command applied, what the command returned, or null. */
    protected KeyedAggregateRoot(Function<Object, Object> answerOfFirstEvent) {
        this.appliedKeys = new AppliedKeys(answerOfFirstEvent);
    }

    /** The keys applied, which a snapshot of the aggregate carries. */
    protected final AppliedKeys appliedKeys() {
        return appliedKeys;
    }

    /** A command whose key the aggregate's events carry was applied: it is answered again, not applied. */
    @CommandHandlerInterceptor
    final Object once(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        return appliedKeys.once(command, chain);
    }

    /**
     * Events only the aggregate's members handle, or none: every event passes the root, so that
     * {@link AppliedKeysEnhancer} shows it to the keys.
     */
    @EventSourcingHandler
    final void onAnyOtherEvent(Object event) {
        // nothing of the root's own
    }
}
