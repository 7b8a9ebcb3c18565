package dk.tilsynsspor.query.trail;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The projection's writes for one batch of events, sent to PostgreSQL together just before the batch's transaction
 * commits (with the processor's token), in the order they were made: consecutive writes of the same statement go as
 * one JDBC batch, one round trip instead of one per event. Outside a unit of work a write runs at once.
 *
 * <p>A write that fails when the batch is sent fails the whole batch, after its handlers have run, where no single
 * event can be blamed. So the next batches go carefully: each write runs at once, inside the handler of its event,
 * under a savepoint. A write that fails there is rolled back alone and fails its event's handler, and the
 * processor's dead-letter queue sets that event aside while the rest of the batch is projected. Once a careful batch
 * has committed, writes are batched again.
 */
@Component
class BatchedWrites {

    private static final Logger log = LoggerFactory.getLogger(BatchedWrites.class);
    private static final String PENDING = BatchedWrites.class.getName() + ".pending";
    private static final String CAREFUL_BATCH = BatchedWrites.class.getName() + ".careful";

    private record Write(String sql, Object[] arguments) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicBoolean careful = new AtomicBoolean();

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String sql, Object... arguments) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, arguments);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (careful.get()) {
            alone(batch, sql, arguments);
            return;
        }
        List<Write> pending = batch.getOrComputeResource(PENDING, key -> {
            List<Write> writes = new ArrayList<>();
            batch.onPrepareCommit(committing -> sendOrGoCarefully(writes));
            return writes;
        });
        pending.add(new Write(sql, arguments));
    }

    /** Whether writes run one at a time, after a batch failed. */
    boolean careful() {
        return careful.get();
    }

    private void sendOrGoCarefully(List<Write> writes) {
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
        batch.getOrComputeResource(CAREFUL_BATCH, key -> {
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
    void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Write> pending = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (pending != null) {
                send(pending);
            }
        }
    }

    private void send(List<Write> pending) {
        int start = 0;
        while (start < pending.size()) {
            String sql = pending.get(start).sql();
            int end = start;
            List<Object[]> arguments = new ArrayList<>();
            while (end < pending.size() && pending.get(end).sql().equals(sql)) {
                arguments.add(pending.get(end++).arguments());
            }
            if (arguments.size() == 1) {
                jdbc.update(sql, arguments.get(0));
            } else {
                jdbc.batchUpdate(sql, arguments);
            }
            start = end;
        }
        pending.clear();
    }
}
