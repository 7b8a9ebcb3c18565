package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.Milestone;

import java.time.Instant;
import java.util.List;

/** A version of a requirement's action plan; {@code review} is the authority's, or null while not reviewed. */
public record ActionPlanVersion(
        int version,
        String plannedChanges,
        String responsibleLeader,
        List<Milestone> milestones,
        Instant submittedAt,
        String submittedBy,
        PlanReview review) {

    /** The version as the authority reviewed it. */
    public ActionPlanVersion reviewed(PlanReview review) {
        return new ActionPlanVersion(version, plannedChanges, responsibleLeader, milestones, submittedAt, submittedBy,
                review);
    }
}
