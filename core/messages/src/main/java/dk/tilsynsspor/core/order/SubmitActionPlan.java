package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** A handleplan for one requirement; submitting again makes a new version. */
public record SubmitActionPlan(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        String plannedChanges,
        String responsibleLeader,
        List<Milestone> milestones) implements RequirementCommand {
}
