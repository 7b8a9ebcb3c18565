package dk.tilsynsspor.query.eventstore;

import dk.tilsynsspor.platform.events.EventMapper;
import dk.tilsynsspor.query.privacy.CitizenKeyReader;
import dk.tilsynsspor.query.privacy.OpeningSerializer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.time.Duration;

/**
 * query-service reads the event store command-service writes (schema {@code events}) and keeps its read models and
 * the processors' tokens in schema {@code query}, each batch of projection changes committed in one transaction with
 * the token that says how far it got.
 */
@Configuration(proxyBeanMethods = false)
public class EventSourceConfiguration {

    /** The profile that keeps the events in Axon Server (docker/compose.yaml); without it, PostgreSQL holds them. */
    public static final String AXON_SERVER = "axonserver";

    /**
     * The benchmark's peer (README, "Benchmark"): Axon's stock settings for reading the events on PostgreSQL — the
     * storage engine Axon's auto-configuration picks (its JPA engine when the benchmark puts Hibernate on the class
     * path, its JDBC engine otherwise) with its default batch size and gap handling, Axon's default processor (a
     * tracking processor that polls the embedded event store, one event per transaction) and its default error
     * handler. Not for use.
     */
    public static final String AXON_DEFAULTS = "axon-defaults";
    private static final String TUNED_ON_POSTGRESQL = "!" + AXON_SERVER + " & !" + AXON_DEFAULTS;

    /**
     * {@code segments}: how many parts each processor's work is split into when its tokens are first made; running
     * instances share the parts, so it caps how many query-service instances project at once.
     * {@code rebuildBatchSize}: events per transaction when the read models are rebuilt (ADR 22).
     * {@code wakeInterval}: the least time between two wake-ups of the processors for appended events
     * ({@link EventArrivals}, ADR 3).
     */
    @ConfigurationProperties("tilsynsspor.processing")
    public record ProcessingProperties(int batchSize, int readBatchSize, Duration gapTimeout, int segments,
                                       int rebuildBatchSize, Duration wakeInterval) {
    }

    @Bean
    @Profile("!" + AXON_SERVER)
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("events.domain_event_entry")
                .snapshotTable("events.snapshot_event_entry")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder().setTokenTable("query.token_entry").build();
    }

    /**
     * The storage engine as a reader. The gap timeout is well above command-service's statement and
     * idle-in-transaction timeouts, so an event whose transaction commits late is waited for, never skipped. Its
     * tracking reads are planned for the table as it is ({@link PlannedAsTheStoreIs}). The
     * benchmark's peer (profile {@value #AXON_DEFAULTS}) gets the engine Axon's auto-configuration makes.
     */
    @Bean
    @Profile(TUNED_ON_POSTGRESQL)
    ReaderEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                    Serializer serializer, ConnectionProvider connectionProvider,
                                    TransactionManager transactionManager, EventSchema eventSchema,
                                    ProcessingProperties processing) {
        return ReaderEngine.of(PlannedAsTheStoreIs.reads(JdbcEventStorageEngine.builder())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(processing.readBatchSize()), processing.gapTimeout());
    }

    @Bean
    @Profile(TUNED_ON_POSTGRESQL)
    EventArrivals eventArrivals(DataSourceProperties dataSource, ProcessingProperties processing) {
        return new EventArrivals(dataSource, processing.wakeInterval());
    }

    @Bean
    @Profile(TUNED_ON_POSTGRESQL)
    NotifiedEventSource notifiedEventSource(ReaderEngine storageEngine, EventArrivals arrivals,
                                            StoreReads storeReads) {
        return new NotifiedEventSource(storageEngine, arrivals, storeReads);
    }

    /**
     * Axon Server's event stream for the processors, which tells them of new events at most once per wake interval,
     * as {@link EventArrivals} does on PostgreSQL. Resolved lazily by {@link #pooledProcessors}: the event store is
     * built by Axon's configuration, which the processors' configuration is part of.
     */
    @Bean
    @Profile(AXON_SERVER)
    PacedEventSource pacedEventSource(EventStore eventStore, ProcessingProperties processing) {
        return new PacedEventSource(eventStore, processing.wakeInterval());
    }

    /** Failed reads of the event store, for health (in every mode: only the notified source reports to it). */
    @Bean
    StoreReads storeReads() {
        return new StoreReads();
    }

    /**
     * Every processing group is a pooled streaming processor: on the notified source over PostgreSQL, on Axon
     * Server's event stream, paced alike ({@link PacedEventSource}), in its profile. An event a handler cannot project
     * goes to the dead-letter queue (ADR 12); a batch that fails as a whole stops its segment and is retried with
     * back-off (the processor's status shows it): an event is never skipped silently. Their transactions do not wait
     * for the disk ({@link ProjectionTransactions}).
     */
    @Bean
    @Profile("!" + AXON_DEFAULTS)
    ConfigurerModule pooledProcessors(ObjectProvider<NotifiedEventSource> notifiedSource,
                                      ObjectProvider<PacedEventSource> pacedSource, ProcessingProperties processing,
                                      JdbcTemplate jdbc) {
        return configurer -> {
            NotifiedEventSource source = notifiedSource.getIfAvailable();
            EventProcessingConfigurer processors = configurer.eventProcessing()
                    .usingPooledStreamingEventProcessors((config, builder) -> {
                        builder.batchSize(processing.batchSize()).initialSegmentCount(processing.segments())
                                .transactionManager(new ProjectionTransactions(
                                        config.getComponent(TransactionManager.class), jdbc));
                        if (source == null) {
                            // On Axon Server: first tokens start at the beginning of the stream without asking
                            // Axon Server for its tail, so that query-service starts (and serves what it has) while
                            // Axon Server is unreachable, and catches up once it is back.
                            builder.initialToken(stream -> null);
                        }
                        return builder;
                    })
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
            if (source != null) {
                processors.configureDefaultStreamableMessageSource(config -> source);
            } else { // profile axonserver, the one without a notified source (the stock peer has no such module)
                processors.configureDefaultStreamableMessageSource(config -> pacedSource.getObject());
            }
        };
    }

    /** The JSON of stored events: the same mapping command-service writes them with. */
    /**
     * No correlation data: query-service sends no command, event or query from inside a handler, so the metadata Axon
     * copies into such messages by default ({@code MessageOriginProvider}) would go nowhere, and reading it
     * deserialized every handled event's metadata (a sixteenth of a rebuild's CPU). The stock peer keeps Axon's
     * default.
     */
    @Bean
    @Profile("!" + AXON_DEFAULTS)
    CorrelationDataProvider noCorrelationData() {
        return message -> Map.of();
    }

    @Bean
    EventJson eventJson() {
        return new EventJson(EventMapper.create());
    }

    @Bean
    @Primary
    Serializer serializer(EventJson json) {
        return JacksonSerializer.builder().objectMapper(json.mapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Events: Jackson, opening the sealed personal texts of case events with their case's key (ADR 9). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(EventJson json, CitizenKeyReader keys) {
        return new OpeningSerializer(JacksonSerializer.builder().objectMapper(json.mapper()).build(), keys);
    }
}
