package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.command.MigratedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.SimpleEventBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

/**
 * The hash chain's health: UP while nothing waits or while what waits moves on; DOWN once the same event has waited
 * past the limit (seen first in line at checks that far apart), naming the open transaction that holds sealing back,
 * or saying sealing has not come to it; UP again once it is sealed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChainSealingHealthTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    private final ChainSealer sealer = new ChainSealer(dataSource, new AppendCommits(SimpleEventBus.builder().build()),
            Duration.ofHours(1), Duration.ofHours(1)); // never started: the tests seal when they choose

    @BeforeAll
    static void database() throws Exception {
        postgres = MigratedDatabase.start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void nothingWaits() throws SQLException {
        sealer.sealWaiting();
    }

    private ChainSealingHealth health(Duration stalledAfter) {
        return new ChainSealingHealth(dataSource, sealer, stalledAfter);
    }

    @Test
    void nothingWaitingIsUp() {
        Health health = health(Duration.ZERO).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("waiting", 0);
    }

    @Test
    void anEventWaitingBehindAnOpenTransactionIsDownOncePastTheLimitNamingItsBackend() throws SQLException {
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            append(open); // its transaction is older than the next append's, and stays open
            int holder = backendPid(open);
            UUID waiting = append();
            ChainSealingHealth health = health(Duration.ofMillis(300));
            sealer.sealWaiting(); // links nothing: both wait behind the open transaction

            Health first = health.health();
            assertThat(first.getStatus()).as("just seen").isEqualTo(Status.UP);
            assertThat(first.getDetails()).containsEntry("waiting", 1L);
            await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.DOWN));
            Health held = health.health();
            assertThat(held.getStatus().getDescription())
                    .startsWith("1 event(s) wait to be sealed into their orders' hash chains, the first unchanged for")
                    .contains("a transaction still open in the database holds sealing back");
            assertThat(held.getDetails().get("heldBackBy")).asInstanceOf(MAP).containsEntry("pid", holder);

            open.commit();
            sealer.sealWaiting();
            assertThat(links(waiting)).isEqualTo(1);
            Health sealed = health.health();
            assertThat(sealed.getStatus()).isEqualTo(Status.UP);
            assertThat(sealed.getDetails()).containsEntry("waiting", 0);
        }
    }

    @Test
    void anEventTheSealerDoesNotComeToIsDownSayingSo() throws SQLException {
        append(); // nothing holds it back, but nobody seals
        Health health = health(Duration.ZERO).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getStatus().getDescription()).contains("sealing has not come to them");
    }

    @Test
    void anEventFirstInLineAfterAnotherIsSeenAnew() throws SQLException {
        ChainSealingHealth health = health(Duration.ofMillis(200));
        append();
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.DOWN));

        sealer.sealWaiting();
        append(); // the first in line now: sealing moved on, so it has not waited past the limit yet

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        sealer.sealWaiting();
    }

    @Test
    void theWatchLogsAStallWhenNobodyAsksForHealth(CapturedOutput output) throws SQLException {
        ChainSealingHealth health = health(Duration.ZERO);
        append(); // nothing holds it back, but nobody seals

        health.watch();

        assertThat(output.getOut()).contains("wait to be sealed into their orders' hash chains")
                .contains("sealing has not come to them");
        sealer.sealWaiting();
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> health(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static UUID append() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return append(connection);
        }
    }

    private static UUID append(Connection connection) throws SQLException {
        UUID order = UUID.randomUUID();
        OrderEvents.append(connection, order, "a", 0);
        return order;
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet answer = query.executeQuery()) {
            answer.next();
            return answer.getInt(1);
        }
    }

    private static long links(UUID order) {
        return jdbc.queryForObject("SELECT count(*) FROM events.chain_link WHERE order_id = ?", Long.class, order);
    }
}
