package dk.tilsynsspor.query.eventstore;

import dk.tilsynsspor.platform.jdbc.TransactionBoundConnections;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * query-service in profile {@code axonserver}: its processors stream from Axon Server (no PostgreSQL event source,
 * no LISTEN), queries are routed through it, and the tokens stay in PostgreSQL with the read models so that several
 * instances share the segments. The PostgreSQL wiring is what every end-to-end test runs on.
 */
class AxonServerProfileTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("axon.axonserver.servers", () -> "localhost:1"); // no Axon Server needed to wire the context
        registry.add("tilsynsspor.processing.segments", () -> "4");
    }

    /** Its context closed after its tests, before the database it runs on (not left to Spring's cache). */
    @Nested
    @SpringBootTest
    @ActiveProfiles("axonserver")
    @DirtiesContext
    class InProfileAxonServer {

        @Autowired
        ApplicationContext context;

        @Test
        void processorsStreamFromAxonServerAndKeepTheirTokensInPostgreSql() {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
            assertThat(context.getBeansOfType(NotifiedEventSource.class)).isEmpty();
            assertThat(context.getBeansOfType(EventArrivals.class)).isEmpty();
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            var processors = context.getBean(EventProcessingConfiguration.class).eventProcessors();
            assertThat(processors).isNotEmpty();
            assertThat(processors.values()).allSatisfy(processor ->
                    assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class));
            // each reads Axon Server's stream paced, as the processors on PostgreSQL are (Axon keeps it in a field)
            PacedEventSource paced = context.getBean(PacedEventSource.class);
            assertThat(processors.values()).allSatisfy(processor ->
                    assertThat(processor).extracting("messageSource").isSameAs(paced));
        }

        /** The token store's units of work hand their connection back once (ADR 26), not Axon's provider's twice. */
        @Test
        void axonsConnectionsComeFromThePlatformsProvider() {
            assertThat(context.getBean(ConnectionProvider.class))
                    .isInstanceOf(UnitOfWorkAwareConnectionProviderWrapper.class)
                    .extracting("delegate").isInstanceOf(TransactionBoundConnections.class);
        }
    }
}
