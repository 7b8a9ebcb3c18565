package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.command.privacy.CitizenKeys;
import dk.tilsynsspor.command.privacy.SealingSerializer;
import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.platform.events.EventMapper;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.function.SingletonSupplier;

/**
 * The event store on PostgreSQL without Axon Server: Axon's JDBC engine (bytea blobs, one BIGSERIAL global index)
 * on tables Flyway creates in schema {@code events}, and Jackson for every serialized message with a mapper of its
 * own, so that web settings can never change how stored events read.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    public static final String DOMAIN_EVENT_TABLE = "events.domain_event_entry";
    public static final String SNAPSHOT_TABLE = "events.snapshot_event_entry";
    /** The bean name of the aggregates' cache. */
    public static final String AGGREGATE_CACHE = "aggregateCache";
    /** The bean name of what finds the aggregate a command is for. */
    public static final String COMMAND_TARGETS = "commandTargets";
    /**
     * The benchmark's peer (README, "Benchmark"): Axon's stock settings, here without the aggregate cache. The
     * event store is whichever engine Axon's auto-configuration picks: its JPA engine when the benchmark puts
     * Hibernate on the class path, its JDBC engine otherwise. Not for use.
     */
    public static final String AXON_DEFAULTS = "axon-defaults";

    /**
     * A handler that fails is never skipped (Axon's default only logs and goes on): the lookups' failure fails the
     * command whose transaction they are in, and the streaming processors of the Axon Server mode (the chain's mirror,
     * the lookups' repair) stop at the event and try it again, so no event is left unlinked or unrepaired.
     */
    @Bean
    ConfigurerModule failingHandlersAreNeverSkipped() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /**
     * With Axon Server, a command's answer carries the last sequence number its aggregate took, seen as each event is
     * published into the event store ({@link AnsweredSequences}; its handler interceptor is on the command bus).
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    AnsweredSequences answeredSequences() {
        return new AnsweredSequences();
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    ConfigurerModule eventsSeenForAnswers(AnsweredSequences answers) {
        return configurer -> configurer.configureMessageMonitor(EventStore.class, (config, type, name) -> answers);
    }

    /** The streaming processors' tokens (with Axon Server, the lookups' repair): Flyway's table in schema command. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder().setTokenTable("command.token_entry").build();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(DOMAIN_EVENT_TABLE)
                .snapshotTable(SNAPSHOT_TABLE)
                .build();
    }

    /** Only a unique violation (SQLSTATE 23505) means "someone else appended this sequence number first". */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jacksonSerializer();
    }

    /** Events: Jackson, with the personal texts of case events sealed under their case's key (ADR 9). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(CitizenKeys keys) {
        return new SealingSerializer(jacksonSerializer(), keys);
    }

    /**
     * Aggregates stay in memory between commands (held softly: until the garbage collector wants the room), so a
     * command does not read and deserialize its aggregate's events again. A copy is checked against the store's last
     * sequence number for the aggregate ({@link CheckedAggregateCache}, {@link CachedAggregateChecks}), so with several
     * instances on one store no command is decided on a copy that another instance has since moved on: a command that
     * appends to the copy is caught by the taken sequence number (SQLSTATE 23505), which drops the copy and runs the
     * command again on the events; one that appends nothing to it (a refusal, a repeat) has the store's number read
     * after its handler, with the same outcome if the copy was behind. The aggregates hold no personal texts (those
     * stay sealed in the events). Axon's stock setting (profile {@value #AXON_DEFAULTS}) is no cache.
     */
    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(Environment environment, CachedAggregateChecks checks) {
        return environment.acceptsProfiles(Profiles.of(AXON_DEFAULTS)) ? NoCache.INSTANCE
                : new CheckedAggregateCache(new WeakReferenceCache(), checks);
    }

    /** The cached copies' checks; command-service's command bus runs every command through them. */
    @Bean
    CachedAggregateChecks cachedAggregateChecks(ObjectProvider<EventStore> eventStore) {
        // asked for lazily (the store and the aggregates' repositories are made after the cache) and resolved once,
        // at the first check: asking the provider resolves the bean anew every time
        return new CachedAggregateChecks(SingletonSupplier.of(eventStore::getObject));
    }

    /**
     * The aggregate a command is for, found as Axon finds it but with each command class's members looked up once
     * ({@link CommandTargets}); Axon's own resolver for the stock settings.
     */
    @Bean(COMMAND_TARGETS)
    CommandTargetResolver commandTargets(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(AXON_DEFAULTS)) ? new AnnotationCommandTargetResolver()
                : new CommandTargets();
    }

    /**
     * The actor, role, scope and reason of a command travel on to every event it causes, and so does its request's
     * idempotency key, by which the aggregate recognises a repeat (ADR 18).
     */
    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.ACTOR_ID, AuditMetadata.ACTOR_ROLE,
                AuditMetadata.ACTOR_SCOPE, AuditMetadata.REASON, AuditMetadata.IDEMPOTENCY_KEY);
    }

    static JacksonSerializer jacksonSerializer() {
        return JacksonSerializer.builder().objectMapper(EventMapper.create()).build();
    }
}
