package dk.tilsynsspor.query.projection;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
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
    private static final String DELETE = "DELETE FROM t WHERE x = ?";
    private static final BatchedWrites.Row A = BatchedWrites.row("t", "a");
    private static final BatchedWrites.Row B = BatchedWrites.row("t", "b");

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final BatchedWrites writes = new BatchedWrites(jdbc);

    @Test
    void writesOfTheSameRowsWaitForTheBatchToCommitAndKeepTheirOrder() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.add(A, INSERT, 1);
        writes.add(A, INSERT, 2);
        writes.add(A, UPDATE, "a");
        writes.add(A, INSERT, 3);
        verifyNoInteractions(jdbc);

        batch.commit();

        InOrder order = inOrder(jdbc);
        order.verify(jdbc).batchUpdate(eq(INSERT), argThat((List<Object[]> rows) -> rows.size() == 2
                && rows.get(0)[0].equals(1) && rows.get(1)[0].equals(2)));
        order.verify(jdbc).update(UPDATE, "a");
        order.verify(jdbc).update(INSERT, 3);
    }

    /**
     * A rebuild's batch changes one order's rows, then the next order's with the same statements: each statement's
     * writes go as one JDBC batch where the order of each row's writes allows it.
     */
    @Test
    void writesOfDifferentRowsGoTogetherByStatementEachRowsInTheirOrder() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.add(A, INSERT, "a1");
        writes.add(A, UPDATE, "a2");
        writes.add(A, DELETE, "a3");
        writes.add(B, INSERT, "b1");
        writes.add(B, UPDATE, "b2");
        writes.add(B, INSERT, "b3");
        writes.add(A, INSERT, "a4");

        batch.commit();

        InOrder order = inOrder(jdbc);
        order.verify(jdbc).batchUpdate(eq(INSERT), argThat((List<Object[]> rows) -> rows.size() == 2
                && rows.get(0)[0].equals("a1") && rows.get(1)[0].equals("b1")));
        order.verify(jdbc).batchUpdate(eq(UPDATE), argThat((List<Object[]> rows) -> rows.size() == 2
                && rows.get(0)[0].equals("a2") && rows.get(1)[0].equals("b2")));
        order.verify(jdbc).update(DELETE, "a3");
        order.verify(jdbc).batchUpdate(eq(INSERT), argThat((List<Object[]> rows) -> rows.size() == 2
                && rows.get(0)[0].equals("b3") && rows.get(1)[0].equals("a4")));
        order.verifyNoMoreInteractions();
    }

    /**
     * What a projection keeps until the batch's writes are sent is one object per batch, handed to its writer just
     * before they are sent, whose writes go with them; after a flush the next call starts anew. Outside a batch there
     * is none: the caller writes at once.
     */
    @Test
    void whatABatchKeepsUntilSentIsWrittenWithItsWritesAndStartsAnewAfterAFlush() {
        List<String> outside = writes.untilSent("k", ArrayList::new, kept -> { });
        assertThat(outside).isNull();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        List<List<String>> written = new ArrayList<>();
        Consumer<List<String>> writer = kept -> {
            written.add(List.copyOf(kept));
            kept.forEach(value -> writes.add(B, UPDATE, value));
        };
        List<String> kept = writes.untilSent("k", ArrayList::new, writer);
        kept.add("b1");
        writes.add(A, INSERT, "a1");
        assertThat(writes.untilSent("k", ArrayList::new, writer)).isSameAs(kept);
        writes.flush();
        assertThat(written).containsExactly(List.of("b1"));
        writes.untilSent("k", ArrayList::new, writer).add("b2");
        verify(jdbc).update(UPDATE, "b1");
        verify(jdbc).update(INSERT, "a1");
        verify(jdbc, never()).update(UPDATE, "b2");

        batch.commit();

        assertThat(written).containsExactly(List.of("b1"), List.of("b2"));
        verify(jdbc).update(UPDATE, "b2");
    }

    /**
     * The driver rewrites a JDBC batch of inserts into one statement of many rows, which PostgreSQL refuses as an
     * upsert that would change one row twice: a second upsert of a row goes in a later batch, after the first.
     */
    @Test
    void anUpsertTakesEachRowOncePerBatch() {
        String upsert = "INSERT INTO t VALUES (?) ON CONFLICT (k) DO UPDATE SET v = excluded.v";
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.add(A, upsert, "a1");
        writes.add(B, upsert, "b1");
        writes.add(A, upsert, "a2");
        writes.add(B, upsert, "b2");

        batch.commit();

        InOrder order = inOrder(jdbc);
        order.verify(jdbc).batchUpdate(eq(upsert), argThat((List<Object[]> rows) -> rows.size() == 2
                && rows.get(0)[0].equals("a1") && rows.get(1)[0].equals("b1")));
        order.verify(jdbc).batchUpdate(eq(upsert), argThat((List<Object[]> rows) -> rows.size() == 2
                && rows.get(0)[0].equals("a2") && rows.get(1)[0].equals("b2")));
        order.verifyNoMoreInteractions();
    }

    @Test
    void writesThatMayGoAheadGoFirstEachStatementAsOneBatch() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.addAhead(INSERT, 1);
        writes.add(A, UPDATE, "a");
        writes.addAhead(INSERT, 2);
        writes.add(B, UPDATE, "b");
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
        writes.add(A, UPDATE, "a");
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
        writes.add(A, INSERT, 1);
        writes.flush();
        verify(jdbc).update(INSERT, 1);

        batch.commit();

        verify(jdbc).update(INSERT, 1); // once: nothing is sent twice
        verify(jdbc, never()).batchUpdate(anyString(), anyList());
    }

    @Test
    void aRolledBackBatchSendsNothing() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        writes.add(A, INSERT, 1);

        batch.rollback();

        verifyNoInteractions(jdbc);
    }

    @Test
    void outsideABatchAWriteRunsAtOnce() {
        writes.add(B, UPDATE, "b");

        verify(jdbc).update(UPDATE, "b");
    }
}
