package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.casework.CaseEvent;
import dk.tilsynsspor.core.casework.CaseLinkedToRequirements;
import dk.tilsynsspor.core.casework.CitizenForgotten;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.OrderEvent;
import dk.tilsynsspor.core.order.NoticeLapsed;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.EscalationEnded;
import dk.tilsynsspor.core.order.EscalationExpired;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.privacy.PersonalFields;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.projection.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Projects every event of an order, and of the cases serving it, into that order's trail, plus one summary row per
 * order. Every write is an idempotent upsert keyed by the event's global index, so a replay or a redelivered batch
 * changes nothing.
 */
@Component
@ProcessingGroup(OrderTrailProjection.GROUP)
public class OrderTrailProjection {

    public static final String GROUP = "order-trail";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final EventJson json;
    private final Serializer eventSerializer;

    OrderTrailProjection(JdbcTemplate jdbc, EventJson json, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
        this.json = json;
        this.eventSerializer = eventSerializer;
    }

    /** A notice starts the order's trail and its summary, which the imposition on it completes. */
    @EventHandler
    void on(NoticeOfOrderGiven event, DomainEventMessage<?> message, TrackingToken token) {
        writes.add("""
                INSERT INTO query.order_summary
                    (order_id, reference, authority_id, organisation_id, issued_on, status, imposed_at,
                     requirement_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, '{}')
                ON CONFLICT (order_id) DO NOTHING""",
                event.orderId(), StoredText.of(event.reference()), StoredText.of(event.authorityId()),
                StoredText.of(event.organisationId()), storableDate(event.issuedOn()), OrderStatus.NOTICE.name(),
                Timestamp.from(message.getTimestamp()));
        record(event.orderId(), message, token);
    }

    @EventHandler
    void on(SupervisoryOrderImposed event, DomainEventMessage<?> message, TrackingToken token) {
        writes.add("""
                INSERT INTO query.order_summary
                    (order_id, reference, authority_id, organisation_id, issued_on, status, imposed_at,
                     requirement_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET
                    reference = excluded.reference, issued_on = excluded.issued_on, status = excluded.status,
                    imposed_at = excluded.imposed_at, requirement_ids = excluded.requirement_ids
                 WHERE query.order_summary.status = 'NOTICE'""",
                event.orderId(), StoredText.of(event.reference()), StoredText.of(event.authorityId()),
                StoredText.of(event.organisationId()), storableDate(event.issuedOn()), OrderStatus.IMPOSED.name(),
                Timestamp.from(message.getTimestamp()),
                event.requirements().stream().map(Requirement::requirementId).toArray(UUID[]::new));
        record(event.orderId(), message, token);
    }

    @EventHandler
    void on(OrderEvent event, DomainEventMessage<?> message, TrackingToken token) {
        record(event.orderId(), message, token);
        OrderStatus status = statusAfter(event);
        if (event instanceof ComplianceReportSubmitted || event instanceof ComplianceAccepted
                || event instanceof ComplianceRejected) {
            decided(event);
        } else if (status != null) {
            writes.add("UPDATE query.order_summary SET status = ? WHERE order_id = ?", status.name(),
                    event.orderId());
        } else if (event instanceof SupervisoryOrderEscalated) {
            writes.add("UPDATE query.order_summary SET escalated = TRUE WHERE order_id = ?", event.orderId());
        }
        if (event instanceof EscalationEnded || event instanceof EscalationExpired
                || event instanceof SupervisoryOrderClosed) { // skærpet tilsyn ends with the order at the latest
            writes.add("UPDATE query.order_summary SET escalated = FALSE WHERE order_id = ?", event.orderId());
        }
    }

    /** The order's status after the event, or null if the event does not change it (or {@link #decided} sets it). */
    private static OrderStatus statusAfter(OrderEvent event) {
        if (event instanceof SupervisoryOrderAcknowledged) {
            return OrderStatus.ACKNOWLEDGED;
        }
        if (event instanceof NoticeLapsed) {
            return OrderStatus.LAPSED;
        }
        return event instanceof SupervisoryOrderClosed ? OrderStatus.CLOSED : null;
    }

    /**
     * A report adds its requirements to those awaiting a decision, a decision takes its own away (one stored before
     * reports were per requirement: all); the status is then "report submitted" while any awaits a decision, else
     * "accepted" once the decision accepted the order, else "acknowledged". Set operations, so idempotent.
     */
    private void decided(OrderEvent event) {
        String without = """
                UPDATE query.order_summary SET awaiting_decision = CASE WHEN ?::uuid[] IS NULL THEN '{}'
                    ELSE ARRAY(SELECT unnest(awaiting_decision) EXCEPT SELECT unnest(?::uuid[])) END
                 WHERE order_id = ?""";
        boolean orderAccepted = false;
        if (event instanceof ComplianceReportSubmitted e) {
            writes.add("""
                    UPDATE query.order_summary SET awaiting_decision = ARRAY(SELECT DISTINCT unnest(
                        awaiting_decision || COALESCE(?::uuid[], requirement_ids))) WHERE order_id = ?""",
                    uuids(e.requirementIds()), e.orderId());
        } else if (event instanceof ComplianceAccepted e) {
            orderAccepted = e.acceptsOrder();
            writes.add(without, uuids(e.requirementIds()), uuids(e.requirementIds()), e.orderId());
        } else if (event instanceof ComplianceRejected e) {
            UUID[] sentBack = e.wholeReport() ? null : uuids(e.requirementIds());
            writes.add(without, sentBack, sentBack, e.orderId());
        }
        writes.add("""
                UPDATE query.order_summary SET status = CASE
                    WHEN cardinality(awaiting_decision) > 0 THEN 'REPORT_SUBMITTED' WHEN ? THEN 'ACCEPTED'
                    ELSE 'ACKNOWLEDGED' END
                 WHERE order_id = ? AND status <> 'CLOSED'""", orderAccepted, event.orderId());
    }

