package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.command.MigratedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.messaging.GenericMessage.asMessage;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Readers are told about appends after the appending transaction, never from inside it (ADR 3): a committed unit of
 * work that published events is followed by a notification, a rolled-back one is not, and the event table's own
 * triggers notify nobody (so appends never queue on the notify lock); commits soon after a notification are announced
 * together, once per interval.
 */
class AppendNotifierTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final EventBus eventBus = SimpleEventBus.builder().build();
    private final AppendCommits commits = new AppendCommits(eventBus);
    private AppendNotifier notifier;
    private Connection listening;

    @BeforeAll
    static void database() throws Exception {
        postgres = MigratedDatabase.start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void listen() throws SQLException {
        listening = dataSource.getConnection();
        try (Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + AppendNotifier.CHANNEL);
        }
        notifier = new AppendNotifier(dataSource, commits, Duration.ZERO);
        notifier.start();
    }

    @AfterEach
    void close() throws SQLException {
        notifier.stop();
        listening.close();
    }

    private List<PGNotification> notificationsWithin(int millis) throws SQLException {
        List<PGNotification> received = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            PGNotification[] batch = listening.unwrap(PGConnection.class).getNotifications(50);
            if (batch != null) {
                received.addAll(List.of(batch));
            }
        }
        return received;
    }

    private void publishIn(boolean commit) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(asMessage("command"));
        eventBus.publish(GenericEventMessage.asEventMessage("appended"));
        if (commit) {
            unitOfWork.commit();
        } else {
            unitOfWork.rollback();
        }
    }

    @Test
    void aCommittedAppendIsFollowedByANotification() throws SQLException {
        publishIn(true);

        assertThat(notificationsWithin(1000)).extracting(PGNotification::getName)
                .containsExactly(AppendNotifier.CHANNEL);
    }

    @Test
    void aRolledBackAppendNotifiesNobody() throws SQLException {
        publishIn(false);

        assertThat(notificationsWithin(500)).isEmpty();
        assertThat(notifier.sent()).isZero();
    }

    @Test
    void commitsSoonAfterANotificationAreAnnouncedTogetherAtTheIntervalsEnd() throws SQLException {
        notifier.stop();
        notifier = new AppendNotifier(dataSource, commits, Duration.ofSeconds(2));
        notifier.start();

        publishIn(true);
        assertThat(notificationsWithin(1000)).as("the first commit after a quiet spell, at once").hasSize(1);
        publishIn(true);
        publishIn(true);
        publishIn(true);
        assertThat(notificationsWithin(500)).as("within the interval").isEmpty();
        assertThat(notificationsWithin(2000)).as("the three, at the interval's end").hasSize(1);
        assertThat(notifier.sent()).isEqualTo(2);
    }

    @Test
    void aNotifierWhoseStatementFailsUncheckedCarriesOnAndNotifiesOnceItWorksAgain() throws SQLException {
        notifier.stop();
        AtomicInteger calls = new AtomicInteger();
        DataSource failingOnce = mock(DataSource.class);
        when(failingOnce.getConnection()).thenAnswer(call -> {
            if (calls.incrementAndGet() == 1) { // as a pool whose connection was misused elsewhere throws
                throw new ArrayIndexOutOfBoundsException("Index -1 out of bounds for length 16");
            }
            return dataSource.getConnection();
        });
        notifier = new AppendNotifier(failingOnce, commits, Duration.ZERO);
        notifier.start();

        publishIn(true);

        assertThat(notificationsWithin(3000)).as("retried after the failure, within a second")
                .extracting(PGNotification::getName).containsExactly(AppendNotifier.CHANNEL);
        assertThat(calls).hasValue(2);
        publishIn(true);
        assertThat(notificationsWithin(1000)).as("and the next commit is announced as usual").hasSize(1);
        assertThat(notifier.sent()).isEqualTo(2);
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new AppendNotifier(dataSource, commits, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventTableItselfNotifiesNobody() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type,"
                    + " eventIdentifier, metaData, payload, payloadType, timeStamp) VALUES ('" + UUID.randomUUID()
                    + "', 0, 'SupervisoryOrder', '" + UUID.randomUUID() + "', convert_to('{}', 'UTF8'),"
                    + " convert_to('{\"orderId\":\"" + UUID.randomUUID() + "\"}', 'UTF8'), 'test',"
                    + " '2026-11-30T00:00:00Z')");
        }

        assertThat(notificationsWithin(500)).isEmpty();
    }
}
