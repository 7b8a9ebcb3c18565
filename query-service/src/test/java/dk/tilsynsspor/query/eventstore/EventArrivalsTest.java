package dk.tilsynsspor.query.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The wake-up of the event streams, against a real PostgreSQL: notifications, and a lost connection. */
class EventArrivalsTest {

    private static EmbeddedPostgres postgres;
    private static EventArrivals arrivals;

    @BeforeAll
    static void listen() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        properties.setUsername("postgres");
        properties.setPassword("");
        arrivals = new EventArrivals(properties);
        arrivals.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.count() > 0); // woken once on connecting
    }

    @AfterAll
    static void stop() throws Exception {
        arrivals.stop();
        postgres.close();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aNotificationOnTheChannelWakesThoseWaitingAndTheCallbacks() throws Exception {
        AtomicInteger called = new AtomicInteger();
        Runnable callback = called::incrementAndGet;
        arrivals.onArrival(callback);
        long seen = arrivals.count();

        execute("NOTIFY " + EventArrivals.CHANNEL);

        assertThat(arrivals.awaitChange(seen, TimeUnit.SECONDS.toNanos(10))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> called.get() > 0);
        arrivals.removeCallback(callback);
    }

    @Test
    void withoutANotificationTheWaitEndsWhenTheTimeIsUp() throws Exception {
        long seen = arrivals.count();

        assertThat(arrivals.awaitChange(seen, TimeUnit.MILLISECONDS.toNanos(200))).isFalse();
    }

    @Test
    void aLostConnectionIsMadeAgainAndWakesTheStreamsSoNothingAppendedMeanwhileWaits() throws Exception {
        long seen = arrivals.count();

        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'");

        assertThat(arrivals.awaitChange(seen, TimeUnit.SECONDS.toNanos(15))).isTrue();
        long reconnected = arrivals.count();
        execute("NOTIFY " + EventArrivals.CHANNEL);
        assertThat(arrivals.awaitChange(reconnected, TimeUnit.SECONDS.toNanos(10))).isTrue();
    }
}
