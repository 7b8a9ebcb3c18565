package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.Milestone;

import java.time.Instant;
import java.util.List;

public record ActionPlanVersion(
        int version,
        String plannedChanges,
        String responsibleLeader,
        List<Milestone> milestones,
        Instant submittedAt,
        String submittedBy) {
}
