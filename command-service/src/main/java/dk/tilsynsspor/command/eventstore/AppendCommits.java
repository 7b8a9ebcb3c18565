package dk.tilsynsspor.command.eventstore;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells its listeners that a unit of work which published events has committed (after the commit, never from inside
 * the appending transaction, and not at all when it rolls back): one hook on the event bus for the work that follows
 * an append, the readers' notification (ADR 3) and the chain's sealing (ADR 28).
 */
@Component
public class AppendCommits {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    AppendCommits(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(messages -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().afterCommit(committed -> committed()));
            return (index, message) -> message;
        });
    }

    /** The listener is called, on the committing thread, after each such commit: it must return at once. */
    void onCommit(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void committed() {
        listeners.forEach(Runnable::run);
    }
}
