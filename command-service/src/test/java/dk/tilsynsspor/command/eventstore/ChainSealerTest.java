package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.command.MigratedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.axonframework.messaging.GenericMessage.asMessage;

/**
 * command-service's sealer calls the database's sealing when woken after a commit and, unwoken, at its interval;
 * more waiting than one batch is sealed in one go.
 */
class ChainSealerTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static final EventBus eventBus = SimpleEventBus.builder().build();

    @BeforeAll
    static void database() throws Exception {
        postgres = MigratedDatabase.start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void wokenByACommitItSealsWithinItsGapLongBeforeItsInterval() {
        ChainSealer sealer = sealer(Duration.ofMillis(1), Duration.ofHours(1));
        sealer.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> unsealed() == 0); // its first sealing, at its start
            UUID order = append();
            commitAUnitOfWorkThatPublished();
            await().atMost(Duration.ofSeconds(10)).until(() -> links(order) == 1);
        } finally {
            sealer.stop();
        }
        assertThat(sealer.isRunning()).isFalse();
    }

    @Test
    void unwokenItSealsAtItsInterval() {
        ChainSealer sealer = sealer(Duration.ofHours(1), Duration.ofMillis(50));
        sealer.start();
        try {
            UUID order = append(); // written by another writer: nobody wakes this sealer
            await().atMost(Duration.ofSeconds(10)).until(() -> links(order) == 1);
        } finally {
            sealer.stop();
        }
    }

    @Test
    void moreThanABatchWaitingIsSealedInOneCall() throws Exception {
        ChainSealer sealer = sealer(Duration.ofHours(1), Duration.ofHours(1));
        sealer.sealWaiting(); // what the other tests left
        UUID order = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                       metaData, payload, payloadType, timeStamp)
                SELECT ?, n, 'Test', gen_random_uuid()::text, '{}'::bytea, ?, 'test', ?
                  FROM generate_series(0, ?) AS n""", order.toString(), OrderEvents.payload(order),
                DateTimeUtils.formatInstant(Instant.now()), ChainSealer.BATCH + 10 - 1);

        assertThat(sealer.sealWaiting()).isEqualTo(ChainSealer.BATCH + 10);
        assertThat(links(order)).isEqualTo(ChainSealer.BATCH + 10);
        assertThat(sealer.sealed()).isGreaterThanOrEqualTo(ChainSealer.BATCH + 10);
    }

    @Test
    void aNegativeGapOrAnIntervalOfNothingIsRefused() {
        assertThatThrownBy(() -> sealer(Duration.ofMillis(-1), Duration.ofMillis(200)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer(Duration.ofMillis(20), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ChainSealer sealer(Duration gap, Duration interval) {
        return new ChainSealer(postgres.getPostgresDatabase(), new AppendCommits(eventBus), gap, interval);
    }

    /** A command's unit of work that published an event and committed, as command-service's are. */
    private static void commitAUnitOfWorkThatPublished() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(asMessage("command"));
        eventBus.publish(GenericEventMessage.asEventMessage("appended"));
        unitOfWork.commit();
    }

    private static UUID append() {
        UUID order = UUID.randomUUID();
        OrderEvents.append(jdbc, order, "a", 0);
        return order;
    }

    private static long links(UUID order) {
        return jdbc.queryForObject("SELECT count(*) FROM events.chain_link WHERE order_id = ?", Long.class, order);
    }

    private static long unsealed() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM events.domain_event_entry d
                 WHERE d.chainOrderId IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM events.chain_link k WHERE k.global_index = d.globalIndex)""",
                Long.class);
    }
}
