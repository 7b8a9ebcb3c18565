package dk.tilsynsspor.query.trail;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The projection's writes for one batch of events, sent to PostgreSQL together just before the batch's transaction
 * commits (with the processor's token), in the order they were made: consecutive writes of the same statement go as
 * one JDBC batch, one round trip instead of one per event. Outside a unit of work a write runs at once.
 */
@Component
class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName() + ".pending";

    private record Write(String sql, Object[] arguments) {
    }

    private final JdbcTemplate jdbc;

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String sql, Object... arguments) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, arguments);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<Write> pending = batch.getOrComputeResource(PENDING, key -> {
            List<Write> writes = new ArrayList<>();
            batch.onPrepareCommit(committing -> send(writes));
            return writes;
        });
        pending.add(new Write(sql, arguments));
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
