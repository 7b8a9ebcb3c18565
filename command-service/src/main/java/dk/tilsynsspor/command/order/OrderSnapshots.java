package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.eventstore.EventStoreConfiguration;
import dk.tilsynsspor.core.order.EvidenceKind;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Snapshots of orders (ADR 21): an order whose history grows long (a requirement followed up for years with
 * thousands of measurements) is read from its latest snapshot and the events after it, not from all its events.
 * Every {@value #EVERY} events an order has read or applied since it was last read, a snapshot of its state
 * ({@link OrderSnapshot}) is taken after the command's commit, on a thread of its own, from the store (never from the
 * copy in memory); the store keeps the latest one per order. A snapshot is a shortcut, not a record: the events stay
 * the truth, a snapshot of another revision is skipped and the order read from its events, and a failed snapshot is
 * only logged. Axon's stock settings (profile {@value EventStoreConfiguration#AXON_DEFAULTS}) take none.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class OrderSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSnapshots.class);

    static final String TRIGGER = "orderSnapshotTrigger";
    static final String FILTER = "orderSnapshotFilter";
    /**
     * Events read or applied since the order was last read before a snapshot is taken. After a restart an order is
     * read from its snapshot and up to this many events less one, in code the JVM has barely compiled: every 500, the
     * first command on a 10,000-event order took about 45 ms of its request thread's CPU on a 2-core machine; every
     * 100, about 20 (ADR 21, December 2026).
     */
    static final int EVERY = 100;
    /** The made-up order read ahead of the first one after a start: its measurements, and how often it is read. */
    private static final int WARM_UP_MEASUREMENTS = 10_000;
    private static final int WARM_UP_ROUNDS = 3;

    /** An order starts from its snapshot when its stream starts with one, else as an empty order for its events. */
    @Bean("supervisoryOrderAggregateFactory")
    AggregateFactory<SupervisoryOrder> supervisoryOrderAggregateFactory() {
        return new AggregateFactory<>() {
            @Override
            public SupervisoryOrder createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
                return firstEvent.getPayload() instanceof OrderSnapshot snapshot ? SupervisoryOrder.restore(snapshot)
                        : new SupervisoryOrder();
            }

            @Override
            public Class<SupervisoryOrder> getAggregateType() {
                return SupervisoryOrder.class;
            }
        };
    }

    @Bean(TRIGGER)
    SnapshotTriggerDefinition orderSnapshotTrigger(Environment environment, StateSnapshotter snapshotter) {
        return environment.acceptsProfiles(Profiles.of(EventStoreConfiguration.AXON_DEFAULTS))
                ? NoSnapshotTriggerDefinition.INSTANCE : new EventCountSnapshotTriggerDefinition(snapshotter, EVERY);
    }

    /** Only snapshots this version of the order reads; any other of an order is passed over for its events. */
    @Bean(FILTER)
    SnapshotFilter orderSnapshotFilter() {
        return OrderSnapshots::readable;
    }

    static boolean readable(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        if (type.getName().equals(OrderSnapshot.class.getName())) {
            return Objects.equals(type.getRevision(), OrderSnapshot.REVISION);
        }
        return !SupervisoryOrder.class.getSimpleName().equals(snapshot.getType());
    }

    /**
     * Reads and restores a snapshot of a long-lived order a few times as the service starts, so that the first order
     * read from its snapshot after a restart neither waits for the JSON mapping to look the snapshot's classes over
     * nor reads its thousands of measurement ids in code not yet compiled (the benchmark's first command on a
     * 10,000-event order after a restart). A failure here is only logged: reading then pays for it, as it would
     * without this.
     */
    @Bean
    ApplicationRunner snapshotReadingPrepared(@Qualifier("eventSerializer") Serializer serializer) {
        return arguments -> {
            try {
                long started = System.nanoTime();
                OrderSnapshot longLived = longLived(WARM_UP_MEASUREMENTS);
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    OrderSnapshot read = serializer.deserialize(serializer.serialize(longLived, byte[].class));
                    SupervisoryOrder.restore(read);
                }
                LOG.debug("Read a snapshot of {} measurements {} times ahead of the first order, in {} ms",
                        WARM_UP_MEASUREMENTS, WARM_UP_ROUNDS,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } catch (RuntimeException e) {
                LOG.warn("Reading a snapshot ahead of the first order failed: {}", e.toString());
            }
        };
    }

    /**
     * Reads the order the store's latest order event belongs to, as a command would (its snapshot and the events after
     * it, each applied to the order), in a unit of work that is rolled back: nothing is written or kept in the cache,
     * and no snapshot is asked for. The snapshot's warm-up above does not apply events; this runs that path once in
     * the order most likely to be next, so that the first command on a long order after a restart does not apply its
     * up to {@value #EVERY} events in code the JVM has not compiled. A failure here is only logged.
     */
    @Bean
    @Profile("!" + EventStoreConfiguration.AXON_DEFAULTS)
    ApplicationRunner latestOrderReadPrepared(JdbcTemplate jdbc, Configuration configuration) {
        return arguments -> {
            try {
                long started = System.nanoTime();
                List<String> latest = jdbc.queryForList("""
                        SELECT aggregateIdentifier FROM events.domain_event_entry WHERE type = ?
                         ORDER BY globalIndex DESC LIMIT 1""", String.class, SupervisoryOrder.class.getSimpleName());
                if (latest.isEmpty()) {
                    return;
                }
                // a command message, as Axon's repository expects of a unit of work that loads an aggregate (it logs
                // a warning at every start otherwise); it is never dispatched, and nothing handles it
                UnitOfWork<?> reading = DefaultUnitOfWork.startAndGet(
                        GenericCommandMessage.asCommandMessage("reading the latest order ahead of the first command"));
                try {
                    configuration.repository(SupervisoryOrder.class).load(latest.get(0));
                } finally {
                    reading.rollback();
                }
                LOG.debug("Read the latest order ahead of the first command in {} ms",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } catch (RuntimeException e) {
                LOG.warn("Reading the latest order ahead of the first command failed: {}", e.toString());
            }
        };
    }

    /** An order of one requirement followed up with {@code measurements} measurements (made up, never stored). */
    static OrderSnapshot longLived(int measurements) {
        LocalDate day = LocalDate.of(2026, 1, 1);
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(measurements).toList();
        OrderSnapshot.Requirement requirement = new OrderSnapshot.Requirement(UUID.randomUUID(), "Krav", day,
                Set.of(EvidenceKind.MEASUREMENT), Map.of(UUID.randomUUID(), false), 1, null, ids,
                new OrderSnapshot.Measurement(ids.get(ids.size() - 1), BigDecimal.ONE, day, "måling"), false, null,
                false, false, false, new OrderSnapshot.Dialogue(1, Set.of(1), Set.of(), null));
        return new OrderSnapshot(UUID.randomUUID(), "authority", "organisation", day, List.of(requirement),
                new OrderSnapshot.Stage(null, 0, true, false, true, false), Map.of(),
                new OrderSnapshot.Escalation(false, null), List.of(), List.of());
    }

    /** One thread takes the snapshots, one at a time, after the commits that asked for them. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService orderSnapshotExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "order-snapshots");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The one snapshotter (Axon's own stands back). Only orders have a snapshot trigger; an aggregate given one later
     * needs its factory registered here too (and, like the order, a snapshot form of its own if it holds references
     * Jackson cannot write).
     */
    @Bean
    StateSnapshotter orderSnapshotter(EventStore eventStore, TransactionManager transactionManager,
                                      Configuration configuration, HandlerDefinition handlerDefinition,
                                      ParameterResolverFactory parameterResolverFactory,
                                      AggregateFactory<SupervisoryOrder> supervisoryOrderAggregateFactory,
                                      ExecutorService orderSnapshotExecutor) {
        return new StateSnapshotter(AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .transactionManager(transactionManager)
                .executor(orderSnapshotExecutor)
                .aggregateFactories(supervisoryOrderAggregateFactory)
                .repositoryProvider(configuration::repository)
                .handlerDefinition(handlerDefinition)
                .parameterResolverFactory(parameterResolverFactory));
    }

    /** Axon's snapshotter, which stores an order's {@link OrderSnapshot} instead of the order itself. */
    static final class StateSnapshotter extends AggregateSnapshotter {

        StateSnapshotter(AggregateSnapshotter.Builder builder) {
            super(builder);
        }

        @Override
        protected DomainEventMessage createSnapshot(Class<?> aggregateType, String aggregateIdentifier,
                                                    DomainEventStream eventStream) {
            DomainEventMessage<?> snapshot = super.createSnapshot(aggregateType, aggregateIdentifier, eventStream);
            if (snapshot != null && snapshot.getPayload() instanceof SupervisoryOrder order) {
                return new GenericDomainEventMessage<>(snapshot.getType(), aggregateIdentifier,
                        snapshot.getSequenceNumber(), order.snapshot());
            }
            return snapshot;
        }
    }
}
