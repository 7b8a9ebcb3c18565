package dk.tilsynsspor.command.web;

import dk.tilsynsspor.command.eventstore.AnsweredSequences;
import dk.tilsynsspor.command.eventstore.CachedAggregateChecks;
import dk.tilsynsspor.command.rules.RuleViolation;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    /** A command taking longer than this is logged (Axon's unit-of-work time limit warned from 10 s too). */
    static final Duration SLOW_COMMAND = Duration.ofSeconds(10);

    /**
     * The bus this instance's command handlers are on (Axon's own, as its auto-configuration makes it, but running a
     * command that lost a race again: {@link RaceRetryingCommandBus}). With Axon Server it is the local segment that
     * Axon Server's commands for this instance arrive on. Every command's cached aggregates are checked against the
     * store where the store's sequence numbers would not catch an old copy ({@link CachedAggregateChecks}). A slow
     * command is logged ({@link SlowCommands}). With Axon Server, an answer tells the sender what to wait for
     * ({@link AnsweredSequences}).
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicates, CachedAggregateChecks cachedAggregates,
                                ObjectProvider<AnsweredSequences> answeredSequences) {
        SimpleCommandBus bus = new RaceRetryingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        bus.registerHandlerInterceptor(new SlowCommands(SLOW_COMMAND));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        bus.registerHandlerInterceptor(cachedAggregates);
        answeredSequences.ifAvailable(bus::registerHandlerInterceptor);
        return bus;
    }

    /**
     * A command that still lost a race for its aggregate after the bus's own attempts is sent again a few times; a
     * broken rule, a duplicate id or a missing aggregate is never retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries)
                        .retryInterval(20)
                        .maxRetryCount(5)
                        .nonTransientFailurePredicate(failure -> failure instanceof AxonNonTransientException
                                || failure instanceof RuleViolation
                                || failure instanceof CommandExecutionException && !LostRace.is(failure)
                                || failure instanceof AggregateStreamCreationException)
                        .build())
                .build();
    }
}
