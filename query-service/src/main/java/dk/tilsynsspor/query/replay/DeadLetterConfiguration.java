package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.EventSourceConfiguration;
import dk.tilsynsspor.query.notification.NotificationProjection;
import dk.tilsynsspor.query.trail.OrderTrailProjection;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * An event a projection cannot handle is set aside in Axon's dead-letter queue (table
 * {@code query.dead_letter_entry}), with the reason, and every other event goes on; later events of the same
 * aggregate wait behind it in its sequence, so an order's trail never skips one of its events silently. Health
 * says so ({@link ProcessorHealth}); {@link DeadLetterRetry} tries them again when the service starts, which is how
 * a fix is deployed. A rebuild empties the queue with the read models, and sets aside again what still fails.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Profile("!" + EventSourceConfiguration.AXON_DEFAULTS)
class DeadLetterConfiguration {

    static final String TABLE = "query.dead_letter_entry";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);
    private static final int NO_PRACTICAL_LIMIT = 1_000_000;

    /**
     * Applied after Axon's own module, which sets a provider of its own (a queue only for processors with
     * {@code axon.eventhandling.processors.<name>.dlq.enabled}) and would otherwise replace this one.
     */
    @Bean
    ConfigurerModule deadLetterQueues() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing()
                        .registerDeadLetterQueueProvider(group -> config -> queue(group, config))
                        .registerDefaultDeadLetterPolicy(config -> setAside())
                        .registerDeadLetteringEventHandlerInvokerConfiguration(OrderTrailProjection.GROUP,
                                (config, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true))
                        .registerDeadLetteringEventHandlerInvokerConfiguration(NotificationProjection.GROUP,
                                (config, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, Configuration config) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(config.getComponent(ConnectionProvider.class))
                .transactionManager(config.getComponent(TransactionManager.class))
                .schema(DeadLetterSchema.builder().deadLetterTable(TABLE).build())
                .genericSerializer(config.serializer())
                // the events' own serializer: a dead letter keeps the event's sealed texts sealed, as stored
                .eventSerializer(config.eventSerializer())
                .maxSequences(NO_PRACTICAL_LIMIT)
                .maxSequenceSize(NO_PRACTICAL_LIMIT)
                .build();
    }

    private static EnqueuePolicy<EventMessage<?>> setAside() {
        return (letter, cause) -> {
            EventMessage<?> event = letter.message();
            log.error("Event {} ({}) could not be projected and is set aside as a dead letter: {}",
                    event.getIdentifier(), event.getPayloadType().getSimpleName(), cause.toString());
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }
}
