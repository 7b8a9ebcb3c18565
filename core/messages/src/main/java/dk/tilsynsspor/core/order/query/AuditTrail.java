package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record AuditTrail(
        UUID orderId,
        String reference,
        String authorityId,
        String organisationId,
        Instant asOf,
        List<AuditEntry> entries) {
}
