package dk.tilsynsspor.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.timeout.AxonTaskJanitor;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The units of work's time limits of {@code axon.timeout.transaction} (the same settings, Axon's defaults: 60 s, warnings
 * from 10 s, every second), set by {@link UnitOfWorkTimeLimit} where Axon's own time-out configuration is switched off
 * ({@code axon.timeout.enabled=false}, as both services' configurations do outside the benchmark's stock peer) for the
 * stack walk its interceptor makes at every command and query. Registered where Axon registers its own: the command
 * bus, the query bus, the deadline manager and every event processor. Axon's handler time-outs
 * ({@code axon.timeout.handler}) go with its configuration; both services had them off (ADR 21).
 */
@AutoConfiguration(after = AxonTimeoutAutoConfiguration.class)
@ConditionalOnClass(Configurer.class)
@ConditionalOnProperty(prefix = "axon.timeout", name = "enabled", havingValue = "false")
@EnableConfigurationProperties(TimeoutProperties.class)
public class TimeLimitedUnitsOfWork {

    private static final Logger log = LoggerFactory.getLogger(TimeLimitedUnitsOfWork.class);

    @Bean
    ConfigurerModule unitOfWorkTimeLimits(TimeoutProperties properties) {
        TimeoutProperties.TransactionTimeoutProperties limits = properties.getTransaction();
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) ->
                        limit("EventProcessor " + processor,
                                limits.getEventProcessor().getOrDefault(processor, limits.getEventProcessors())));
                // as Axon does: on start, for the buses and the deadline manager exist only then
                configurer.onStart(Integer.MIN_VALUE, () -> {
                    Configuration configuration = configurer.buildConfiguration();
                    configuration.commandBus().registerHandlerInterceptor(limit(
                            configuration.commandBus().getClass().getSimpleName(), limits.getCommandBus()));
                    configuration.queryBus().registerHandlerInterceptor(limit(
                            configuration.queryBus().getClass().getSimpleName(), limits.getQueryBus()));
                    configuration.deadlineManager().registerHandlerInterceptor(limit(
                            configuration.deadlineManager().getClass().getSimpleName(), limits.getDeadline()));
                    log.info("Units of work time-limited: commands {}, queries {}, deadlines {}, event processors {}",
                            describe(limits.getCommandBus()), describe(limits.getQueryBus()),
                            describe(limits.getDeadline()), describe(limits.getEventProcessors()));
                });
            }

            @Override
            public int order() {
                return Integer.MIN_VALUE;
            }
        };
    }

    private static String describe(TaskTimeoutSettings settings) {
        return (settings.getTimeoutMs() < 0 ? "never interrupted" : "interrupted at " + settings.getTimeoutMs() + " ms")
                + (settings.getWarningThresholdMs() < 0 ? "" : ", warned from " + settings.getWarningThresholdMs()
                + " ms");
    }

    private static UnitOfWorkTimeLimit limit(String component, TaskTimeoutSettings settings) {
        return new UnitOfWorkTimeLimit(component, settings, AxonTaskJanitor.INSTANCE);
    }
}
