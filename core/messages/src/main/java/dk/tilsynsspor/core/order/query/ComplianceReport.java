package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report on requirements verified as met; {@code requirementIds} the ones it covers. */
public record ComplianceReport(
        String summary,
        Instant submittedAt,
        String submittedBy,
        List<UUID> requirementIds) {
}
