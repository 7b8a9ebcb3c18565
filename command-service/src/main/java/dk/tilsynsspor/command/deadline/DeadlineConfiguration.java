package dk.tilsynsspor.command.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Persistent deadlines: Axon's {@link DbSchedulerDeadlineManager} on db-scheduler's table in schema
 * {@code command}, so a requirement's deadline survives any restart of command-service.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    /**
     * Declared with its concrete type: db-scheduler's task finds the manager by that type when a deadline falls due,
     * which fails for a bean declared as the {@code DeadlineManager} interface.
     */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                               @Qualifier("eventSerializer") Serializer serializer,
                                               TransactionManager transactionManager,
                                               DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    /**
     * What the aggregates are given: the same deadlines, cancelled per order by id ({@link ScopedDeadlines}). Axon
     * resolves a handler's {@code DeadlineManager} parameter to the primary bean.
     */
    @Bean
    @Primary
    DeadlineManager scopedDeadlines(DbSchedulerDeadlineManager deadlineManager, Scheduler scheduler,
                                    JdbcTemplate jdbc) {
        return new ScopedDeadlines(deadlineManager, scheduler, jdbc);
    }

    /**
     * The clock by which deadlines fall due. {@code tilsynsspor.deadlines.clock-offset} shifts it, so that a deadline
     * can be made to pass in a demonstration or a test without waiting for the calendar; it is zero unless set, and
     * must stay zero in production.
     */
    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(
            @Value("${tilsynsspor.deadlines.clock-offset:PT0S}") Duration offset) {
        Clock clock = Clock.offset(Clock.systemUTC(), offset);
        return clock::instant;
    }
}
