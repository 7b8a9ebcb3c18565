package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.casework.CaseEvent;
import dk.tilsynsspor.core.casework.CitizenForgotten;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.OrderEvent;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.EscalationEnded;
import dk.tilsynsspor.core.order.EscalationExpired;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.privacy.PersonalFields;
import dk.tilsynsspor.query.eventstore.EventJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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

    OrderTrailProjection(JdbcTemplate jdbc, BatchedWrites writes, EventJson json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(SupervisoryOrderImposed event, DomainEventMessage<?> message, TrackingToken token) {
        writes.add("""
                INSERT INTO query.order_summary
                    (order_id, reference, authority_id, organisation_id, issued_on, status, imposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING""",
                event.orderId(), StoredText.of(event.reference()), StoredText.of(event.authorityId()),
                StoredText.of(event.organisationId()), storableDate(event.issuedOn()), OrderStatus.IMPOSED.name(),
                Timestamp.from(message.getTimestamp()));
        record(event.orderId(), message, token);
    }

    @EventHandler
    void on(OrderEvent event, DomainEventMessage<?> message, TrackingToken token) {
        record(event.orderId(), message, token);
        OrderStatus status = statusAfter(event);
        if (status != null) {
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

    /** The order's status after the event, or null if the event does not change it. */
    private static OrderStatus statusAfter(OrderEvent event) {
        if (event instanceof SupervisoryOrderAcknowledged || event instanceof ComplianceRejected) {
            return OrderStatus.ACKNOWLEDGED;
        }
        if (event instanceof ComplianceReportSubmitted) {
            return OrderStatus.REPORT_SUBMITTED;
        }
        if (event instanceof ComplianceAccepted) {
            return OrderStatus.ACCEPTED;
        }
        return event instanceof SupervisoryOrderClosed ? OrderStatus.CLOSED : null;
    }

    @EventHandler
    void on(CaseEvent event, DomainEventMessage<?> message, TrackingToken token) {
        record(event.orderId(), message, token);
    }

    /**
     * The erasure receipt: the personal texts the trail holds of the case's earlier events become
     * {@link PersonalFields#ERASED}, as they already read in the event store now that the key is gone.
     */
    @EventHandler
    void on(CitizenForgotten event, DomainEventMessage<?> message, TrackingToken token) {
        writes.flush(); // the case's earlier events of this batch must be in the table to be erased there
        List<String> payloadTypes = jdbc.queryForList(
                "SELECT DISTINCT payload_type FROM query.order_event WHERE aggregate_id = ?", String.class,
                event.caseId().toString());
        for (String payloadType : payloadTypes) {
            for (String field : PersonalFields.of(classOf(payloadType))) {
                jdbc.update("""
                        UPDATE query.order_event SET payload = jsonb_set(payload, ARRAY[?], to_jsonb(?::text))
                         WHERE aggregate_id = ? AND payload_type = ? AND jsonb_exists(payload, ?)""",
                        field, PersonalFields.ERASED, event.caseId().toString(), payloadType, field);
            }
        }
        record(event.orderId(), message, token);
    }

    private static Class<?> classOf(String payloadType) {
        try {
            return Class.forName(payloadType);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the trail holds an event type this service does not know: "
                    + payloadType, e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE query.order_event, query.order_summary");
    }

    private void record(UUID orderId, DomainEventMessage<?> message, TrackingToken token) {
        MetaData metaData = message.getMetaData();
        writes.add("""
                INSERT INTO query.order_event
                    (order_id, global_index, event_id, aggregate_id, aggregate_sequence, event_type, payload_type,
                     recorded_at, actor_id, actor_role, actor_scope, reason, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (order_id, global_index) DO NOTHING""",
                orderId, token.position().orElseThrow(), message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                message.getPayloadType().getName(), Timestamp.from(message.getTimestamp()),
                text(metaData, AuditMetadata.ACTOR_ID), text(metaData, AuditMetadata.ACTOR_ROLE),
                text(metaData, AuditMetadata.ACTOR_SCOPE), text(metaData, AuditMetadata.REASON),
                StoredText.json(json.mapper(), message.getPayload()));
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
