package dk.tilsynsspor.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The projection's writes for one batch of events, sent to PostgreSQL together just before the batch's transaction
 * commits (with the processor's token). Each write names the {@linkplain Row rows} it reads and changes; writes of the
 * same rows go in the order they were made, writes of different rows in any order, so that the batch's writes of one
 * statement go as few JDBC batches (one round trip each) as that order allows: in a rebuild's batch of a thousand
 * events, a few dozen round trips instead of one for nearly every write (an order's summary is changed by one event,
 * the next order's by the same statement a few events later). Writes {@linkplain #addAhead that no other write of the
 * batch depends on} (the notifications) go first, all of a statement's in one JDBC batch. Outside a unit of work a
 * write runs at once.
 *
 * <p>A write that fails when the batch is sent fails the whole batch, after its handlers have run, where no single
 * event can be blamed. So the next batches go carefully: each write runs at once, inside the handler of its event,
 * under a savepoint. A write that fails there is rolled back alone and fails its event's handler, and the
 * processor's dead-letter queue sets that event aside while the rest of the batch is projected. Once a careful batch
 * has committed, writes are batched again.
 *
 * <p>One instance per projection (its processor's batches): whether writes go carefully is that projection's state,
 * not another's that runs beside it.
 */
public class BatchedWrites {

    private static final Logger log = LoggerFactory.getLogger(BatchedWrites.class);

    /**
     * The rows a write reads and changes, named by their table and what identifies them there (a key, or the value
     * of a column that selects them all). Two writes of different rows must neither read nor change each other's.
     */
    public record Row(String table, Object id) {
    }

    private record Write(Row row, String sql, Object[] arguments) {
    }

    /**
     * A batch's writes not yet sent: those that keep their order, those that may go ahead of them, and what a
     * projection keeps {@linkplain #untilSent until they are sent}, with what it writes of it then.
     */
    private record Pending(List<Write> ordered, List<Write> ahead, Map<String, Object> kept,
                           List<Runnable> beforeSending) {
        Pending() {
            this(new ArrayList<>(), new ArrayList<>(), new HashMap<>(), new ArrayList<>());
        }

        boolean isEmpty() {
            return ordered.isEmpty() && ahead.isEmpty() && beforeSending.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final AtomicBoolean careful = new AtomicBoolean();
    /** The keys of this instance's resources in a unit of work. */
    private final String pendingKey = BatchedWrites.class.getName() + ".pending@" + System.identityHashCode(this);
    private final String carefulKey = BatchedWrites.class.getName() + ".careful@" + System.identityHashCode(this);

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of {@code table} that {@code id} identifies. */
    public static Row row(String table, Object id) {
        return new Row(table, id);
    }

    /** A write of {@code row}, sent with the batch after the batch's earlier writes of the same rows. */
    public void add(Row row, String sql, Object... arguments) {
        add(false, row, sql, arguments);
    }

    /**
     * A write that may be sent ahead of every other write of the batch: an idempotent insert of rows that no other
     * write of the batch reads or changes (a handler that reads them {@linkplain #flush() flushes} first). The
     * batch's writes of this kind go first, each statement's as one JDBC batch (inserts rewritten into multi-row
     * statements by the driver), instead of in runs broken up by the writes in between.
     */
    public void addAhead(String sql, Object... arguments) {
        add(true, null, sql, arguments);
    }

    private void add(boolean ahead, Row row, String sql, Object[] arguments) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, arguments);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (careful.get()) {
            alone(batch, sql, arguments);
            return;
        }
        Pending pending = pending(batch);
        (ahead ? pending.ahead() : pending.ordered()).add(new Write(row, sql, arguments));
    }

    private Pending pending(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(pendingKey, key -> {
            Pending writes = new Pending();
            batch.onPrepareCommit(committing -> sendOrGoCarefully(writes));
            return writes;
        });
    }

    /**
     * What the batch keeps under {@code key} until its writes are sent ({@code create}d with the first call), for
     * a projection that folds a batch's changes of a row and writes the row once: just before the writes are sent
     * (at the commit, or a {@link #flush()}), {@code write} is given it and may {@linkplain #add add} writes, which
     * are sent with the rest; a failure there fails the batch as a failed write does. After that, the next call
     * creates it anew. Null outside a batch and in a batch that goes carefully: the caller then writes at once.
     */
    @SuppressWarnings("unchecked")
    public <T> T untilSent(String key, Supplier<T> create, Consumer<T> write) {
        if (!CurrentUnitOfWork.isStarted() || careful.get()) {
            return null;
        }
        Pending pending = pending(CurrentUnitOfWork.get().root());
        return (T) pending.kept().computeIfAbsent(key, absent -> {
            T kept = create.get();
            pending.beforeSending().add(() -> write.accept(kept));
            return kept;
        });
    }

    /** Whether writes run one at a time, after a batch failed. */
    public boolean careful() {
        return careful.get();
    }

    private void sendOrGoCarefully(Pending writes) {
        try {
            send(writes);
        } catch (RuntimeException failure) {
            careful.set(true);
            log.warn("A batch of projection writes failed ({}); it is retried one event at a time, so that an event"
                    + " that cannot be projected is set aside", failure.toString());
            throw failure;
        }
    }

    private void alone(UnitOfWork<?> batch, String sql, Object[] arguments) {
        batch.getOrComputeResource(carefulKey, key -> {
            batch.afterCommit(committed -> careful.set(false));
            return Boolean.TRUE;
        });
        jdbc.execute("SAVEPOINT projection_write");
        try {
            jdbc.update(sql, arguments);
        } catch (RuntimeException failure) {
            jdbc.execute("ROLLBACK TO SAVEPOINT projection_write");
            throw failure;
        }
        jdbc.execute("RELEASE SAVEPOINT projection_write");
    }

    /** Sends what is pending now, for a handler that reads or changes rows written earlier in the batch. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(pendingKey);
            if (pending != null) {
                send(pending);
            }
        }
    }

    private void send(Pending pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Runnable> beforeSending = List.copyOf(pending.beforeSending());
        pending.beforeSending().clear();
        pending.kept().clear();
        beforeSending.forEach(Runnable::run);
        Map<String, List<Write>> ahead = new LinkedHashMap<>();
        pending.ahead().forEach(write -> ahead.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write));
        ahead.forEach((sql, writes) -> send(sql, writes.stream().map(Write::arguments).toList()));
        pending.ahead().clear();
        sendByRows(pending.ordered());
    }

    /**
     * Sends the writes so that each row's keep their order: the statement of the earliest write not yet sent goes
     * next, as one JDBC batch with every later write of the same statement whose rows have no earlier write still
     * waiting; again until all are sent. An upsert ({@code ON CONFLICT ... DO UPDATE}) takes each row at most once
     * per JDBC batch: the driver rewrites a batch of inserts into one statement of many rows, and PostgreSQL refuses
     * one that would change a row twice (a notice and its imposition in one rebuild's batch both upsert the order's
     * parties).
     */
    private void sendByRows(List<Write> pending) {
        List<Write> waiting = new ArrayList<>(pending);
        pending.clear();
        while (!waiting.isEmpty()) {
            String sql = waiting.get(0).sql();
            boolean upsert = sql.contains("DO UPDATE");
            List<Object[]> group = new ArrayList<>();
            List<Write> later = new ArrayList<>();
            Set<Row> held = new HashSet<>(); // rows with a write that waits for a later group
            Set<Row> grouped = new HashSet<>(); // an upsert's rows in this group
            for (Write write : waiting) {
                if (write.sql().equals(sql) && !held.contains(write.row())
                        && (!upsert || grouped.add(write.row()))) {
                    group.add(write.arguments());
                } else {
                    held.add(write.row());
                    later.add(write);
                }
            }
            send(sql, group);
            waiting = later;
        }
    }

    private void send(String sql, List<Object[]> arguments) {
        if (arguments.size() == 1) {
            jdbc.update(sql, arguments.get(0));
        } else {
            jdbc.batchUpdate(sql, arguments);
        }
    }
}
