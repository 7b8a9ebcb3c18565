package dk.tilsynsspor.query.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tilsynsspor.query.document.DocumentFiles;
import dk.tilsynsspor.query.privacy.CitizenKeyReader;
import dk.tilsynsspor.core.order.query.TrailVerification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain recomputed in Java equals the chain the database's sealer made (command-service's migrations, as
 * production runs them), and the first changed, missing or moved link is found; events not sealed yet are counted,
 * not taken for a break.
 */
class OrderChainTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private static OrderChain chain;

    @BeforeAll
    static void eventStore() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).schemas("command").createSchemas(true)
                .locations("filesystem:../command-service/src/main/resources/db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        chain = new OrderChain(dataSource, new DocumentFiles(jdbc, new CitizenKeyReader(jdbc)), new ObjectMapper(),
                new EngineCopies.TheTableIsTheStore());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static UUID orderWithEvents(int events) {
        UUID orderId = UUID.randomUUID();
        append(orderId, 0, events);
        jdbc.queryForObject("SELECT events.seal_order_chains(1000)", Integer.class);
        return orderId;
    }

    private static void append(UUID orderId, int from, int to) {
        for (int i = from; i < to; i++) {
            String payload = "{\"orderId\":\"" + orderId + "\",\"n\":" + i + "}";
            jdbc.update("""
                    INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type,
                           eventIdentifier, metaData, payload, payloadType, timeStamp)
                    VALUES (?, ?, 'SupervisoryOrder', ?, ?, ?, 'dk.tilsynsspor.core.order.Example', ?)""",
                    orderId.toString(), i, UUID.randomUUID().toString(),
                    "{\"actorId\":\"inspector\"}".getBytes(StandardCharsets.UTF_8),
                    payload.getBytes(StandardCharsets.UTF_8), "2026-11-30T10:00:0" + i + "Z");
        }
    }

    @Test
    void aChainAsTheDatabaseLinkedItIsIntact() {
        UUID orderId = orderWithEvents(3);

        TrailVerification verification = chain.verify(orderId);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(verification.firstBrokenSequence()).isNull();
        assertThat(verification.headHash()).hasSize(64);
        assertThat(verification.unlinked()).isZero();
    }

    @Test
    void eventsNotSealedYetAreCountedAndTheSealedOnesVerify() {
        UUID orderId = orderWithEvents(2);
        append(orderId, 2, 4);

        TrailVerification waiting = chain.verify(orderId);
        assertThat(waiting.intact()).isTrue();
        assertThat(waiting.entries()).isEqualTo(2);
        assertThat(waiting.unlinked()).isEqualTo(2);

        jdbc.queryForObject("SELECT events.seal_order_chains(1000)", Integer.class);
        TrailVerification sealed = chain.verify(orderId);
        assertThat(sealed.intact()).isTrue();
        assertThat(sealed.entries()).isEqualTo(4);
        assertThat(sealed.unlinked()).isZero();
    }

    @Test
    void anEventMovedToAnotherOrderOrALinkDeletedBreaksTheChainThere() {
        UUID moved = orderWithEvents(3);
        jdbc.update("UPDATE events.domain_event_entry SET chainOrderId = ? WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber = 1", UUID.randomUUID(), moved.toString());
        assertThat(chain.verify(moved).firstBrokenSequence()).isEqualTo(2L);

        UUID unlinked = orderWithEvents(3);
        jdbc.update("DELETE FROM events.chain_link WHERE order_id = ? AND position = 2", unlinked);
        assertThat(chain.verify(unlinked).firstBrokenSequence()).isEqualTo(2L);
    }

    @Test
    void theLastLinkDeletedAndTheHeadWoundBackLeavesAnEventOutsideTheChainWhichBreaksIt() {
        UUID orderId = orderWithEvents(3);
        jdbc.update("DELETE FROM events.chain_link WHERE order_id = ? AND position = 3", orderId);
        jdbc.update("UPDATE events.order_chain c SET position = 2, hash = k.hash FROM events.chain_link k"
                + " WHERE c.order_id = ? AND k.order_id = c.order_id AND k.position = 2", orderId);

        TrailVerification verification = chain.verify(orderId);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3L);
        assertThat(verification.unlinked()).isZero();
    }

    @Test
    void aChangedPayloadBreaksTheChainAtItsLink() {
        UUID orderId = orderWithEvents(3);
        jdbc.update("UPDATE events.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " '\"n\":1', '\"n\":7'), 'UTF8') WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                orderId.toString());

        assertThat(chain.verify(orderId).firstBrokenSequence()).isEqualTo(2L);
    }

    @Test
    void changedMetadataBreaksItToo() {
        UUID orderId = orderWithEvents(2);
        jdbc.update("UPDATE events.domain_event_entry SET metaData = ? WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber = 0", "{\"actorId\":\"someone\"}".getBytes(StandardCharsets.UTF_8),
                orderId.toString());

        assertThat(chain.verify(orderId).firstBrokenSequence()).isEqualTo(1L);
    }

    @Test
    void aDeletedLastEventIsFoundMissingAfterTheRest() {
        UUID orderId = orderWithEvents(3);
        jdbc.update("DELETE FROM events.domain_event_entry WHERE aggregateIdentifier = ? AND sequenceNumber = 2",
                orderId.toString());

        TrailVerification verification = chain.verify(orderId);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3L);
    }

    @Test
    void anOrderWhoseFirstEventsWaitForTheSealerHasAnEmptyChainAndThoseEventsCounted() {
        UUID orderId = UUID.randomUUID();
        append(orderId, 0, 2);

        TrailVerification waiting = chain.verify(orderId);
        assertThat(waiting.intact()).isTrue();
        assertThat(waiting.entries()).isZero();
        assertThat(waiting.unlinked()).isEqualTo(2);
        assertThat(waiting.headHash()).isEmpty();
    }

    @Test
    void anOrderWithoutAChainHasNothingToVerify() {
        assertThat(chain.verify(UUID.randomUUID())).isNull();
    }

    /**
     * The query bus runs each query handler in a read-committed transaction of its own; the verification must still
     * read the head, the links and the waiting events as of one moment. Here the events waiting are sealed by another
     * session right after the verification's first query has run: reading in three statements, it then saw a head
     * behind its links (a break) and the sealed events neither linked nor waiting; in a transaction of its own, it
     * took a second connection from the pool while the caller held one.
     */
    @Test
    void theVerificationReadsOneSnapshotInsideTheCallersTransaction() {
        UUID orderId = orderWithEvents(2);
        append(orderId, 2, 4); // two wait for the sealer
        AtomicInteger connectionsTaken = new AtomicInteger();
        DataSource sealingAfterTheFirstRead = sealingAfterTheFirstQuery(dataSource, connectionsTaken);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(Transactions.class);
            context.registerBean(PlatformTransactionManager.class,
                    () -> new JdbcTransactionManager(sealingAfterTheFirstRead));
            context.registerBean(OrderChain.class, () -> new OrderChain(sealingAfterTheFirstRead,
                    new DocumentFiles(jdbc, new CitizenKeyReader(jdbc)), new ObjectMapper(),
                    new EngineCopies.TheTableIsTheStore()));
            context.refresh();
            OrderChain transactional = context.getBean(OrderChain.class);

            TrailVerification verification = new TransactionTemplate(context.getBean(
                    PlatformTransactionManager.class)).execute(queryBus -> transactional.verify(orderId));

            assertThat(verification.intact()).as("%s", verification).isTrue();
            assertThat(verification.entries() + verification.unlinked()).as("%s", verification).isEqualTo(4);
            assertThat(connectionsTaken).as("the caller's connection only, none more from the pool").hasValue(1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events.chain_link WHERE order_id = ?", Long.class,
                orderId)).as("sealed meanwhile").isEqualTo(4);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Transactions {
    }

    /** The data source, but after the first query on any of its connections has run, another session seals, once. */
    private static DataSource sealingAfterTheFirstQuery(DataSource dataSource, AtomicInteger connectionsTaken) {
        AtomicBoolean sealed = new AtomicBoolean();
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                connectionsTaken.incrementAndGet();
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[]{Connection.class}, (proxy, method, arguments) -> {
                            Object result = invoke(method, connection, arguments);
                            return result instanceof PreparedStatement statement
                                    ? sealingAfterItsQuery(statement, sealed) : result;
                        });
            }
        };
    }

    private static PreparedStatement sealingAfterItsQuery(PreparedStatement statement, AtomicBoolean sealed) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, arguments) -> {
                    Object result = invoke(method, statement, arguments);
                    if (method.getName().equals("executeQuery") && sealed.compareAndSet(false, true)) {
                        jdbc.queryForObject("SELECT events.seal_order_chains(1000)", Integer.class);
                    }
                    return result;
                });
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
