package dk.tilsynsspor.command.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import dk.tilsynsspor.command.MigratedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's deadlines are cancelled by the ids it scheduled, on Axon's db-scheduler manager and db-scheduler's own
 * table: exactly that order's deadlines of that name go, another order's and another name's stay, and one that has
 * fired already does not fail the cancellation.
 */
class ScopedDeadlinesTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static ScopedDeadlines deadlines;

    @BeforeAll
    static void database() throws Exception {
        postgres = MigratedDatabase.start();
        DataSource dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        DbSchedulerDeadlineManager[] manager = new DbSchedulerDeadlineManager[1];
        Scheduler scheduler = Scheduler.create(dataSource, DbSchedulerDeadlineManager.binaryTask(() -> manager[0]))
                .tableName("command.scheduled_tasks").build();
        manager[0] = DbSchedulerDeadlineManager.builder().scheduler(scheduler)
                .scopeAwareProvider(scope -> Stream.empty())
                .serializer(JacksonSerializer.defaultSerializer())
                .startScheduler(false).stopScheduler(false).build();
        deadlines = new ScopedDeadlines(manager[0], scheduler, jdbc);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM command.scheduled_tasks");
        jdbc.update("DELETE FROM command.scheduled_deadline");
    }

    private static ScopeDescriptor order() {
        return new AggregateScopeDescriptor("SupervisoryOrder", UUID.randomUUID().toString());
    }

    private static List<String> scheduled() {
        return jdbc.queryForList("SELECT task_instance FROM command.scheduled_tasks", String.class);
    }

    @Test
    void cancelsExactlyTheScopesDeadlinesOfThatName() {
        ScopeDescriptor closing = order();
        ScopeDescriptor open = order();
        String first = deadlines.schedule(LATER, "requirement-deadline", "r1", closing);
        String second = deadlines.schedule(LATER, "requirement-deadline", "r2", closing);
        String escalation = deadlines.schedule(LATER, "escalation-deadline", "e", closing);
        String others = deadlines.schedule(LATER, "requirement-deadline", "r1", open);
        assertThat(scheduled()).containsExactlyInAnyOrder(first, second, escalation, others);

        deadlines.cancelAllWithinScope("requirement-deadline", closing);

        assertThat(scheduled()).containsExactlyInAnyOrder(escalation, others);
        assertThat(jdbc.queryForList("SELECT schedule_id FROM command.scheduled_deadline", String.class))
                .containsExactlyInAnyOrder(escalation, others);
    }

    @Test
    void aDeadlineThatFiredAlreadyDoesNotFailTheCancellation() {
        ScopeDescriptor closing = order();
        String fired = deadlines.schedule(LATER, "requirement-deadline", "r1", closing);
        deadlines.schedule(LATER, "requirement-deadline", "r2", closing);
        jdbc.update("DELETE FROM command.scheduled_tasks WHERE task_instance = ?", fired);

        deadlines.cancelAllWithinScope("requirement-deadline", closing);

        assertThat(scheduled()).isEmpty();
    }

    @Test
    void aSingleDeadlineIsCancelledByItsId() {
        ScopeDescriptor scope = order();
        String kept = deadlines.schedule(LATER, "requirement-deadline", "r1", scope);
        String cancelled = deadlines.schedule(LATER, "requirement-deadline", "r2", scope);

        deadlines.cancelSchedule("requirement-deadline", cancelled);

        assertThat(scheduled()).containsExactly(kept);
    }
}
