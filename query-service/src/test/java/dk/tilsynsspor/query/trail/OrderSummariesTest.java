package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Rejection;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.query.projection.PlannedEachTime;
import dk.tilsynsspor.query.trail.OrderSummaries.Summary;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * An order's summary follows its events as the statements it replaces did, and a batch reads all its orders' rows
 * in one statement and writes each changed row once.
 */
class OrderSummariesTest {

    private static final String UPSERT = "INSERT INTO query.order_summary ";

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final OrderTrailProjection projection = new OrderTrailProjection(jdbc);
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void anImpositionOnANoticeKeepsTheNoticesPartiesAndASecondImpositionChangesNothing() {
        Summary notice = summary(OrderStatus.NOTICE, List.of(), Set.of());
        Summary imposed = new Summary(notice.orderId(), "REF-2", "other-authority", "other-organisation",
                Date.valueOf("2026-02-01"), OrderStatus.IMPOSED.name(), false, Timestamp.from(Instant.EPOCH),
                List.of(first, second), Set.of());

        Summary after = OrderSummaries.imposed(imposed).apply(notice);

        assertThat(after).isEqualTo(new Summary(notice.orderId(), "REF-2", notice.authorityId(),
                notice.organisationId(), imposed.issuedOn(), OrderStatus.IMPOSED.name(), false, imposed.imposedAt(),
                List.of(first, second), Set.of()));
        assertThat(OrderSummaries.imposed(imposed.withStatus("ACKNOWLEDGED")).apply(after)).isSameAs(after);
        assertThat(OrderSummaries.notice(notice).apply(after)).isSameAs(after);
    }

    @Test
    void aReportOfNoNamedRequirementsAwaitsADecisionOnAllAndADecisionOfNoneNamedDecidesAll() {
        Summary acknowledged = summary(OrderStatus.ACKNOWLEDGED, List.of(first, second), Set.of());

        Summary reported = OrderSummaries.reported(null).apply(acknowledged);
        assertThat(reported.awaitingDecision()).containsExactlyInAnyOrder(first, second);
        assertThat(reported.status()).isEqualTo(OrderStatus.REPORT_SUBMITTED.name());

        Summary partly = OrderSummaries.decided(List.of(first), false).apply(reported);
        assertThat(partly.awaitingDecision()).containsExactly(second);
        assertThat(partly.status()).isEqualTo(OrderStatus.REPORT_SUBMITTED.name());

        assertThat(OrderSummaries.decided(null, false).apply(partly).status())
                .isEqualTo(OrderStatus.ACKNOWLEDGED.name());
        assertThat(OrderSummaries.decided(List.of(second), true).apply(partly))
                .extracting(Summary::status, Summary::awaitingDecision)
                .containsExactly(OrderStatus.ACCEPTED.name(), Set.of());
    }

    @Test
    void aClosedOrderStaysClosedAndEndsItsEscalationAndNoChangeMakesARowThatIsNotThere() {
        Summary escalated = OrderSummaries.escalated(true).apply(summary(OrderStatus.ACKNOWLEDGED, List.of(first),
                Set.of()));

        Summary closed = OrderSummaries.closed().apply(escalated);
        assertThat(closed).extracting(Summary::status, Summary::escalated)
                .containsExactly(OrderStatus.CLOSED.name(), false);
        assertThat(OrderSummaries.reported(List.of(first)).apply(closed).status())
                .isEqualTo(OrderStatus.CLOSED.name());

        for (OrderSummaries.Change change : List.of(OrderSummaries.status(OrderStatus.ACKNOWLEDGED),
                OrderSummaries.closed(), OrderSummaries.escalated(true), OrderSummaries.reported(null),
                OrderSummaries.decided(null, true))) {
            assertThat(change.apply(null)).isNull();
        }
    }

