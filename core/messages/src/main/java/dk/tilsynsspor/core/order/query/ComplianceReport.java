package dk.tilsynsspor.core.order.query;

import java.time.Instant;

public record ComplianceReport(
        String summary,
        Instant submittedAt,
        String submittedBy) {
}
