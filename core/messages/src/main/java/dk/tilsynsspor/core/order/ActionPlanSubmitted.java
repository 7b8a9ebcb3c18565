package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

@Revision("1")
public record ActionPlanSubmitted(
        UUID orderId,
        UUID requirementId,
        int version,
        String plannedChanges,
        String responsibleLeader,
        List<Milestone> milestones) implements OrderEvent {
}
