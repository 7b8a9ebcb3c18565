package dk.tilsynsspor.query.document;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Visibility;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.casework.CaseReads;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.trail.TrailTexts;
import dk.tilsynsspor.query.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * An evidence document as the trail tells it, for whoever may see what it is attached to: the requirement's order
 * (its authority's inspectors and its organisation's leaders) or the case (those, and the case's team). To anybody
 * else it does not exist.
 */
@Component
public class DocumentReads {

    /** The event that attached the document, and whether it was withdrawn since. */
    public record KnownDocument(UUID orderId, EvidenceDocumentAttached attached, boolean withdrawn) {
    }

    private final JdbcTemplate jdbc;
    private final EventJson json;
    private final CurrentActor currentActor;
    private final CaseReads cases;
    private final TrailTexts texts;

    DocumentReads(JdbcTemplate jdbc, EventJson json, CurrentActor currentActor, CaseReads cases, TrailTexts texts) {
        this.jdbc = jdbc;
        this.json = json;
        this.currentActor = currentActor;
        this.cases = cases;
        this.texts = texts;
    }

    public KnownDocument find(UUID documentId) {
        NotFoundException notFound = new NotFoundException("There is no document with id " + documentId
                + " that you may see.");
        List<Row> rows = jdbc.query("""
                SELECT x.order_id, x.payload_type, d.payload,
                       COALESCE(x.global_index < f.forgotten_at, FALSE) AS erased
                  FROM query.document_event x JOIN events.domain_event_entry d ON d.globalIndex = x.global_index
                  LEFT JOIN query.forgotten_case f ON f.case_id = d.aggregateIdentifier
                 WHERE x.document_id = ?
                 ORDER BY x.global_index""", (rs, row) -> new Row(rs.getObject("order_id", UUID.class),
                rs.getString("payload_type"), rs.getBytes("payload"), rs.getBoolean("erased")),
                documentId.toString());
        Row attaching = rows.stream().filter(row -> row.type().equals(EvidenceDocumentAttached.class.getName()))
                .findFirst().orElseThrow(() -> notFound);
        EvidenceDocumentAttached attached = read(attaching);
        assertVisible(attaching.orderId(), attached.caseId(), notFound);
        boolean withdrawn = rows.stream().anyMatch(row -> row.type().equals(EvidenceDocumentWithdrawn.class.getName()));
        return new KnownDocument(attaching.orderId(), attached, withdrawn);
    }

    private void assertVisible(UUID orderId, UUID caseId, NotFoundException notFound) {
        if (caseId != null) {
            cases.caseView(caseId); // answers 404 to whoever may not see the case
            return;
        }
        Actor actor = currentActor.get();
        boolean visible = Visibility.readsOrders(actor) && jdbc.query(
                "SELECT authority_id, organisation_id FROM query.order_summary WHERE order_id = ?",
                (rs, row) -> Visibility.canSeeOrder(actor, rs.getString(1), rs.getString(2)), orderId)
                .stream().findFirst().orElse(false);
        if (!visible) {
            throw notFound;
        }
    }

    /**
     * The attaching event, its title and file name opened (the store keeps them sealed), or erased if its citizen was
     * forgotten since.
     */
    private EvidenceDocumentAttached read(Row attaching) {
        String type = EvidenceDocumentAttached.class.getName();
        try {
            JsonNode event = json.mapper().readTree(attaching.payload());
            if (attaching.erased()) {
                TrailTexts.erase(type, event);
            }
            return json.mapper().treeToValue(texts.open(type, event), EvidenceDocumentAttached.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(UUID orderId, String type, byte[] payload, boolean erased) {
    }
}
