package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an order's trail. {@code hash}: the event's link in the order's hash chain; null for an event of a
 * case from before the case served the order, and for the moments after an event is stored until it is sealed into
 * the chain (ADR 28).
 */
public record AuditEntry(
        long sequence,
        Instant recordedAt,
        String eventType,
        String actorId,
        String actorRole,
        String reason,
        String aggregateId,
        Map<String, Object> payload,
        String hash) {
}