    private static UUID[] uuids(List<UUID> ids) {
        return ids == null ? null : ids.toArray(UUID[]::new);
    }

    /** A case's event: in the trail of the order it serves, or in a trail of its own while it serves none. */
    @EventHandler
    void on(CaseEvent event, DomainEventMessage<?> message, TrackingToken token) {
        record(trailOf(event), message, token);
    }

    /**
     * A case now serves an order: its earlier events (from its own trail, or another order's) are shown in this
     * order's trail too, so the dossier knows the case whole. Idempotent, like every write here.
     */
    @EventHandler
    void on(CaseLinkedToRequirements event, DomainEventMessage<?> message, TrackingToken token) {
        writes.flush(); // the case's earlier events of this batch must be in the table to be copied
        jdbc.update("""
                INSERT INTO query.order_event
                    (order_id, global_index, event_id, aggregate_id, aggregate_sequence, event_type, payload_type,
                     recorded_at, actor_id, actor_role, actor_scope, reason, payload)
                SELECT DISTINCT ON (global_index) ?, global_index, event_id, aggregate_id, aggregate_sequence,
                       event_type, payload_type, recorded_at, actor_id, actor_role, actor_scope, reason, payload
                  FROM query.order_event WHERE aggregate_id = ? AND order_id <> ?
                 ORDER BY global_index
                ON CONFLICT (order_id, global_index) DO NOTHING""", event.orderId(), event.caseId().toString(),
                event.orderId());
        record(event.orderId(), message, token);
    }

    /** The trail a case's event is kept in: its order's, or, while it serves none, its own (keyed by its id). */
    private static UUID trailOf(CaseEvent event) {
        return event.orderId() != null ? event.orderId() : event.caseId();
    }

    /**
     * The erasure receipt: the personal texts the trail holds of the case's earlier events become
     * {@link PersonalFields#ERASED}. Those it holds sealed already read so, now that the key is gone; this also
     * erases texts recorded before personal texts were sealed, and rows projected before the trail kept them sealed.
     */
    @EventHandler
    void on(CitizenForgotten event, DomainEventMessage<?> message, TrackingToken token) {
        writes.flush(); // the case's earlier events of this batch must be in the table to be erased there
        List<String> payloadTypes = jdbc.queryForList(
                "SELECT DISTINCT payload_type FROM query.order_event WHERE aggregate_id = ?", String.class,
                event.caseId().toString());
        for (String payloadType : payloadTypes) {
            for (String field : PersonalFields.of(EventTypes.of(payloadType))) {
                jdbc.update("""
                        UPDATE query.order_event SET payload = jsonb_set(payload, ARRAY[?], to_jsonb(?::text))
                         WHERE aggregate_id = ? AND payload_type = ? AND jsonb_exists(payload, ?)""",
                        field, PersonalFields.ERASED, event.caseId().toString(), payloadType, field);
            }
        }
        record(trailOf(event), message, token);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE query.order_event, query.order_summary");
    }

    private void record(UUID orderId, DomainEventMessage<?> message, TrackingToken token) {
        MetaData metaData = message.getMetaData();
        // ahead of the summary's writes: nothing else in a batch touches the trail's rows but after a flush
        writes.addAhead("""
                INSERT INTO query.order_event
                    (order_id, global_index, event_id, aggregate_id, aggregate_sequence, event_type, payload_type,
                     recorded_at, actor_id, actor_role, actor_scope, reason, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, convert_from(?, 'UTF8')::jsonb)
                ON CONFLICT (order_id, global_index) DO NOTHING""",
                orderId, token.position().orElseThrow(), message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                message.getPayloadType().getName(), Timestamp.from(message.getTimestamp()),
                text(metaData, AuditMetadata.ACTOR_ID), text(metaData, AuditMetadata.ACTOR_ROLE),
                text(metaData, AuditMetadata.ACTOR_SCOPE), text(metaData, AuditMetadata.REASON),
                storedPayload(message));
    }

    /**
     * The payload as the event store holds it, personal texts sealed (ADR 9, addendum): {@link TrailTexts} opens them
     * as the trail is read. Not written out again from the event, which an event read from the store need not be; and
     * handed to the driver as the stored bytes, not as a string it would encode again (an eighth of a rebuild's trail
     * thread went to that encoding).
     */
    private byte[] storedPayload(DomainEventMessage<?> message) {
        try {
            return StoredText.json(json.mapper(), message.serializePayload(eventSerializer, byte[].class).getData());
        } catch (IOException e) {
            throw new IllegalStateException("the stored payload of event " + message.getIdentifier()
                    + " is not JSON", e);
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : StoredText.of(value.toString());
    }

    /**
     * The issue date as the summary's DATE column can hold it: events from before dates were bounded may carry a
     * year PostgreSQL or JDBC cannot, and such an order is listed without its date rather than not at all.
     */
    private static Date storableDate(LocalDate date) {
        return date == null || date.getYear() < 1 || date.getYear() > 9999 ? null : Date.valueOf(date);
    }
}
