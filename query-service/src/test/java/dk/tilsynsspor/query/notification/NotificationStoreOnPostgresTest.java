package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** A user's reading of their notifications, on PostgreSQL: all at once up to an instant, theirs only. */
class NotificationStoreOnPostgresTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();
    private QueryDatabase.Transaction transaction;
    private NotificationStore store;

    private final Instant shown = Instant.parse("2027-03-01T09:00:00.123456Z");
    private final Actor reader = new Actor("leder-a", Role.LEADER, "org-b");
    private final Actor colleague = new Actor("leder-b", Role.LEADER, "org-b");

    @BeforeEach
    void transaction() throws Exception {
        transaction = database.transaction();
        store = new NotificationStore(transaction.jdbc(), mock(MailDeliveries.class));
        UUID order = UUID.randomUUID();
        store.tell("older", Audience.leadersOf("org-b"), "COMMENT", "ældre", order, null, shown.minusSeconds(7200));
        store.tell("shown", Audience.leadersOf("org-b"), "COMMENT", "den viste", order, null, shown);
        store.tell("after", Audience.leadersOf("org-b"), "COMMENT", "kom efter", order, null, shown.plusNanos(1000));
        store.tell("own", Audience.user("leder-a"), "SESSION_HELD", "til leder-a selv", null, null,
                shown.minusSeconds(60));
        store.tell("other", Audience.leadersOf("org-c"), "COMMENT", "en anden organisations", order, null,
                shown.minusSeconds(3600));
    }

    @AfterEach
    void rollback() throws Exception {
        transaction.close();
    }

    @Test
    void everyNotificationOfTheReadersUpToTheInstantIsMarkedReadAndNoOneElses() {
        assertThat(store.unread(reader)).isEqualTo(4);

        assertThat(store.markAllRead(reader, shown, shown.plusSeconds(5))).as("older, shown and own").isEqualTo(3);

        assertThat(store.of(reader)).extracting(seen -> seen.text() + (seen.unread() ? ": ulæst" : ": læst"))
                .containsExactly("kom efter: ulæst", "den viste: læst", "til leder-a selv: læst", "ældre: læst");
        assertThat(store.unread(reader)).isEqualTo(1);
        assertThat(store.unread(colleague)).as("the colleague's reading is their own").isEqualTo(3);
        assertThat(store.unread(new Actor("leder-c", Role.LEADER, "org-c"))).isEqualTo(1);
    }

    @Test
    void markingAgainMarksNothingMoreAndKeepsWhenEachWasRead() {
        store.markAllRead(reader, shown, shown.plusSeconds(5));
        Instant firstRead = transaction.jdbc().queryForObject("SELECT min(read_at) FROM query.notification_read",
                java.sql.Timestamp.class).toInstant();

        assertThat(store.markAllRead(reader, shown, shown.plusSeconds(60))).isZero();
        assertThat(store.markAllRead(reader, shown.plusSeconds(1), shown.plusSeconds(60))).as("the one after")
                .isEqualTo(1);
        assertThat(store.unread(reader)).isZero();
        assertThat(transaction.jdbc().queryForObject("SELECT min(read_at) FROM query.notification_read",
                java.sql.Timestamp.class).toInstant()).isEqualTo(firstRead);
    }
}
