package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.casework.CaseLinkedToRequirements;
import dk.tilsynsspor.core.casework.CaseUnlinkedFromRequirements;
import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.CitizenForgotten;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.EscalationEnded;
import dk.tilsynsspor.core.order.EscalationExpired;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.order.NoticeLapsed;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.OrderPublished;
import dk.tilsynsspor.core.order.OrderUnpublished;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.privacy.PersonalFields;
import dk.tilsynsspor.query.projection.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps what an order's trail, read from the event store itself ({@link TrailRepository}, ADR 24), cannot find there
 * by an index of the store's own: one summary row per order (for lists and filters), the cases linked to each order
 * (their earlier events are shown in its trail), each case's organisation and the order it was opened for, the
 * assignments of professionals, the cases that may serve no order, the closed and the forgotten cases and the
 * evidence documents' events. Each handler takes only the event types it needs, so a rebuild deserializes none but
 * those. Every write is idempotent, so a replay or a redelivered batch changes nothing.
 */
@Component
@ProcessingGroup(OrderTrailProjection.GROUP)
public class OrderTrailProjection {

    public static final String GROUP = "order-trail";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final OrderSummaries summaries;

    OrderTrailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
        this.summaries = new OrderSummaries(jdbc, writes);
    }

    /** A notice starts the order's summary, which the imposition on it completes. */
    @EventHandler
    void on(NoticeOfOrderGiven event, DomainEventMessage<?> message) {
        summaries.change(event.orderId(), OrderSummaries.notice(new OrderSummaries.Summary(event.orderId(),
                StoredText.of(event.reference()), StoredText.of(event.authorityId()),
                StoredText.of(event.organisationId()), StoredDate.of(event.issuedOn()), OrderStatus.NOTICE.name(),
                false, Timestamp.from(message.getTimestamp()), List.of(), Set.of())));
    }

    @EventHandler
    void on(SupervisoryOrderImposed event, DomainEventMessage<?> message) {
        summaries.change(event.orderId(), OrderSummaries.imposed(new OrderSummaries.Summary(event.orderId(),
                StoredText.of(event.reference()), StoredText.of(event.authorityId()),
                StoredText.of(event.organisationId()), StoredDate.of(event.issuedOn()), OrderStatus.IMPOSED.name(),
                false, Timestamp.from(message.getTimestamp()),
                event.requirements().stream().map(Requirement::requirementId).toList(), Set.of())));
    }

    @EventHandler
    void on(SupervisoryOrderAcknowledged event) {
        summaries.change(event.orderId(), OrderSummaries.status(OrderStatus.ACKNOWLEDGED));
    }

    @EventHandler
    void on(NoticeLapsed event) {
        summaries.change(event.orderId(), OrderSummaries.status(OrderStatus.LAPSED));
    }

    @EventHandler
    void on(SupervisoryOrderClosed event) {
        summaries.change(event.orderId(), OrderSummaries.closed());
    }

    @EventHandler
    void on(SupervisoryOrderEscalated event) {
        summaries.change(event.orderId(), OrderSummaries.escalated(true));
    }

    @EventHandler
    void on(EscalationEnded event) {
        summaries.change(event.orderId(), OrderSummaries.escalated(false));
    }

    @EventHandler
    void on(EscalationExpired event) {
        summaries.change(event.orderId(), OrderSummaries.escalated(false));
    }

    @EventHandler
    void on(ComplianceReportSubmitted event) {
        summaries.change(event.orderId(), OrderSummaries.reported(event.requirementIds()));
    }

    @EventHandler
    void on(ComplianceAccepted event) {
        summaries.change(event.orderId(), OrderSummaries.decided(event.requirementIds(), event.acceptsOrder()));
    }

    @EventHandler
    void on(ComplianceRejected event) {
        summaries.change(event.orderId(),
                OrderSummaries.decided(event.wholeReport() ? null : event.requirementIds(), false));
    }

    /** A publication that is up, so the work queue finds the ended orders still published without folding all. */
    @EventHandler
    void on(OrderPublished event) {
        writes.add(BatchedWrites.row("query.active_publication", event.publicationId()), """
                INSERT INTO query.active_publication (publication_id, order_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING""", event.publicationId(), event.orderId());
    }

    @EventHandler
    void on(OrderUnpublished event) {
        writes.add(BatchedWrites.row("query.active_publication", event.publicationId()),
                "DELETE FROM query.active_publication WHERE publication_id = ?", event.publicationId());
    }

    /** A case now serves an order: its events before this link are shown in that order's trail too. */
    @EventHandler
    void on(CaseLinkedToRequirements event, TrackingToken token) {
        writes.add(BatchedWrites.row("query.case_link", List.of(event.orderId(), event.caseId())), """
                INSERT INTO query.case_link (order_id, case_id, linked_at) VALUES (?, ?, ?)
                ON CONFLICT (order_id, case_id) DO UPDATE SET linked_at = GREATEST(query.case_link.linked_at,
                    excluded.linked_at)""", event.orderId(), event.caseId().toString(), position(token));
    }

    /**
     * A case's organisation, for reads that take one organisation's cases, and the order it was opened for, if any,
     * for the read of the cases that go on after their order was closed. A case opened without an order serves none
     * (until linked); the case fold says whether it still does.
     */
    @EventHandler
    void on(CitizenCaseOpened event) {
        if (event.organisationId() != null) { // always, since input was checked
            writes.add(BatchedWrites.row("query.case_opening", event.caseId()), """
                    INSERT INTO query.case_opening (case_id, organisation_id, order_id) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""", event.caseId(), StoredText.of(event.organisationId()),
                    event.orderId());
        }
        if (event.orderId() == null) {
            withoutOrder(event.caseId());
        }
    }

    @EventHandler
    void on(CaseUnlinkedFromRequirements event) {
        withoutOrder(event.caseId());
    }

    private void withoutOrder(UUID caseId) {
        writes.add(BatchedWrites.row("query.case_without_order", caseId),
                "INSERT INTO query.case_without_order (case_id) VALUES (?) ON CONFLICT DO NOTHING", caseId);
    }

    /** A closed case, by its closure's place in the stream (so the most recently closed are read first). */
    @EventHandler
    void on(CitizenCaseClosed event, TrackingToken token) {
        writes.add(BatchedWrites.row("query.closed_case", event.caseId()),
                "INSERT INTO query.closed_case (case_id, closed_index) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.caseId(), position(token));
    }

    @EventHandler
    void on(ProfessionalAssignedToCase event, DomainEventMessage<?> message, TrackingToken token) {
        Object scope = message.getMetaData().get(AuditMetadata.ACTOR_SCOPE);
        writes.add(BatchedWrites.row("query.case_assignment", position(token)), """
                INSERT INTO query.case_assignment (global_index, case_id, professional_id, organisation_id, label,
                                                   home_organisation_id)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", position(token), event.caseId(),
                StoredText.of(event.professionalId()), scope == null ? null : StoredText.of(scope.toString()),
                StoredText.of(Stream.of(event.name(), event.discipline(), event.homeOrganisationId())
                        .filter(Objects::nonNull).collect(Collectors.joining(" · "))),
                StoredText.of(event.homeOrganisationId()));
    }

    /**
     * The erasure receipt: the personal texts of the case's earlier events read as {@link PersonalFields#ERASED}
     * from now on. Those stored sealed read so anyway, now that the key is gone; this also erases texts stored
     * before personal texts were sealed, which the store keeps as they were.
     */
    @EventHandler
    void on(CitizenForgotten event, TrackingToken token) {
        writes.add(BatchedWrites.row("query.forgotten_case", event.caseId()), """
                INSERT INTO query.forgotten_case (case_id, forgotten_at) VALUES (?, ?)
                ON CONFLICT (case_id) DO NOTHING""", event.caseId().toString(), position(token));
    }

    @EventHandler
    void on(EvidenceDocumentAttached event, TrackingToken token) {
        document(event.documentId(), event.orderId(), event.getClass(), token);
    }

    @EventHandler
    void on(EvidenceDocumentWithdrawn event, TrackingToken token) {
        document(event.documentId(), event.orderId(), event.getClass(), token);
    }

    private void document(UUID documentId, UUID orderId, Class<?> type, TrackingToken token) {
        writes.add(BatchedWrites.row("query.document_event", List.of(documentId, position(token))), """
                INSERT INTO query.document_event (document_id, global_index, order_id, payload_type)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", documentId.toString(), position(token), orderId,
                type.getName());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("""
                TRUNCATE query.order_summary, query.case_link, query.case_assignment, query.case_without_order,
                         query.case_opening, query.closed_case, query.forgotten_case, query.document_event,
                         query.active_publication""");
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow();
    }

}
