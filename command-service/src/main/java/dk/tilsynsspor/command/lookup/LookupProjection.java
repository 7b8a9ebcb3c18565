package dk.tilsynsspor.command.lookup;

import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lookups behind rules that span aggregates. A subscribing processor: its handlers run in the transaction that
 * appends the events, so the lookups are never behind or ahead of the event store.
 */
@Component
@ProcessingGroup(LookupProjection.GROUP)
class LookupProjection implements OrderDirectory, InsightDirectory, DocumentDirectory {

    static final String GROUP = "command-lookups";

    private final JdbcTemplate jdbc;

    LookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SupervisoryOrderImposed event) {
        UUID[] requirementIds = event.requirements().stream().map(Requirement::requirementId).toArray(UUID[]::new);
        jdbc.update("""
                INSERT INTO command.order_lookup (order_id, authority_id, organisation_id, requirement_ids, closed)
                VALUES (?, ?, ?, ?, FALSE) ON CONFLICT (order_id) DO NOTHING""",
                event.orderId(), event.authorityId(), event.organisationId(), requirementIds);
    }

    @EventHandler
    void on(SupervisoryOrderClosed event) {
        jdbc.update("UPDATE command.order_lookup SET closed = TRUE WHERE order_id = ?", event.orderId());
    }

    @EventHandler
    void on(SessionInsightRecorded event) {
        if (event.orderId() == null || event.requirementId() == null) {
            return; // ongoing development without an order: nothing a verification could cite
        }
        jdbc.update("""
                INSERT INTO command.insight_lookup (insight_id, case_id, order_id, requirement_id)
                VALUES (?, ?, ?, ?) ON CONFLICT (insight_id) DO NOTHING""",
                event.insightId(), event.caseId(), event.orderId(), event.requirementId());
    }

    @EventHandler
    void on(EvidenceDocumentAttached event) {
        jdbc.update("""
                INSERT INTO command.document_lookup (document_id, order_id, requirement_id, case_id, withdrawn)
                VALUES (?, ?, ?, ?, FALSE) ON CONFLICT (document_id) DO NOTHING""",
                event.documentId(), event.orderId(), event.requirementId(), event.caseId());
    }

    @EventHandler
    void on(EvidenceDocumentWithdrawn event) {
        jdbc.update("UPDATE command.document_lookup SET withdrawn = TRUE WHERE document_id = ?", event.documentId());
    }

    @Override
    public Optional<AttachedDocument> findDocument(UUID documentId) {
        return jdbc.query("SELECT document_id, order_id, requirement_id, case_id, withdrawn"
                        + " FROM command.document_lookup WHERE document_id = ?", (rs, row) -> new AttachedDocument(
                        rs.getObject("document_id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getObject("requirement_id", UUID.class), rs.getObject("case_id", UUID.class),
                        rs.getBoolean("withdrawn")), documentId)
                .stream().findFirst();
    }

    @Override
    public Optional<KnownOrder> find(UUID orderId) {
        List<KnownOrder> found = jdbc.query("""
                SELECT order_id, authority_id, organisation_id, requirement_ids, closed
                FROM command.order_lookup WHERE order_id = ?""", (rs, row) -> new KnownOrder(
                rs.getObject("order_id", UUID.class), rs.getString("authority_id"),
                rs.getString("organisation_id"), uuids(rs.getArray("requirement_ids")), rs.getBoolean("closed")),
                orderId);
        return found.stream().findFirst();
    }

    @Override
    public Optional<RecordedInsight> findInsight(UUID insightId) {
        return jdbc.query("SELECT insight_id, order_id, requirement_id FROM command.insight_lookup"
                        + " WHERE insight_id = ?", (rs, row) -> new RecordedInsight(
                        rs.getObject("insight_id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getObject("requirement_id", UUID.class)), insightId)
                .stream().findFirst();
    }

    private static Set<UUID> uuids(Array array) throws java.sql.SQLException {
        return new HashSet<>(List.of((UUID[]) array.getArray()));
    }
}
