package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.platform.jdbc.TransactionBoundConnections;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
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
 * The two ways command-service runs, wired as intended: on PostgreSQL alone (Axon's JDBC event store, local buses),
 * and in profile {@code axonserver} (events in Axon Server, commands and queries routed through it); and the
 * benchmark's peer on Axon's stock settings. No Axon Server is needed to wire the context: the connector connects in
 * the background and nothing here sends a message.
 */
class InfrastructureProfilesTest {

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
        // an address where no Axon Server listens: the wiring must not depend on reaching one
        registry.add("axon.axonserver.servers", () -> "localhost:1");
    }

    @Nested
    @SpringBootTest(properties = "tilsynsspor.embedded-postgres.enabled=false") // the database below
    @DirtiesContext // closed before the database it runs on, not left to Spring's cache until the run's end
    class OnPostgreSql {

        @Autowired
        ApplicationContext context;

        @Test
        void eventsAreStoredInPostgreSqlAndCommandsHandledLocally() {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            assertThat(context.getBean(CommandBus.class)).isNotInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBeansOfType(AxonServerConnectionManager.class)).isEmpty();
            assertThat(context.getBean(EventStoreConfiguration.AGGREGATE_CACHE))
                    .isInstanceOf(CheckedAggregateCache.class);
        }

        /** Axon's units of work hand their connection back once (ADR 26), not Axon's own provider's twice. */
        @Test
        void axonsConnectionsComeFromThePlatformsProvider() {
            assertThat(context.getBean(ConnectionProvider.class))
                    .isInstanceOf(UnitOfWorkAwareConnectionProviderWrapper.class)
                    .extracting("delegate").isInstanceOf(TransactionBoundConnections.class);
        }
    }

    @Nested
    @SpringBootTest(properties = "tilsynsspor.embedded-postgres.enabled=false") // the database below
    @DirtiesContext // closed before the database it runs on, not left to Spring's cache until the run's end
    @ActiveProfiles(EventStoreConfiguration.AXON_DEFAULTS)
    class OnAxonStockSettings {

        @Autowired
        ApplicationContext context;

        @Test
        void aggregatesAreReadFromTheirEventsForEveryCommand() {
            assertThat(context.getBean(EventStoreConfiguration.AGGREGATE_CACHE)).isSameAs(NoCache.INSTANCE);
            // without Hibernate on the class path Axon's auto-configuration picks its JDBC engine
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        }
    }

    @Nested
    @SpringBootTest(properties = "tilsynsspor.embedded-postgres.enabled=false") // the database below
    @DirtiesContext // closed before the database it runs on, not left to Spring's cache until the run's end
    @ActiveProfiles("axonserver")
    class OnAxonServer {

        @Autowired
        ApplicationContext context;

        @Test
        void eventsAreStoredInAxonServerAndCommandsAndQueriesRoutedThroughIt() {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(JdbcEventStorageEngine.class)).isEmpty();
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(AxonServerConnectionManager.class).getDefaultContext()).isEqualTo("default");
        }
    }
}
