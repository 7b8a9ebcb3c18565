package dk.tilsynsspor.command.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.GenericMessage.asMessage;

/**
 * What ADR 19 rests on, pinned against Axon's own unit of work: with Axon Server, a command's events are appended in
 * the root unit of work's commit phase by a handler registered after the database's transaction, and that phase runs
 * its handlers last-registered first. So the append commits before the database's transaction, and an append that is
 * refused rolls the database back: no lookup outlives a refused append. (Should Axon change this order, this fails.)
 */
class CommitOrderTest {

    private final List<String> happened = new ArrayList<>();

    private final TransactionManager database = () -> new Transaction() {
        @Override
        public void commit() {
            happened.add("database commit");
        }

        @Override
        public void rollback() {
            happened.add("database rollback");
        }
    };

    private void runCommand(Runnable appendCommit) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(asMessage("command"));
        unitOfWork.attachTransaction(database);
        ResultMessage<?> answer = unitOfWork.executeWithResult(() -> {
            happened.add("lookup written");
            // as Axon Server's event store does when the events are appended, at prepare-commit
            unitOfWork.onPrepareCommit(u -> u.root().onCommit(c -> appendCommit.run()));
            return null;
        });
        if (answer.isExceptional()) {
            happened.add("answered: " + answer.exceptionResult().getMessage());
        }
    }

    @Test
    void theAppendCommitsBeforeTheDatabase() {
        runCommand(() -> happened.add("append commit"));

        assertThat(happened).containsExactly("lookup written", "append commit", "database commit");
    }

    @Test
    void aRefusedAppendRollsTheDatabaseBackSoNoLookupOutlivesIt() {
        runCommand(() -> {
            throw new IllegalStateException("Axon Server refused the append");
        });

        assertThat(happened).containsExactly("lookup written", "database rollback",
                "answered: Axon Server refused the append");
    }
}
