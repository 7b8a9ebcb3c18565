package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.Rejection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * ACCEPTED, with the requirements accepted; or REJECTED, with the requirements sent back to work and, per
 * requirement, why ({@code rejections}). A rejection of a whole report (before reports were per requirement) has one
 * {@code reason} for the requirements it named.
 */
public record AuthorityDecision(
        String decision,
        String reason,
        List<UUID> requirementIds,
        Instant decidedAt,
        String decidedBy,
        List<Rejection> rejections) {
}
