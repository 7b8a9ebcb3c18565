package dk.tilsynsspor.query.projection;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class BatchedWritesTest {

    private static final String INSERT = "INSERT INTO t VALUES (?)";
    private static final String UPDATE = "UPDATE t SET x = ?";

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final BatchedWrites writes = new BatchedWrites(jdbc);

    @Test
    void writesWaitForTheBatchToCommitAndKeepTheirOrder() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.add(INSERT, 1);
        writes.add(INSERT, 2);
        writes.add(UPDATE, "a");
        writes.add(INSERT, 3);
        verifyNoInteractions(jdbc);

        batch.commit();

        InOrder order = inOrder(jdbc);
        order.verify(jdbc).batchUpdate(eq(INSERT), argThat((List<Object[]> rows) -> rows.size() == 2
                && rows.get(0)[0].equals(1) && rows.get(1)[0].equals(2)));
        order.verify(jdbc).update(UPDATE, "a");
        order.verify(jdbc).update(INSERT, 3);
    }

    @Test
    void writesThatMayGoAheadGoFirstEachStatementAsOneBatch() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.addAhead(INSERT, 1);
        writes.add(UPDATE, "a");
        writes.addAhead(INSERT, 2);
        writes.add(UPDATE, "b");
        writes.addAhead(INSERT, 3);
        verifyNoInteractions(jdbc);

        batch.commit();

        InOrder order = inOrder(jdbc);
        order.verify(jdbc).batchUpdate(eq(INSERT), argThat((List<Object[]> rows) -> rows.size() == 3
                && rows.get(0)[0].equals(1) && rows.get(1)[0].equals(2) && rows.get(2)[0].equals(3)));
        order.verify(jdbc).batchUpdate(eq(UPDATE), argThat((List<Object[]> rows) -> rows.size() == 2
                && rows.get(0)[0].equals("a") && rows.get(1)[0].equals("b")));
        order.verifyNoMoreInteractions();
    }

    @Test
    void aFlushSendsWhatMayGoAheadTooAndNothingTwice() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.add(UPDATE, "a");
        writes.addAhead(INSERT, 1);
        writes.flush();
        InOrder order = inOrder(jdbc);
        order.verify(jdbc).update(INSERT, 1);
        order.verify(jdbc).update(UPDATE, "a");

        batch.commit();

        order.verifyNoMoreInteractions();
    }

    @Test
    void aFlushSendsWhatIsPendingSoThatLaterReadsSeeIt() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.add(INSERT, 1);
        writes.flush();
        verify(jdbc).update(INSERT, 1);

        batch.commit();

        verify(jdbc).update(INSERT, 1); // once: nothing is sent twice
        verify(jdbc, never()).batchUpdate(anyString(), anyList());
    }

    @Test
    void aRolledBackBatchSendsNothing() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.add(INSERT, 1);

        batch.rollback();

        verifyNoInteractions(jdbc);
    }

    @Test
    void outsideABatchAWriteRunsAtOnce() {
        writes.add(UPDATE, "b");

        verify(jdbc).update(UPDATE, "b");
    }
}