    /** A rebuild's batch begins and ends orders: one read for all of them, one write per order, one JDBC batch. */
    @Test
    void aBatchReadsItsOrdersRowsInOneStatementAndWritesEachChangedRowOnce() throws Exception {
        UUID begun = UUID.randomUUID();
        Summary stored = summary(OrderStatus.IMPOSED, List.of(first), Set.of());
        answerRows(stored);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        SupervisoryOrderImposed imposed = new SupervisoryOrderImposed(begun, "tilsyn-a", "org-b", "REF-9", "lov",
                LocalDate.of(2026, 3, 1), "resumé", List.of(requirement(first), requirement(second)));
        projection.on(imposed, new GenericDomainEventMessage<>("Order", begun.toString(), 0, imposed));
        projection.on(new SupervisoryOrderAcknowledged(begun, "org-b"));
        projection.on(new ComplianceReportSubmitted(begun, "rapport", List.of(first, second)));
        projection.on(ComplianceRejected.of(begun, List.of(new Rejection(second, "mangler"))));
        projection.on(new ComplianceReportSubmitted(begun, "igen", List.of(second)));
        projection.on(new ComplianceAccepted(begun, List.of(first), false));
        projection.on(new SupervisoryOrderAcknowledged(stored.orderId(), "org-b"));
        projection.on(new SupervisoryOrderEscalated(stored.orderId(), "grund"));
        projection.on(new SupervisoryOrderClosed(stored.orderId(), "slut", false));

        batch.commit();

        verify(jdbc, times(1)).query(readOf("FROM query.order_summary WHERE order_id = ANY(?)"),
                any(RowCallbackHandler.class));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Object[]>> rows = ArgumentCaptor.forClass(List.class);
        verify(jdbc).batchUpdate(startsWith(UPSERT), rows.capture());
        assertThat(rows.getValue()).hasSize(2);
        Object[] begunRow = rows.getValue().stream().filter(row -> row[0].equals(begun)).findFirst().orElseThrow();
        assertThat(begunRow[5]).isEqualTo(OrderStatus.REPORT_SUBMITTED.name());
        assertThat((UUID[]) begunRow[9]).containsExactly(second);
        assertThat((UUID[]) begunRow[8]).containsExactly(first, second);
        Object[] storedRow = rows.getValue().stream().filter(row -> row[0].equals(stored.orderId())).findFirst()
                .orElseThrow();
        assertThat(storedRow).containsSubsequence(OrderStatus.CLOSED.name(), false);
        verify(jdbc, times(0)).update(startsWith(UPSERT), any(Object[].class));
    }

    @Test
    void anEventOutsideABatchIsReadAndWrittenAtOnceAndAnUnchangedRowIsNotWritten() throws Exception {
        Summary stored = summary(OrderStatus.ACKNOWLEDGED, List.of(first), Set.of());
        answerRows(stored);

        projection.on(new SupervisoryOrderAcknowledged(stored.orderId(), "org-b"));
        verify(jdbc).query(readOf("FROM query.order_summary"), any(RowCallbackHandler.class));
        verify(jdbc, times(0)).update(startsWith(UPSERT), any(Object[].class));
        clearInvocations(jdbc);

        projection.on(new ComplianceReportSubmitted(stored.orderId(), "rapport", List.of(first)));
        var order = inOrder(jdbc);
        order.verify(jdbc).query(readOf("FROM query.order_summary"), any(RowCallbackHandler.class));
        order.verify(jdbc).update(startsWith(UPSERT), any(Object[].class));
        verify(jdbc, times(0)).batchUpdate(startsWith(UPSERT), anyList());
    }

    private Summary summary(OrderStatus status, List<UUID> requirements, Set<UUID> awaiting) {
        return new Summary(UUID.randomUUID(), "REF-1", "tilsyn-a", "org-b", Date.valueOf("2026-01-15"),
                status.name(), false, Timestamp.from(Instant.parse("2026-01-15T10:00:00Z")), requirements, awaiting);
    }

    /** The database holds {@code stored}: the read of the batch's orders finds it. */
    private void answerRows(Summary stored) throws Exception {
        ResultSet row = mock(ResultSet.class);
        when(row.getObject("order_id", UUID.class)).thenReturn(stored.orderId());
        when(row.getString("reference")).thenReturn(stored.reference());
        when(row.getString("authority_id")).thenReturn(stored.authorityId());
        when(row.getString("organisation_id")).thenReturn(stored.organisationId());
        when(row.getDate("issued_on")).thenReturn(stored.issuedOn());
        when(row.getString("status")).thenReturn(stored.status());
        when(row.getBoolean("escalated")).thenReturn(stored.escalated());
        when(row.getTimestamp("imposed_at")).thenReturn(stored.imposedAt());
        Array requirements = mock(Array.class);
        when(requirements.getArray()).thenReturn(stored.requirementIds().toArray(UUID[]::new));
        when(row.getArray("requirement_ids")).thenReturn(requirements);
        Array awaiting = mock(Array.class);
        when(awaiting.getArray()).thenReturn(stored.awaitingDecision().toArray(UUID[]::new));
        when(row.getArray("awaiting_decision")).thenReturn(awaiting);
        doAnswer(call -> {
            UUID[] asked = (UUID[]) call.<PlannedEachTime>getArgument(0).arguments()[0];
            if (List.of(asked).contains(stored.orderId())) {
                ((RowCallbackHandler) call.getArgument(1)).processRow(row);
            }
            return null;
        }).when(jdbc).query(readOf("FROM query.order_summary"), any(RowCallbackHandler.class));
    }

    /** A read planned at each execution ({@link PlannedEachTime}) whose SQL contains {@code sql}. */
    private static PreparedStatementCreator readOf(String sql) {
        return argThat(statement -> statement instanceof PlannedEachTime planned && planned.getSql().contains(sql));
    }

    private static Requirement requirement(UUID id) {
        return new Requirement(id, "Krav", "Ændring", QualityTheme.values()[0], LocalDate.now().plusDays(60));
    }
}
