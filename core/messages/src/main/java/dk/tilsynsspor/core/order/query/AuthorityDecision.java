package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** ACCEPTED, or REJECTED with the requirements sent back for rework. */
public record AuthorityDecision(
        String decision,
        String reason,
        List<UUID> requirementIds,
        Instant decidedAt,
        String decidedBy) {
}
