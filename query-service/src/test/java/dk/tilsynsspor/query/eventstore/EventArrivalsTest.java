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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The wake-up of the event streams, against a real PostgreSQL: notifications, and a lost connection. */
class EventArrivalsTest {

    private static EmbeddedPostgres postgres;
    private static EventArrivals arrivals;

    @BeforeAll
    static void listen() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        arrivals = listening(Duration.ZERO);
    }

    private static EventArrivals listening(Duration wakeInterval) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        properties.setUsername("postgres");
        properties.setPassword("");
        EventArrivals listening = new EventArrivals(properties, wakeInterval);
        listening.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> listening.count() > 0); // woken once on connecting
        return listening;
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

    /** Notifications in transactions of their own (PostgreSQL folds equal ones of one transaction into one). */
    private static void notifyTimes(int times) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < times; i++) {
                statement.execute("NOTIFY " + EventArrivals.CHANNEL);
            }
        }
    }

    /** One notification, the first since {@code throttled} connected: it wakes; the count after it. */
    private static long wokenAfterAQuietSpell(EventArrivals throttled) throws Exception {
        long quiet = throttled.count();
        notifyTimes(1);
        assertThat(throttled.awaitChange(quiet, TimeUnit.SECONDS.toNanos(10))).isTrue();
        return throttled.count();
    }

    @Test
    void aNotificationAfterAQuietSpellWakesAtOnceAndTheNextOnesWaitForTheWakeIntervalsEnd() throws Exception {
        EventArrivals throttled = listening(Duration.ofMinutes(1));
        try {
            long woken = wokenAfterAQuietSpell(throttled);
            notifyTimes(3);
            assertThat(throttled.awaitChange(woken, TimeUnit.SECONDS.toNanos(3))).isFalse();
        } finally {
            throttled.stop();
        }
    }

    @Test
    void notificationsWithinTheWakeIntervalAreAnsweredByOneWakeUpAtItsEnd() throws Exception {
        EventArrivals throttled = listening(Duration.ofSeconds(2));
        try {
            long woken = wokenAfterAQuietSpell(throttled);
            notifyTimes(5);
            assertThat(throttled.awaitChange(woken, TimeUnit.SECONDS.toNanos(10))).isTrue();
            long answered = throttled.count();
            assertThat(answered).isEqualTo(woken + 1);
            assertThat(throttled.awaitChange(answered, TimeUnit.SECONDS.toNanos(3))).isFalse();
        } finally {
            throttled.stop();
        }
    }

    @Test
    void aNegativeWakeIntervalIsRefused() {
        assertThatThrownBy(() -> new EventArrivals(new DataSourceProperties(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
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
