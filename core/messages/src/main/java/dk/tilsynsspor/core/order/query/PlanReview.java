package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.PlanVerdict;

import java.time.Instant;

/** The authority's review of an action plan version. */
public record PlanReview(
        PlanVerdict verdict,
        String remarks,
        Instant reviewedAt,
        String reviewedBy) {
}
