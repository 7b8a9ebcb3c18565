package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.EscalationEnded;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.RequirementAmended;
import dk.tilsynsspor.core.order.RequirementDeadlineExtended;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The lookup rows of the orders a batch begins are written once, in the state the batch leaves them, and that state
 * is the one the same events leave one batch each: the notice and the imposition on it, an escalation and its end,
 * a decision, a verification, an extension, an amendment and the closing. Each run is one open transaction, so its
 * own counters ({@code pg_stat_xact_user_tables}) tell how the rows were written.
 */
class NotificationLookupsOnPostgresTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();
    private QueryDatabase.Transaction transaction;
    private JdbcTemplate jdbc;
    private NotificationProjection projection;

    private final UUID noticed = UUID.randomUUID();
    private final UUID imposed = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID third = UUID.randomUUID();
    private final UUID dropped = UUID.randomUUID();

    @BeforeEach
    void transaction() throws Exception {
        transaction = database.transaction();
        jdbc = transaction.jdbc();
        projection = new NotificationProjection(jdbc, new NotificationStore(jdbc, mock(MailDeliveries.class)),
                Clock.system(ZoneOffset.UTC));
    }

    @AfterEach
    void rollback() throws Exception {
        transaction.close();
    }

    private static Requirement requirement(UUID id, String title) {
        return new Requirement(id, title, "Ændring", QualityTheme.values()[0], LocalDate.of(2027, 3, 1));
    }

    /** Two orders' events, in the order they were recorded. */
    private List<Consumer<NotificationProjection>> events() {
        // the notice's second requirement is dropped by the imposition, which adds another
        NoticeOfOrderGiven notice = new NoticeOfOrderGiven(noticed, "tilsyn-a", "org-b", "REF-1", "lov",
                LocalDate.of(2026, 11, 1), "resumé", List.of(requirement(first, "Krav 1"),
                requirement(dropped, "Krav udgået")), LocalDate.of(2026, 12, 1));
        SupervisoryOrderImposed onTheNotice = new SupervisoryOrderImposed(noticed, "tilsyn-a", "org-c", "REF-1b",
                "lov", LocalDate.of(2026, 12, 2), "resumé", List.of(requirement(first, "Krav 1"),
                requirement(second, "Krav 2")), null, true);
        SupervisoryOrderImposed other = new SupervisoryOrderImposed(imposed, "tilsyn-d", "org-e", "REF-2", "lov",
                LocalDate.of(2026, 12, 2), "resumé", List.of(requirement(third, "Krav 3")), "haster", false);
        RequirementDeadlineExtended extended = new RequirementDeadlineExtended(noticed, second,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 1), "travlt");
        List<Consumer<NotificationProjection>> events = new ArrayList<>();
        events.add(p -> p.on(notice, GenericEventMessage.asEventMessage(notice)));
        events.add(p -> p.on(new SupervisoryOrderEscalated(noticed, "grund", LocalDate.of(2027, 1, 1), List.of())));
        events.add(p -> p.on(onTheNotice, GenericEventMessage.asEventMessage(onTheNotice)));
        events.add(p -> p.on(other, GenericEventMessage.asEventMessage(other)));
        events.add(p -> p.on(new ComplianceAccepted(noticed, List.of(first), false)));
        events.add(p -> p.on(new QualityImprovementVerified(imposed, third, true, "konklusion",
                new Evidence(List.of(), List.of()))));
        events.add(p -> p.on(extended, GenericEventMessage.asEventMessage(extended)));
        events.add(p -> p.on(new RequirementAmended(imposed, third, UUID.randomUUID(), "Krav 3, ændret", "Ændring",
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 1))));
        events.add(p -> p.on(new EscalationEnded(noticed, "slut")));
        events.add(p -> p.on(new SupervisoryOrderClosed(imposed, "slut", false)));
        return events;
    }

    private void inOneBatch(List<Consumer<NotificationProjection>> events) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        events.forEach(event -> event.accept(projection));
        batch.commit();
    }

    private void oneBatchEach(List<Consumer<NotificationProjection>> events) {
        for (Consumer<NotificationProjection> event : events) {
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("one"));
            event.accept(projection);
            batch.commit();
        }
    }

    private List<String> lookupRows() {
        List<String> rows = new ArrayList<>(jdbc.queryForList(
                "SELECT t::text FROM query.notification_order t ORDER BY order_id", String.class));
        rows.addAll(jdbc.queryForList(
                "SELECT t::text FROM query.notification_requirement t ORDER BY order_id, requirement_id",
                String.class));
        return rows;
    }

    private long updatedRows() {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_xact_user_tables
                 WHERE schemaname = 'query' AND relname IN ('notification_order', 'notification_requirement')""",
                Long.class);
    }

    @Test
    void aBatchWritesTheOrdersItBeganOnceAsTheEventsOneByOneLeaveThem() {
        List<Consumer<NotificationProjection>> events = events();
        oneBatchEach(events);
        List<String> oneByOne = lookupRows();
        assertThat(updatedRows()).as("one batch each: each change a statement of its own").isPositive();
        jdbc.execute("TRUNCATE query.notification_order, query.notification_requirement");
        long updatedBefore = updatedRows();

        inOneBatch(events);

        assertThat(lookupRows()).isEqualTo(oneByOne);
        assertThat(updatedRows()).as("one batch: every row inserted in its final state").isEqualTo(updatedBefore);
        assertThat(oneByOne).containsExactlyInAnyOrder(
                "(" + noticed + ",tilsyn-a,org-c,REF-1b,,f,)", // the imposition's parties, its escalation ended
                "(" + imposed + ",tilsyn-d,org-e,REF-2,,t,)", // closed
                "(" + noticed + "," + first + ",1,\"Krav 1\",2027-03-01,t)", // accepted
                "(" + noticed + "," + second + ",2,\"Krav 2\",2027-04-01,f)", // extended
                "(" + imposed + "," + third + ",1,\"Krav 3, ændret\",2027-05-01,f)"); // verified, then amended
    }

    @Test
    void anOrderBegunInAnEarlierBatchIsChangedRowByRowAsBefore() {
        List<Consumer<NotificationProjection>> events = events();
        oneBatchEach(events.subList(0, 4));
        inOneBatch(events.subList(4, events.size()));
        List<String> split = lookupRows();
        jdbc.execute("TRUNCATE query.notification_order, query.notification_requirement");

        oneBatchEach(events);

        assertThat(split).isEqualTo(lookupRows());
    }

    /**
     * The rows the events leave one batch each, made wrong by {@code faulty} as a faulty projection may have left
     * them (the lookup tables are kept through a rebuild), then the events projected again by {@code rebuild}: the
     * rows are those of the first projection.
     */
    private void assertRebuiltOver(String faulty, Consumer<List<Consumer<NotificationProjection>>> rebuild) {
        List<Consumer<NotificationProjection>> events = events();
        oneBatchEach(events);
        List<String> projected = lookupRows();
        jdbc.update(faulty);

        rebuild.accept(events);

        assertThat(lookupRows()).isEqualTo(projected);
    }

    @Test
    void aRebuildReplacesTheRequirementsRowsItFindsKeptFromBefore() {
        assertRebuiltOver("UPDATE query.notification_requirement SET done = NOT done, title = 'forkert', number = 9",
                this::inOneBatch);
    }

    @Test
    void aRebuildReplacesTheOrdersRowsItFindsKeptFromBefore() {
        // the open order ended, the closed one open, both escalated
        assertRebuiltOver("UPDATE query.notification_order SET ended = NOT ended, escalated_until = DATE '2030-01-01',"
                + " reference = 'forkert'", this::inOneBatch);
    }

    @Test
    void aRebuildWhoseBatchesSplitAnOrderReplacesItsRowFromItsFirstEvent() {
        assertRebuiltOver("UPDATE query.notification_order SET ended = NOT ended, escalated_until = DATE '2030-01-01'",
                events -> {
                    // the notice and its escalation; the imposition on it in the next batch
                    inOneBatch(events.subList(0, 2));
                    inOneBatch(events.subList(2, events.size()));
                });
    }

    @Test
    void anOrderWhoseDatesNoDateColumnCanHoldIsKeptWithoutThem() {
        // as events recorded before dates were bounded may carry them: PostgreSQL refuses these years
        NoticeOfOrderGiven notice = new NoticeOfOrderGiven(noticed, "tilsyn-a", "org-b", "REF-1", "lov",
                LocalDate.of(2026, 11, 1), "resumé", List.of(new Requirement(first, "Krav 1", "Ændring",
                QualityTheme.values()[0], LocalDate.MAX)), LocalDate.of(-999_999_999, 1, 1));
        RequirementDeadlineExtended extended = new RequirementDeadlineExtended(noticed, first, LocalDate.MAX,
                LocalDate.of(999_999_999, 6, 1), "travlt");

        oneBatchEach(List.of(p -> p.on(notice, GenericEventMessage.asEventMessage(notice)),
                p -> p.on(new SupervisoryOrderEscalated(noticed, "grund", LocalDate.MAX, List.of())),
                p -> p.on(extended, GenericEventMessage.asEventMessage(extended))));

        assertThat(lookupRows()).containsExactly("(" + noticed + ",tilsyn-a,org-b,REF-1,,f,)",
                "(" + noticed + "," + first + ",1,\"Krav 1\",,t)"); // nothing due under a notice
    }
}
