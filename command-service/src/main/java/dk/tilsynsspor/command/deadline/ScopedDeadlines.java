package dk.tilsynsspor.command.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

/**
 * The deadline manager the aggregates are given: Axon's db-scheduler manager, plus an index of which deadlines each
 * scope (an order) scheduled ({@code command.scheduled_deadline}, written in the command's transaction), so that
 * cancelling an order's deadlines cancels them by id. Axon's own {@code cancelAllWithinScope} reads and deserializes
 * every scheduled deadline of every order to find the scope's, so closing an order cost more the more orders were
 * open.
 *
 * <p>A deadline that has fired, or is firing right now, cannot be cancelled and need not be: each one checks when
 * it fires whether it still means anything (a closed order's does nothing). Deadlines scheduled before the index
 * existed are not in it: closing their order leaves them to fire, as no-ops.
 */
public class ScopedDeadlines implements DeadlineManager {

    private final DeadlineManager delegate;
    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;

    public ScopedDeadlines(DeadlineManager delegate, Scheduler scheduler, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName,
                           Object messageOrPayload, ScopeDescriptor deadlineScope) {
        String scheduleId = delegate.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        jdbc.update("INSERT INTO command.scheduled_deadline (scope, deadline_name, schedule_id) VALUES (?, ?, ?)",
                deadlineScope.scopeDescription(), deadlineName, scheduleId);
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        jdbc.update("DELETE FROM command.scheduled_deadline WHERE schedule_id = ?", scheduleId);
        delegate.cancelSchedule(deadlineName, scheduleId);
    }

    @Override
    public void cancelAll(String deadlineName) {
        jdbc.update("DELETE FROM command.scheduled_deadline WHERE deadline_name = ?", deadlineName);
        delegate.cancelAll(deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        List<String> scheduleIds = jdbc.queryForList("DELETE FROM command.scheduled_deadline"
                + " WHERE scope = ? AND deadline_name = ? RETURNING schedule_id", String.class,
                scope.scopeDescription(), deadlineName);
        for (String scheduleId : scheduleIds) {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException firedOrFiring) {
                // nothing to cancel: it fired already, or fires now and finds its order changed
            }
        }
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerDispatchInterceptor(interceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerHandlerInterceptor(interceptor);
    }
}
