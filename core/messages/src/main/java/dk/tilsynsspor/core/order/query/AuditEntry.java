package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.util.Map;

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
